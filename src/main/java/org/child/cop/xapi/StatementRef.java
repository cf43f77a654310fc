package org.child.cop.xapi;

import java.util.Objects;
import java.util.UUID;

/** A reference to another statement by its id. */
public record StatementRef(UUID id) implements StatementObject {

  public StatementRef {
    Objects.requireNonNull(id, "id");
    Violations violations = new Violations();
    Syntax.requireRfc4122(violations, id, "id");
    violations.throwIfAny();
  }

  public static StatementRef to(UUID id) {
    return new StatementRef(id);
  }
}
