package org.child.cop.lti.control;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.child.cop.settings.ToolSettings;

/**
 * The hosts whose dynamic registrations are trusted at once ({@code
 * lti.registration.allowed-hosts}): exact names such as {@code moodle.example.org}, or {@code
 * *.example.org} for every name below example.org (not example.org itself). A registration from any
 * other host is stored pending until an administrator approves it, since anyone can start one at
 * the public {@code /lti/register}.
 *
 * <p>In development mode an empty list admits this machine's hosts, so a local Moodle registers
 * without a detour; a list that is set is followed exactly, which also lets tests see both
 * outcomes.
 */
public final class RegistrationAllowList {

  private static final Pattern HOST =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*");
  private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+]");

  private final List<String> exact = new ArrayList<>();
  private final List<String> suffixes = new ArrayList<>();
  private final boolean developmentMode;

  private RegistrationAllowList(boolean developmentMode) {
    this.developmentMode = developmentMode;
  }

  /**
   * Reads the setting: comma-separated, blanks ignored, case-insensitive. A malformed entry is an
   * IllegalArgumentException naming it, so that a typo does not silently trust nobody or everybody.
   */
  public static RegistrationAllowList parse(String setting, boolean developmentMode) {
    RegistrationAllowList list = new RegistrationAllowList(developmentMode);
    if (setting == null) {
      return list;
    }
    for (String raw : setting.split(",")) {
      String entry = raw.strip().toLowerCase(Locale.ROOT);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.startsWith("*.")) {
        String suffix = entry.substring(2);
        // "*.org" would trust a whole top-level domain
        if (!HOST.matcher(suffix).matches() || !suffix.contains(".")) {
          throw new IllegalArgumentException(
              "lti.registration.allowed-hosts: "
                  + raw.strip()
                  + " is not a host name pattern such as *.example.org");
        }
        list.suffixes.add("." + suffix);
      } else if (HOST.matcher(entry).matches() || IPV6.matcher(entry).matches()) {
        list.exact.add(entry);
      } else {
        throw new IllegalArgumentException(
            "lti.registration.allowed-hosts: "
                + raw.strip()
                + " is not a host name such as moodle.example.org or *.example.org");
      }
    }
    return list;
  }

  /** Whether a registration whose configuration came from this URL is trusted at once. */
  public boolean admits(URI configuration) {
    String host = configuration.getHost();
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (exact.contains(name) || suffixes.stream().anyMatch(name::endsWith)) {
      return true;
    }
    return developmentMode && isEmpty() && ToolSettings.isLoopback(configuration);
  }

  public boolean isEmpty() {
    return exact.isEmpty() && suffixes.isEmpty();
  }
}
