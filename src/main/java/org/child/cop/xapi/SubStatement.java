package org.child.cop.xapi;

import java.util.List;
import java.util.Objects;

/**
 * A statement inside a statement (plans, intentions): it has no id, stored, version or authority,
 * and must not contain another SubStatement.
 */
public record SubStatement(
    Actor actor,
    Verb verb,
    StatementObject object,
    Result result,
    Context context,
    Timestamp timestamp,
    List<Attachment> attachments)
    implements StatementObject {

  public SubStatement {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(object, "object");
    attachments = attachments == null ? null : List.copyOf(attachments);
    Violations violations = new Violations();
    violations.require(
        !(object instanceof SubStatement),
        "object",
        "a SubStatement must not contain a SubStatement");
    Context.requireActivityFor(violations, context, object);
    violations.throwIfAny();
  }

  public static SubStatement of(Actor actor, Verb verb, StatementObject object) {
    return new SubStatement(actor, verb, object, null, null, null, null);
  }
}
