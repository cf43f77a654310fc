package org.child.cop.xapi;

import java.util.Objects;

/**
 * An activity, identified by an IRI. {@code objectTypeStated} remembers whether {@code
 * "objectType": "Activity"} was written (it is optional), so JSON read in is written out unchanged.
 */
public record Activity(String id, ActivityDefinition definition, boolean objectTypeStated)
    implements StatementObject {

  public Activity {
    Objects.requireNonNull(id, "id");
    Violations violations = new Violations();
    Syntax.requireIri(violations, id, "id");
    violations.throwIfAny();
  }

  public static Activity of(String id) {
    return new Activity(id, null, true);
  }

  public static Activity of(String id, ActivityDefinition definition) {
    return new Activity(id, definition, true);
  }
}
