package org.child.cop.lti.control;

/**
 * A launch that must not go ahead. The message tells an LMS administrator what to fix; the detail,
 * for the log only, may hold what the user must not see (such as the expected nonce).
 */
public class LaunchRefused extends RuntimeException {

  private final String detail;

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
}
