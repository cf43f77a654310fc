package org.child.cop.xapi;

import java.util.List;
import java.util.Objects;

/** xAPI 2.0: a Group relevant to a statement, with optional IRIs saying how. */
public record ContextGroup(Group group, List<String> relevantTypes) {

  public ContextGroup {
    Objects.requireNonNull(group, "group");
    relevantTypes = relevantTypes == null ? null : List.copyOf(relevantTypes);
    Violations violations = new Violations();
    Syntax.requireRelevantTypes(violations, relevantTypes);
    violations.throwIfAny();
  }

  public static ContextGroup of(Group group, String... relevantTypes) {
    return new ContextGroup(group, relevantTypes.length == 0 ? null : List.of(relevantTypes));
  }
}
