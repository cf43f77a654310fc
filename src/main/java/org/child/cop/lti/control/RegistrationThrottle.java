package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits how often one network source may start a dynamic registration: the endpoint is public and
 * each attempt makes the tool call out, so a flood must not turn the tool into someone's request
 * generator. An LMS administrator needs a handful of attempts; the limit is per hour, per IPv4
 * address or IPv6 /64 (one subscriber's usual share). The count is per instance: enough to bound
 * the traffic, not a quota.
 */
@ApplicationScoped
public class RegistrationThrottle {

  static final Duration WINDOW = Duration.ofHours(1);

  /**
   * At most this many sources are counted at once, so the map cannot grow without end; beyond it
   * the oldest window is forgotten (a flood from many sources then counts less, but nobody is
   * refused for someone else's flood).
   */
  static final int MAX_SOURCES = 10_000;

  private record Window(Instant start, int attempts) {
    boolean over(Instant now) {
      return !now.isBefore(start.plus(WINDOW));
    }
  }

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  @Inject
  @ConfigProperty(name = "lti.registration.attempts-per-hour")
  int attemptsPerHour;

  /** Counts an attempt from {@code address}; refuses it with a 429 when there were too many. */
  public void admit(String address, Instant now) {
    String source = source(address);
    if (windows.size() >= MAX_SOURCES) {
      windows.values().removeIf(window -> window.over(now));
    }
    if (windows.size() >= MAX_SOURCES && !windows.containsKey(source)) {
      windows.entrySet().stream()
          .min(Map.Entry.comparingByValue(Comparator.comparing(Window::start)))
          .ifPresent(oldest -> windows.remove(oldest.getKey(), oldest.getValue()));
    }
    Window window =
        windows.merge(
            source,
            new Window(now, 1),
            (old, fresh) -> old.over(now) ? fresh : new Window(old.start(), old.attempts() + 1));
    if (window.attempts() > attemptsPerHour) {
      Duration wait = Duration.between(now, window.start().plus(WINDOW));
      throw RegistrationRefused.tooMany(
          "Too many registration attempts from your network: at most "
              + attemptsPerHour
              + " an hour. Try again in "
              + Math.max(1, wait.toMinutes())
              + " minutes, or register CHILD CoP by hand (ask a CHILD CoP administrator).",
          wait);
    }
  }

  /** An IPv6 address counts by its /64: one subscriber usually holds all of it. */
  static String source(String address) {
    try {
      InetAddress parsed = InetAddress.getByName(address);
      if (parsed instanceof Inet6Address) {
        return Arrays.toString(Arrays.copyOf(parsed.getAddress(), 8)) + "/64";
      }
      return parsed.getHostAddress();
    } catch (UnknownHostException | RuntimeException e) {
      return String.valueOf(address);
    }
  }
}
