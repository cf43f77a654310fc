package org.child.cop.statements.control;

import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.child.cop.xapi.Result;
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
  private final List<Activity> other = new ArrayList<>();
  private Agent actor;
  private Activity community;
  private Activity parent;
  private UUID registration;
  private Verb verb;
  private StatementObject object;
  private Result result;
  private Instant at;

  private CopStatement() {}

  static CopStatement by(PlatformAccount account) {
    CopStatement statement = new CopStatement();
    statement.actor = agent(account);
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

  /** The placed activity the act belongs to, and the thread (registration) it is part of. */
  CopStatement during(Activity run, UUID registration) {
    this.parent = run;
    this.registration = registration;
    return this;
  }

  CopStatement about(Activity activity) {
    other.add(activity);
    return this;
  }

  CopStatement from(OrgUnit unit) {
    return with(
        Vocabulary.Extension.ORG_UNIT,
        JSON.createObjectBuilder()
            .add("id", unit.id())
            .add("path", JSON.createArrayBuilder(unit.path()))
            .build());
  }

  CopStatement as(Vocabulary.Role role) {
    return with(Vocabulary.Extension.ROLE, JSON.createValue(role.keyword()));
  }

  CopStatement format(Vocabulary.ActivityFormat format) {
    return with(Vocabulary.Extension.ACTIVITY_FORMAT, JSON.createValue(format.keyword()));
  }

  /** The other person of a two-person act, as an LMS account only (xAPI 1.0.3 has no field). */
  CopStatement with(PlatformAccount counterpart) {
    return with(
        Vocabulary.Extension.COUNTERPART,
        JSON.createObjectBuilder()
            .add("objectType", "Agent")
            .add(
                "account",
                JSON.createObjectBuilder()
                    .add("homePage", counterpart.issuer())
                    .add("name", counterpart.subject()))
            .build());
  }

  CopStatement with(Vocabulary.Extension extension, JsonValue value) {
    extensions.put(extension.iri().toString(), value);
    return this;
  }

  CopStatement result(Result result) {
    this.result = result;
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
    ContextActivities activities =
        ContextActivities.none().withGrouping(community).withCategory(profile);
    if (parent != null) {
      activities = activities.withParent(parent);
    }
    if (!other.isEmpty()) {
      activities = activities.withOther(other.toArray(Activity[]::new));
    }
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
        .result(result)
        .context(
            Context.builder()
                .registration(registration)
                .platform(PLATFORM)
                .contextActivities(activities)
                .extensions(contextExtensions)
                .build())
        .timestamp(Timestamp.of(at))
        .build();
  }

  static Agent agent(PlatformAccount account) {
    return Agent.account(account.issuer(), account.subject());
  }

  /** The community as an activity: its id and type, and its name for people reading the LRS. */
  static Activity community(ActivityIris iris, String communityId, String name) {
    return Activity.of(
        iris.community(communityId),
        ActivityDefinition.of(
            Vocabulary.ActivityType.COMMUNITY.iri().toString(), LanguageMap.of("en", name)));
  }

  /** An activity known by its id and type only (no text of people's goes to the LRS). */
  static Activity typed(String id, Vocabulary.ActivityType type) {
    return Activity.of(id, ActivityDefinition.builder().type(type.iri().toString()).build());
  }
}
