package org.child.cop.xapi;

import java.util.List;
import java.util.Objects;

/** xAPI 2.0: an Agent relevant to a statement, with optional IRIs saying how. */
public record ContextAgent(Agent agent, List<String> relevantTypes) {

  public ContextAgent {
    Objects.requireNonNull(agent, "agent");
    relevantTypes = relevantTypes == null ? null : List.copyOf(relevantTypes);
    Violations violations = new Violations();
    Syntax.requireRelevantTypes(violations, relevantTypes);
    violations.throwIfAny();
  }

  public static ContextAgent of(Agent agent, String... relevantTypes) {
    return new ContextAgent(agent, relevantTypes.length == 0 ? null : List.of(relevantTypes));
  }
}
