package org.child.bench.lrs;

import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.ActivityDefinition;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.ContextActivities;
import org.child.cop.xapi.Extensions;
import org.child.cop.xapi.LanguageMap;
import org.child.cop.xapi.Result;
import org.child.cop.xapi.Score;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Verb;

/**
 * Statements shaped like the ones the tool emits (CopStatement: an LMS account as actor, the
 * community as grouping, the placed run as parent, the thread as registration, the profile version
 * as category, org unit, role and activity format as context extensions), over a population the
 * size of a real deployment: {@value #PEOPLE} people, {@value #VERBS_COUNT} verbs (skewed: a few
 * are frequent, some rare), {@value #OBJECTS} object activities in {@value #COMMUNITIES}
 * communities and {@value #RUNS} runs, about {@value #THREADS} registrations, timestamps spread over
 * a year. Statement {@code i} of a stream is always the same statement (ids included), so the raw
 * insert and both LRSs get the same rows; streams differ by name.
 */
final class Workload {

  static final int PEOPLE = 5_000;
  static final int OBJECTS = 2_000;
  static final int COMMUNITIES = 50;
  static final int RUNS = 200;
  static final int THREADS = 1_000;
  static final int VERBS_COUNT = 15;

  static final String PLATFORM = "https://moodle.bench.example.org";
  static final String BASE = "https://cop.bench.example.org/activities";
  static final String PROFILE_ROOT = "https://w3id.org/xapi/child-cop";
  private static final Instant YEAR_START = Instant.parse("2025-11-27T00:00:00Z");
  private static final long YEAR_SECONDS = Duration.ofDays(365).toSeconds();

  private static final JsonProvider JSON = JsonProvider.provider();

  /** The tool's verbs (Vocabulary) and four more of its profile: 15. */
  static final String[][] VERBS = {
    {"http://adlnet.gov/expapi/verbs/answered", "answered"},
    {"http://adlnet.gov/expapi/verbs/asked", "asked"},
    {"http://id.tincanapi.com/verb/voted-up", "voted up"},
    {"http://id.tincanapi.com/verb/rated", "rated"},
    {"https://w3id.org/xapi/acrossx/verbs/posted", "posted"},
    {"http://activitystrea.ms/join", "joined"},
    {"http://activitystrea.ms/accept", "accepted"},
    {PROFILE_ROOT + "/verbs/applied", "applied"},
    {PROFILE_ROOT + "/verbs/reflected", "reflected"},
    {PROFILE_ROOT + "/verbs/endorsed", "endorsed"},
    {"http://id.tincanapi.com/verb/interviewed", "interviewed"},
    {PROFILE_ROOT + "/verbs/committed", "committed"},
    {PROFILE_ROOT + "/verbs/recommended", "recommended"},
    {PROFILE_ROOT + "/verbs/adapted", "adapted"},
    {PROFILE_ROOT + "/verbs/coached", "coached"},
  };

  /** Cumulative weights of the verbs: verb k is about 1/(k+1) as frequent as the first. */
  private static final double[] VERB_CUMULATIVE = new double[VERBS_COUNT];

  static {
    double sum = 0;
    for (int k = 0; k < VERBS_COUNT; k++) {
      sum += 1.0 / (k + 1);
      VERB_CUMULATIVE[k] = sum;
    }
    for (int k = 0; k < VERBS_COUNT; k++) {
      VERB_CUMULATIVE[k] /= sum;
    }
  }

  private static final String[] TYPES = {
    "http://activitystrea.ms/question",
    PROFILE_ROOT + "/activity-types/answer",
    PROFILE_ROOT + "/activity-types/community-activity",
    "https://w3id.org/xapi/tla/activity-types/competency",
    PROFILE_ROOT + "/activity-types/interview",
    PROFILE_ROOT + "/activity-types/commitment",
  };
  private static final String[] KINDS = {
    "questions", "answers", "community-activities", "capabilities", "interviews", "commitments"
  };
  private static final String[] ROLES = {
    "participant", "contributor", "facilitator", "core", "sponsor"
  };

