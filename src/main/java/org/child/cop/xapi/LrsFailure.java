package org.child.cop.xapi;

/**
 * Why an LRS call failed, as a relay needs to decide: retry, set aside, or pause a destination.
 * (200 and 204 are successes and never reach this type; a re-sent statement with the same id and
 * content is a success too.)
 */
public enum LrsFailure {
  /** 400: the LRS rejects the request (in a batch: one bad statement rejects the whole batch). */
  BAD_REQUEST(false),
  /** 401: credentials missing or wrong. */
  UNAUTHORIZED(false),
  /** 403: the credentials may not do this. */
  FORBIDDEN(false),
  /** 404 where the operation has no empty answer for it. */
  NOT_FOUND(false),
  /** 409: a statement with this id but other content exists. */
  CONFLICT(false),
  /** 412: a precondition (ETag) failed. */
  PRECONDITION_FAILED(false),
  /** 413: the request is too large (split the batch). */
  TOO_LARGE(false),
  /** 429: the LRS asks to slow down. */
  TOO_MANY_REQUESTS(true),
  /** 5xx. */
  SERVER_ERROR(true),
  /** No answer within the connect or request timeout. */
  TIMEOUT(true),
  /** No connection: refused, reset, name not resolved, interrupted. */
  UNREACHABLE(true),
  /** Any other status, or a body that is not what the specification promises. */
  UNEXPECTED_RESPONSE(false);

  private final boolean retryable;

  LrsFailure(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether the same request may succeed later unchanged. */
  public boolean retryable() {
    return retryable;
  }

  static LrsFailure ofStatus(int status) {
    return switch (status) {
      case 400 -> BAD_REQUEST;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 409 -> CONFLICT;
      case 412 -> PRECONDITION_FAILED;
      case 413 -> TOO_LARGE;
      case 429 -> TOO_MANY_REQUESTS;
      default -> status >= 500 && status <= 599 ? SERVER_ERROR : UNEXPECTED_RESPONSE;
    };
  }
}
