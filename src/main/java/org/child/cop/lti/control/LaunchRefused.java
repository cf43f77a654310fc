package org.child.cop.lti.control;

import java.util.Map;
import java.util.Optional;

/**
 * A launch that must not go ahead. The message tells an LMS administrator what to fix; the detail,
 * for the log only, may hold what the user must not see (such as the expected nonce).
 */
public class LaunchRefused extends RuntimeException {

  private final String detail;
  private Map<String, String> initiationAgain = Map.of();

  public LaunchRefused(String message) {
    this(message, message);
  }

  public LaunchRefused(String message, String detail) {
    super(message);
    this.detail = detail;
  }

  public String detail() {
    return detail;
  }

  /** The login to begin again in a new window, where the browser keeps the state cookie. */
  public LaunchRefused withInitiationAgain(Optional<Map<String, String>> parameters) {
    initiationAgain = parameters.orElse(Map.of());
    return this;
  }

  public Map<String, String> initiationAgain() {
    return initiationAgain;
  }
}
