package org.child.cop.xapi;

import java.util.List;
import java.util.UUID;

/**
 * Where a statement happened: registration, instructor, team, context activities, revision,
 * platform, language, a related statement, extensions, and the xAPI 2.0 {@code contextAgents} and
 * {@code contextGroups} (left out when writing for 1.0.3).
 */
public record Context(
    UUID registration,
    Actor instructor,
    Group team,
    ContextActivities contextActivities,
    List<ContextAgent> contextAgents,
    List<ContextGroup> contextGroups,
    String revision,
    String platform,
    String language,
    StatementRef statement,
    Extensions extensions) {

  public Context {
    contextAgents = contextAgents == null ? null : List.copyOf(contextAgents);
    contextGroups = contextGroups == null ? null : List.copyOf(contextGroups);
    Violations violations = new Violations();
    Syntax.requireRfc4122(violations, registration, "registration");
    if (language != null) {
      violations.require(
          Syntax.isLanguageTag(language), "language", "must be an RFC 5646 language tag");
    }
    violations.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A statement whose object is not an Activity must not carry revision or platform. */
  static void requireActivityFor(Violations violations, Context context, StatementObject object) {
    if (context == null || object instanceof Activity) {
      return;
    }
    violations.require(
        context.revision() == null,
        "context.revision",
        "only allowed when the object is an Activity");
    violations.require(
        context.platform() == null,
        "context.platform",
        "only allowed when the object is an Activity");
  }

  /** Builds a context; unset members are left out of the JSON. */
  public static final class Builder {
    private UUID registration;
    private Actor instructor;
    private Group team;
    private ContextActivities contextActivities;
    private List<ContextAgent> contextAgents;
    private List<ContextGroup> contextGroups;
    private String revision;
    private String platform;
    private String language;
    private StatementRef statement;
    private Extensions extensions;

    private Builder() {}

    public Builder registration(UUID registration) {
      this.registration = registration;
      return this;
    }

    public Builder instructor(Actor instructor) {
      this.instructor = instructor;
      return this;
    }

    public Builder team(Group team) {
      this.team = team;
      return this;
    }

    public Builder contextActivities(ContextActivities contextActivities) {
      this.contextActivities = contextActivities;
      return this;
    }

    public Builder contextAgents(List<ContextAgent> contextAgents) {
      this.contextAgents = contextAgents;
      return this;
    }

    public Builder contextGroups(List<ContextGroup> contextGroups) {
      this.contextGroups = contextGroups;
      return this;
    }

    public Builder revision(String revision) {
      this.revision = revision;
      return this;
    }

    public Builder platform(String platform) {
      this.platform = platform;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder statement(StatementRef statement) {
      this.statement = statement;
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public Context build() {
      return new Context(
          registration,
          instructor,
          team,
          contextActivities,
          contextAgents,
          contextGroups,
          revision,
          platform,
          language,
          statement,
          extensions);
    }
  }
}
