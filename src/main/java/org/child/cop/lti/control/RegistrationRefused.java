package org.child.cop.lti.control;

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
    DUPLICATE
  }

  private final Kind kind;

  RegistrationRefused(Kind kind, String message) {
    super(message);
    this.kind = kind;
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
}
