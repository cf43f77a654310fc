package org.child.cop.lti.control;

import java.time.Duration;

/**
 * A dynamic registration that cannot go ahead, with a message an LMS administrator can act on. The
 * message never holds the registration token.
 */
public class RegistrationRefused extends RuntimeException {

  /** Whose side the problem is on, which decides the HTTP status. */
  public enum Kind {
    /** What the LMS handed over (parameters, configuration URL, configuration): 400. */
    REQUEST,
    /** The platform's registration endpoint refused or failed: 502. */
    PLATFORM,
    /** The platform answered with a client id that is registered already: 409. */
    DUPLICATE,
    /** Too many attempts from one source, or too many awaiting approval: 429. */
    TOO_MANY
  }

  private final Kind kind;
  private final Duration retryAfter;

  RegistrationRefused(Kind kind, String message) {
    this(kind, message, Duration.ZERO);
  }

  private RegistrationRefused(Kind kind, String message, Duration retryAfter) {
    super(message);
    this.kind = kind;
    this.retryAfter = retryAfter;
  }

  static RegistrationRefused tooMany(String message, Duration retryAfter) {
    return new RegistrationRefused(Kind.TOO_MANY, message, retryAfter);
  }

  static RegistrationRefused request(String message) {
    return new RegistrationRefused(Kind.REQUEST, message);
  }

  static RegistrationRefused platform(String message) {
    return new RegistrationRefused(Kind.PLATFORM, message);
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#TOO_MANY}: when trying again can succeed. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
