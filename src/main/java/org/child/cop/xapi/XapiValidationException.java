package org.child.cop.xapi;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown where xAPI values break the specification's MUST rules; carries every violation found. */
public class XapiValidationException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<Violation> violations;

  public XapiValidationException(List<Violation> violations) {
    super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("a validation exception needs at least one violation");
    }
    this.violations = List.copyOf(violations);
  }

  public List<Violation> violations() {
    return violations;
  }

  List<Violation> violationsUnder(String prefix) {
    return violations.stream().map(v -> v.under(prefix)).toList();
  }
}
