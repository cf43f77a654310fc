package org.child.cop.problems;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} stays {@code about:blank}: the status and title say what
 * happened, {@code detail} says what to do about it.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String requestId,
    List<Violation> violations) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input: where it is and what is wrong with it. */
  public record Violation(String field, String message) {}

  public Problem {
    // absent rather than empty in JSON: most problems have no violations
    violations = violations == null || violations.isEmpty() ? null : List.copyOf(violations);
  }

  public static Problem of(int status, String title, String detail, String requestId) {
    return new Problem("about:blank", title, status, detail, requestId, null);
  }

  public Problem withViolations(List<Violation> list) {
    return new Problem(type, title, status, detail, requestId, list);
  }
}
