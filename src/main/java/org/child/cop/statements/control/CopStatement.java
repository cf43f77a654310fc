package org.child.cop.statements.control;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.statements.Vocabulary;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.ActivityDefinition;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.ContextActivities;
import org.child.cop.xapi.Extensions;
import org.child.cop.xapi.LanguageMap;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementObject;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Verb;

/**
 * What every statement of the profile carries (DOMAIN.md): the actor as an LMS account, never a
 * name or an e-mail; the community as grouping; the profile version as category; the actor's org
 * unit at event time and community role as context extensions. Each kind of statement adds its
 * verb, object and the rest.
 */
final class CopStatement {

  static final String PLATFORM = "CHILD CoP";

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private final Map<String, JsonValue> extensions = new LinkedHashMap<>();
  private Agent actor;
  private Activity community;
  private Verb verb;
  private StatementObject object;
  private Instant at;

  private CopStatement() {}

  static CopStatement by(PlatformAccount account) {
    CopStatement statement = new CopStatement();
    statement.actor = Agent.account(account.issuer(), account.subject());
    return statement;
  }

  CopStatement did(Vocabulary.Verb verb) {
    this.verb = Verb.of(verb.iri().toString(), "en", verb.display());
    return this;
  }

  CopStatement on(StatementObject object) {
    this.object = object;
    return this;
  }

  CopStatement in(Activity community) {
    this.community = community;
    return this;
  }

  CopStatement from(OrgUnit unit) {
    extensions.put(
        Vocabulary.Extension.ORG_UNIT.iri().toString(),
        JSON.createObjectBuilder()
            .add("id", unit.id())
            .add("path", JSON.createArrayBuilder(unit.path()))
            .build());
    return this;
  }

  CopStatement as(Vocabulary.Role role) {
    extensions.put(Vocabulary.Extension.ROLE.iri().toString(), JSON.createValue(role.keyword()));
    return this;
  }

  CopStatement at(Instant at) {
    this.at = at;
    return this;
  }

  Statement build(UUID id) {
    Objects.requireNonNull(community, "every statement names its community");
    Objects.requireNonNull(at, "every statement has its time");
    Activity profile =
        Activity.of(
            Vocabulary.PROFILE_VERSION.toString(),
            ActivityDefinition.builder().type(Vocabulary.PROFILE_ACTIVITY_TYPE.toString()).build());
    Extensions contextExtensions = null;
    for (var extension : extensions.entrySet()) {
      contextExtensions =
          contextExtensions == null
              ? Extensions.of(extension.getKey(), extension.getValue())
              : contextExtensions.with(extension.getKey(), extension.getValue());
    }
    return Statement.builder()
        .id(id)
        .actor(actor)
        .verb(verb)
        .object(object)
        .context(
            Context.builder()
                .platform(PLATFORM)
                .contextActivities(
                    ContextActivities.none().withGrouping(community).withCategory(profile))
                .extensions(contextExtensions)
                .build())
        .timestamp(Timestamp.of(at))
        .build();
  }

  /** The community as an activity: its id and type, and its name for people reading the LRS. */
  static Activity community(ActivityIris iris, String communityId, String name) {
    return Activity.of(
        iris.community(communityId),
        ActivityDefinition.of(
            Vocabulary.ActivityType.COMMUNITY.iri().toString(), LanguageMap.of("en", name)));
  }
}
