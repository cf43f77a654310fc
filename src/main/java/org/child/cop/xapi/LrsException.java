package org.child.cop.xapi;

import java.util.Objects;

/**
 * An LRS call that did not succeed: the classification, the HTTP status (0 when there was no HTTP
 * answer) and a short message from the LRS. Never carries credentials or whole bodies.
 */
public class LrsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final LrsFailure failure;
  private final int status;
  private final String lrsMessage;

  public LrsException(LrsFailure failure, int status, String lrsMessage) {
    this(failure, status, lrsMessage, null);
  }

  public LrsException(LrsFailure failure, int status, String lrsMessage, Throwable cause) {
    super(
        failure + (status == 0 ? "" : " (HTTP " + status + ")") + ": " + lrsMessage,
        cause,
        true,
        false);
    this.failure = Objects.requireNonNull(failure, "failure");
    this.status = status;
    this.lrsMessage = Objects.requireNonNull(lrsMessage, "lrsMessage");
  }

  public LrsFailure failure() {
    return failure;
  }

  /** The HTTP status, or 0 for timeouts and connection failures. */
  public int status() {
    return status;
  }

  /** What the LRS said, shortened; or what went wrong on the way. */
  public String lrsMessage() {
    return lrsMessage;
  }

  public boolean retryable() {
    return failure.retryable();
  }
}
