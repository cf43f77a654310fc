package org.child.cop.xapi;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * An xAPI statement: actor, verb, object, and what an LRS adds ({@code stored}, {@code authority},
 * {@code version}). Construction checks the specification's MUST rules and reports all that are
 * broken in one {@link XapiValidationException}; so does reading JSON.
 */
public record Statement(
    UUID id,
    Actor actor,
    Verb verb,
    StatementObject object,
    Result result,
    Context context,
    Timestamp timestamp,
    Timestamp stored,
    Actor authority,
    String version,
    List<Attachment> attachments) {

  public Statement {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(object, "object");
    attachments = attachments == null ? null : List.copyOf(attachments);
    Violations violations = new Violations();
    Syntax.requireRfc4122(violations, id, "id");
    violations.require(
        !verb.isVoiding() || object instanceof StatementRef,
        "object",
        "a voiding statement's object must be a StatementRef");
    Context.requireActivityFor(violations, context, object);
    if (authority instanceof Group group) {
      // an OAuth three-legged authority: the application and the user, nothing else
      violations.require(
          group.isAnonymous() && group.memberList().size() == 2,
          "authority",
          "a Group authority must be anonymous with exactly two Agents");
    }
    if (version != null) {
      violations.require(Syntax.isVersion(version), "version", "must be 1.0, 1.0.x, 2.0 or 2.0.x");
    }
    violations.throwIfAny();
  }

  /** Reads a statement, reporting every violation (including unknown members) at once. */
  public static Statement fromJson(String json) {
    return StatementJson.read(json);
  }

  public static Statement fromJson(jakarta.json.JsonObject json) {
    return StatementJson.read(json);
  }

  /** The JSON for an xAPI 1.0.3 LRS (xAPI 2.0 members left out). */
  public String toJson() {
    return toJson(XapiVersion.V1_0_3);
  }

  public String toJson(XapiVersion version) {
    return StatementJson.write(this, version).toString();
  }

  public jakarta.json.JsonObject toJsonObject(XapiVersion version) {
    return StatementJson.write(this, version);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this statement's values, to derive a changed copy. */
  public Builder toBuilder() {
    return new Builder()
        .id(id)
        .actor(actor)
        .verb(verb)
        .object(object)
        .result(result)
        .context(context)
        .timestamp(timestamp)
        .stored(stored)
        .authority(authority)
        .version(version)
        .attachments(attachments);
  }

  /** The statement without what an LRS adds, to compare what was sent with what came back. */
  public Statement asSent() {
    return toBuilder().stored(null).authority(null).version(null).build();
  }

  /** A voiding statement by {@code actor} for the statement {@code target}. */
  public static Statement voiding(UUID id, Actor actor, UUID target, Timestamp timestamp) {
    return builder()
        .id(id)
        .actor(actor)
        .verb(Verb.voided())
        .object(StatementRef.to(target))
        .timestamp(timestamp)
        .build();
  }

  /** Builds a statement; unset members are left out of the JSON. */
  public static final class Builder {
    private UUID id;
    private Actor actor;
    private Verb verb;
    private StatementObject object;
    private Result result;
    private Context context;
    private Timestamp timestamp;
    private Timestamp stored;
    private Actor authority;
    private String version;
    private List<Attachment> attachments;

    private Builder() {}

    public Builder id(UUID id) {
      this.id = id;
      return this;
    }

    public Builder actor(Actor actor) {
      this.actor = actor;
      return this;
    }

    public Builder verb(Verb verb) {
      this.verb = verb;
      return this;
    }

    public Builder object(StatementObject object) {
      this.object = object;
      return this;
    }

    public Builder result(Result result) {
      this.result = result;
      return this;
    }

    public Builder context(Context context) {
      this.context = context;
      return this;
    }

    public Builder timestamp(Timestamp timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    public Builder stored(Timestamp stored) {
      this.stored = stored;
      return this;
    }

    public Builder authority(Actor authority) {
      this.authority = authority;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder attachments(List<Attachment> attachments) {
      this.attachments = attachments;
      return this;
    }

    public Statement build() {
      return new Statement(
          id,
          actor,
          verb,
          object,
          result,
          context,
          timestamp,
          stored,
          authority,
          version,
          attachments);
    }
  }
}
