package org.child.bench.relay;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.ActivityDefinition;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.ContextActivities;
import org.child.cop.xapi.LanguageMap;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Verb;

/**
 * Statements shaped like the ones the tool will emit (a member asked a question in a community,
 * claiming the profile version in the category), about 1 kB of JSON each: the LRS's work per
 * statement depends on its size and on how many activities and agents it names, so the load should
 * look like the real thing rather than the smallest valid statement.
 */
final class BenchStatements {

  private static final String PLATFORM = "https://moodle.bench.example.org";
  private static final String COP = "https://cop.bench.example.org";
  private static final Activity PROFILE =
      Activity.of(
          "https://w3id.org/xapi/child-cop/v1.0",
          ActivityDefinition.of(
              "http://adlnet.gov/expapi/activities/profile",
              LanguageMap.of("en", "CHILD CoP xAPI profile")));
  private static final Verb ASKED = Verb.of("http://adlnet.gov/expapi/verbs/asked", "en", "asked");

  private BenchStatements() {}

  /** {@code count} statements with fresh ids, so no run ever re-sends another's. */
  static List<Statement> make(int count) {
    List<Statement> statements = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      statements.add(one(i));
    }
    return statements;
  }

  static Statement one(int i) {
    int community = i % 10;
    Activity space =
        Activity.of(
            COP + "/communities/" + community,
            ActivityDefinition.of(
                "https://w3id.org/xapi/child-cop/activity-types/community",
                LanguageMap.of("en", "Community " + community)));
    return Statement.builder()
        .id(UUID.randomUUID())
        .actor(Agent.account(PLATFORM, "member-" + (i % 200)))
        .verb(ASKED)
        .object(
            Activity.of(
                COP + "/questions/" + UUID.randomUUID(),
                ActivityDefinition.of(
                    "http://activitystrea.ms/question", LanguageMap.of("en", "question"))))
        .context(
            Context.builder()
                .registration(UUID.nameUUIDFromBytes(("run-" + community).getBytes()))
                .platform("CHILD CoP")
                .language("en")
                .contextActivities(ContextActivities.none().withParent(space).withCategory(PROFILE))
                .build())
        .timestamp(Timestamp.now())
        .build();
  }
}
