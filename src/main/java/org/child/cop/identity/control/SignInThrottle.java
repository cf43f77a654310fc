package org.child.cop.identity.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per client address: after {@code maxFailures} within {@code lockout} of
 * each other, that address is refused until {@code lockout} has passed since its last failure. Kept
 * in memory: each instance throttles what it sees, which is enough to make guessing useless.
 */
public final class SignInThrottle {

  static final int TRACKED_ADDRESSES = 10_000;

  private record Failures(int count, Instant last) {}

  private final int maxFailures;
  private final Duration lockout;
  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  public SignInThrottle(int maxFailures, Duration lockout, Clock clock) {
    if (maxFailures < 1 || lockout.isNegative() || lockout.isZero()) {
      throw new IllegalArgumentException("the throttle needs at least one failure and a lockout");
    }
    this.maxFailures = maxFailures;
    this.lockout = lockout;
    this.clock = clock;
  }

  /** How long this address must still wait, if it is locked out. */
  public Optional<Duration> lockedOut(String address) {
    Failures current = failures.get(address);
    if (current == null || current.count() < maxFailures) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), current.last().plus(lockout));
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  /** Records a failure and returns how many this address has made in the current window. */
  public int failed(String address) {
    Instant now = clock.instant();
    if (failures.size() >= TRACKED_ADDRESSES) {
      forgetExpired(now);
    }
    return failures
        .merge(
            address,
            new Failures(1, now),
            (old, fresh) -> expired(old, now) ? fresh : new Failures(old.count() + 1, now))
        .count();
  }

  public void succeeded(String address) {
    failures.remove(address);
  }

  public int maxFailures() {
    return maxFailures;
  }

  public Duration lockout() {
    return lockout;
  }

  private boolean expired(Failures entry, Instant now) {
    return !now.isBefore(entry.last().plus(lockout));
  }

  private void forgetExpired(Instant now) {
    failures.values().removeIf(entry -> expired(entry, now));
    if (failures.size() >= TRACKED_ADDRESSES) {
      // under a spread-out attack keep the locked-out addresses, drop the rest
      failures.values().removeIf(entry -> entry.count() < maxFailures);
    }
  }
}