  private static final Activity PROFILE =
      Activity.of(
          PROFILE_ROOT + "/v1.0",
          ActivityDefinition.builder().type("http://adlnet.gov/expapi/activities/profile").build());

  private final String stream;

  Workload(String stream) {
    this.stream = stream;
  }

  /** Person {@code p}'s account, as the tool names people (issuer and subject, never a name). */
  static Agent person(int p) {
    return Agent.account(PLATFORM, "user-" + p);
  }

  static String objectId(int a) {
    return BASE + "/" + KINDS[a % KINDS.length] + "/" + a;
  }

  static String communityId(int c) {
    return BASE + "/communities/" + c;
  }

  static String runId(int r) {
    return BASE + "/runs/" + r;
  }

  Statement statement(long i) {
    SplittableRandom random = new SplittableRandom(seed(i));
    int person = random.nextInt(PEOPLE);
    int object = random.nextInt(OBJECTS);
    int community = object % COMMUNITIES;
    int run = community * (RUNS / COMMUNITIES) + random.nextInt(RUNS / COMMUNITIES);
    int verb = verb(random.nextDouble());
    Activity communityActivity =
        Activity.of(
            communityId(community),
            ActivityDefinition.of(
                PROFILE_ROOT + "/activity-types/community",
                LanguageMap.of("en", "Community " + community)));
    ContextActivities related =
        ContextActivities.none().withGrouping(communityActivity).withCategory(PROFILE);
    if (random.nextInt(10) < 7) {
      related =
          related.withParent(
              Activity.of(
                  runId(run),
                  ActivityDefinition.builder()
                      .type(PROFILE_ROOT + "/activity-types/community-activity")
                      .build()));
    }
    Extensions extensions =
        Extensions.of(
                PROFILE_ROOT + "/extensions/org-unit",
                JSON.createObjectBuilder()
                    .add("id", "unit-" + (person % 120))
                    .add(
                        "path",
                        JSON.createArrayBuilder()
                            .add("org")
                            .add("region-" + (person % 120) / 12)
                            .add("unit-" + (person % 120)))
                    .build())
            .with(
                PROFILE_ROOT + "/extensions/role",
                JSON.createValue(ROLES[Math.min(ROLES.length - 1, person % 23 / 5)]))
            .with(
                PROFILE_ROOT + "/extensions/activity-format",
                JSON.createValue(community % 2 == 0 ? "ask-the-community" : "appreciative-inquiry"));
    Result result = null;
    if (VERBS[verb][1].equals("rated")) {
      result = Result.builder().score(Score.raw(1 + random.nextInt(5), 1, 5)).build();
    } else if (VERBS[verb][1].equals("applied")) {
      result =
          Result.builder()
              .extensions(
                  Extensions.of(
                      PROFILE_ROOT + "/extensions/minutes-saved",
                      JSON.createValue(5 + random.nextInt(120))))
              .build();
    }
    int type = object % TYPES.length;
    return Statement.builder()
        .id(new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L, random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L))
        .actor(person(person))
        .verb(Verb.of(VERBS[verb][0], "en", VERBS[verb][1]))
        .object(Activity.of(objectId(object), ActivityDefinition.builder().type(TYPES[type]).build()))
        .result(result)
        .context(
            Context.builder()
                .registration(registration(object % THREADS))
                .platform("CHILD CoP")
                .contextActivities(related)
                .extensions(extensions)
                .build())
        .timestamp(Timestamp.of(YEAR_START.plusSeconds(random.nextLong(YEAR_SECONDS))))
        .build();
  }

  static UUID registration(int thread) {
    return UUID.nameUUIDFromBytes(("thread-" + thread).getBytes(StandardCharsets.UTF_8));
  }

  static int verb(double u) {
    for (int k = 0; k < VERBS_COUNT; k++) {
      if (u < VERB_CUMULATIVE[k]) {
        return k;
      }
    }
    return VERBS_COUNT - 1;
  }

  private long seed(long i) {
    return stream.hashCode() * 0x9E3779B97F4A7C15L + i;
  }
}
