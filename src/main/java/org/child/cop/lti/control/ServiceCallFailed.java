package org.child.cop.lti.control;

/**
 * A call to a platform's service did not succeed. The message is what administrators read on the
 * call: a status and a short reason, never a token. A permanent failure (a scope the platform did
 * not grant, a URL the tool refuses) is not retried.
 */
public class ServiceCallFailed extends RuntimeException {

  private final boolean permanent;

  ServiceCallFailed(String message, boolean permanent) {
    super(message);
    this.permanent = permanent;
  }

  static ServiceCallFailed retryable(String message) {
    return new ServiceCallFailed(message, false);
  }

  static ServiceCallFailed permanent(String message) {
    return new ServiceCallFailed(message, true);
  }

  /** A platform's answer other than success: client errors will not mend by retrying. */
  static ServiceCallFailed answered(int status, String what) {
    boolean lasting =
        status >= 400 && status < 500 && status != 401 && status != 408 && status != 429;
    return new ServiceCallFailed("HTTP " + status + " from the " + what, lasting);
  }

  public boolean permanent() {
    return permanent;
  }
}
