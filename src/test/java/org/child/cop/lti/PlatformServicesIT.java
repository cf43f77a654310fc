package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.child.cop.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tool as a client of the platforms' LTI Advantage services, seen from the platform's side and
 * the administrator's: rosters read page by page after an instructor's launch, a learner's start
 * published to the grade book, tokens obtained with a valid client assertion and reused, nothing
 * called without the scope, and a failing platform retried without holding anyone up. Each test has
 * its own platform, so none depends on another.
 */
class PlatformServicesIT extends LaunchingTest {

  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  private static final Duration PATIENCE = Duration.ofSeconds(45);

  private final List<FakePlatform> platforms = new ArrayList<>();
  private final Map<FakePlatform, String> ids = new java.util.HashMap<>();

  @AfterEach
  void closePlatforms() {
    platforms.forEach(FakePlatform::close);
  }

  // --- rosters (NRPS)

  @Test
  void anInstructorsLaunchSyncsTheCourseRosterFromEveryPage() {
    FakePlatform moodle = platform();
    String context = "roster-" + System.nanoTime();
    launchAs(moodle, nonce -> learner(moodle, nonce, context, "ghost-1", "Mary Ghost"));

    String page =
        launchAs(
            moodle,
            nonce ->
                inContext(moodle.moodleLaunch(nonce, "1"), context)
                    .claim(FakePlatform.NRPS_CLAIM, moodle.nrpsClaim(context)));

    eventually(() -> Http.page(at(page)).body().contains("Edith Cavell"));
    assertThat(Http.page(at(page)).body())
        .contains("Florence Nightingale <span class=\"roles\">(learner)</span>")
        .contains("Grace Hopper <span class=\"roles\">(learner)</span>")
        .contains("Edith Cavell <span class=\"roles\">(instructor)</span>")
        .contains("Ada &lt;Lovelace&gt; <span class=\"roles\">(instructor)</span>")
        .doesNotContain("Mary Left", "Mary Deleted", "Mary Ghost", "No user id");
    assertThat(moodle.rosterPages).containsExactly(1, 2, 3);
    assertThat(moodle.tokenRequests).containsExactly(FakePlatform.NRPS_SCOPE);
    assertThat(moodle.tokenRefusals).isEmpty();
    assertThat(calls(moodle, "ROSTER"))
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.getString("status")).isEqualTo("DONE");
              assertThat(call.getString("contextId")).isEqualTo(context);
            });
  }

  @Test
  void theRosterIsReadAgainOnlyAfterTheIntervalOrWhenAnAdministratorAsks() {
    FakePlatform moodle = platform();
    String context = "again-" + System.nanoTime();
    for (int launch = 0; launch < 2; launch++) {
      launchAs(
          moodle,
          nonce ->
              inContext(moodle.moodleLaunch(nonce, "1"), context)
                  .claim(FakePlatform.NRPS_CLAIM, moodle.nrpsClaim(context)));
    }
    eventually(() -> moodle.rosterPages.size() == 3);
    assertThat(calls(moodle, "ROSTER")).hasSize(1);

    HttpResponse<String> asked =
        Http.send(
            Http.request(at("/api/admin/lti/service-calls/roster-syncs"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"platformId\":\"%s\",\"contextId\":\"%s\"}"
                            .formatted(platformId(moodle), context))));

    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(202);
    eventually(() -> moodle.rosterPages.size() == 6);
    eventually(
        () -> calls(moodle, "ROSTER").stream().allMatch(c -> "DONE".equals(c.getString("status"))));
    assertThat(calls(moodle, "ROSTER")).hasSize(2);
  }

  // --- grades (AGS)

  @Test
  void aLearnersLaunchOfAGradedLinkTellsTheGradeBookTheyStartedOnce() {
    FakePlatform canvas = platform();
    String context = "graded-" + System.nanoTime();
    String grace = "535fa085f22b4655f48cd5a36a9215f64c062838";

    launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, grace));
    eventually(() -> canvas.scores.size() == 1);
    launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, grace));

    FakePlatform.Received score = canvas.scores.get(0);
    assertThat(score.path()).endsWith("/ags/" + context + "/lineitems/7/lineitem/scores?type_id=1");
    assertThat(score.contentType()).isEqualTo("application/vnd.ims.lis.v1.score+json");
    JsonObject json = Http.json(score.body());
    assertThat(json.getString("userId")).isEqualTo(grace);
    assertThat(json.getString("activityProgress")).isEqualTo("Started");
    assertThat(json.getString("gradingProgress")).isEqualTo("NotReady");
    assertThat(json.getString("timestamp"))
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    assertThat(Instant.parse(json.getString("timestamp")))
        .isBetween(Instant.now().minusSeconds(120), Instant.now());
    assertThat(json.keySet()).doesNotContain("scoreGiven", "scoreMaximum");
    assertThat(canvas.tokenRequests).containsExactly(FakePlatform.SCORE_SCOPE);
    assertThat(canvas.tokenRefusals).isEmpty();
    assertThat(calls(canvas, "SCORE")).as("once per line item and learner").hasSize(1);
  }

  @Test
  void oneAccessTokenServesSeveralCalls() {
    FakePlatform canvas = platform();
    String context = "cached-" + System.nanoTime();
    for (String learner : List.of("learner-a", "learner-b", "learner-c")) {
      launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, learner));
    }

    eventually(() -> canvas.scores.size() == 3);
    assertThat(canvas.tokenRequests).hasSize(1);
  }

  @Test
  void aTokenThePlatformRefusesIsReplacedAndTheCallSentOnceMore() {
    FakePlatform canvas = platform();
    String context = "revoked-" + System.nanoTime();
    launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, "learner-a"));
    eventually(() -> canvas.scores.size() == 1);

    canvas.refuseNextBearerToken();
    launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, "learner-b"));

    eventually(() -> canvas.scores.size() == 2);
    assertThat(canvas.tokenRequests).hasSize(2);
    assertThat(calls(canvas, "SCORE")).allMatch(call -> call.getInt("attempts") == 1);
  }

  // --- scopes

  @Test
  void withoutTheScopeOrTheClaimNoServiceIsCalled() throws InterruptedException {
    FakePlatform canvas = platform();
    String context = "unscoped-" + System.nanoTime();
    launchAs(
        canvas,
        nonce ->
            learner(canvas, nonce, context, "learner-a", "Ann")
                .claim(
                    FakePlatform.AGS_CLAIM,
                    canvas.agsClaim(context, "7", FakePlatform.AGS_SCOPE + "lineitem.readonly")));
    launchAs(canvas, nonce -> inContext(canvas.moodleLaunch(nonce, "1"), context));

    Thread.sleep(3000); // the relay looks every second; nothing may reach the platform meanwhile
    assertThat(calls(canvas, null)).isEmpty();
    assertThat(canvas.tokenRequests).isEmpty();
    assertThat(canvas.scores).isEmpty();
    assertThat(canvas.rosterPages).isEmpty();
  }

  @Test
  void aScopeThePlatformDidNotGrantIsNotUsed() {
    FakePlatform canvas = platform();
    canvas.grantsOnly(FakePlatform.LINE_ITEM_SCOPE, FakePlatform.SCORE_SCOPE + ".other");
    String context = "narrowed-" + System.nanoTime();
    launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, "learner-a"));

    eventually(() -> hasStatus(canvas, "FAILED"));
    assertThat(calls(canvas, "SCORE").get(0).getString("lastError"))
        .contains("did not grant", FakePlatform.SCORE_SCOPE);
    assertThat(canvas.scoreAttempts).isEmpty();
  }

  // --- a failing platform

  @Test
  void aFailingGradeBookDoesNotHoldTheLearnerUpAndIsRetriedWithBackoff() {
    FakePlatform canvas = platform();
    canvas.failScores(2);
    String context = "flaky-" + System.nanoTime();

    Instant before = Instant.now();
    String page = launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, "lr-1"));
    assertThat(Http.page(at(page)).body()).contains("Welcome");
    assertThat(Duration.between(before, Instant.now())).isLessThan(Duration.ofSeconds(10));

    eventually(() -> canvas.scores.size() == 1);
    assertThat(canvas.scoreAttempts).hasSize(3);
    Duration firstWait = Duration.between(canvas.scoreAttempts.get(0), canvas.scoreAttempts.get(1));
    Duration secondWait =
        Duration.between(canvas.scoreAttempts.get(1), canvas.scoreAttempts.get(2));
    assertThat(firstWait).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    assertThat(secondWait).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    JsonObject call = calls(canvas, "SCORE").get(0);
    assertThat(call.getString("status")).isEqualTo("DONE");
    assertThat(call.getInt("attempts")).isEqualTo(3);
  }

  @Test
  void aCallGivenUpShowsItsErrorAndAnAdministratorsRetryDeliversIt() {
    FakePlatform canvas = platform();
    canvas.failScores(Integer.MAX_VALUE);
    String context = "down-" + System.nanoTime();
    launchAs(canvas, nonce -> gradedLearnerLaunch(canvas, nonce, context, "lr-1"));

    eventually(() -> hasStatus(canvas, "FAILED"));
    JsonObject failed = calls(canvas, "SCORE").get(0);
    assertThat(failed.getInt("attempts")).isEqualTo(4);
    assertThat(failed.getString("lastError")).isEqualTo("HTTP 500 from the score service");
    assertThat(failed.toString()).doesNotContain("Bearer");
    String failedList = admin("/api/admin/lti/service-calls?status=FAILED").body();
    assertThat(failedList).contains(failed.getString("id"));

    canvas.failScores(0);
    HttpResponse<String> retried =
        Http.send(
            Http.request(at("/api/admin/lti/service-calls/" + failed.getString("id") + "/retry"))
                .header("Authorization", ADMIN)
                .POST(BodyPublishers.noBody()));

    assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    eventually(() -> hasStatus(canvas, "DONE"));
    assertThat(canvas.scores).hasSize(1);
    HttpResponse<String> again =
        Http.send(
            Http.request(at("/api/admin/lti/service-calls/" + failed.getString("id") + "/retry"))
                .header("Authorization", ADMIN)
                .POST(BodyPublishers.noBody()));
    assertThat(again.statusCode()).as("a call done is not sent again").isEqualTo(409);
  }

  @Test
  void serviceCallsAreForAdministratorsOnly() {
    for (var request :
        List.of(
            Http.request(at("/api/admin/lti/service-calls")).GET(),
            Http.request(at("/api/admin/lti/service-calls/some-id/retry"))
                .POST(BodyPublishers.noBody()),
            Http.request(at("/api/admin/lti/service-calls/roster-syncs"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{\"platformId\":\"p\",\"contextId\":\"c\"}")))) {
      assertThat(Http.send(request).statusCode()).isEqualTo(401);
    }
  }

  // --- steps

  private FakePlatform platform() {
    FakePlatform platform = new FakePlatform("https://lms-" + System.nanoTime() + ".services.test");
    platform.trustsToolKeysAt(at("/lti/jwks").toString());
    platforms.add(platform);
    ids.put(platform, registerOnce(platform, "1"));
    return platform;
  }

  private String platformId(FakePlatform platform) {
    return ids.get(platform);
  }

  /** Launches through login and form_post; returns the page the launch lands on. */
  private String launchAs(
      FakePlatform platform, java.util.function.Function<String, JWTClaimsSet.Builder> claims) {
    Login login = login(platform);
    HttpResponse<String> launched =
        launch(platform.sign(claims.apply(login.nonce()).build()), login);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    return launched.headers().firstValue("Location").orElseThrow();
  }

  private static JWTClaimsSet.Builder inContext(JWTClaimsSet.Builder claims, String context) {
    return claims.claim(
        FakePlatform.LTI + "context", Map.of("id", context, "title", "Services CoP " + context));
  }

  private static JWTClaimsSet.Builder learner(
      FakePlatform platform, String nonce, String context, String subject, String name) {
    return inContext(platform.canvasLaunch(nonce, "1"), context)
        .subject(subject)
        .claim("name", name)
        .claim(FakePlatform.LTI + "roles", List.of(LEARNER));
  }

  private static JWTClaimsSet.Builder gradedLearnerLaunch(
      FakePlatform platform, String nonce, String context, String subject) {
    return learner(platform, nonce, context, subject, "Learner " + subject)
        .claim(
            FakePlatform.AGS_CLAIM,
            platform.agsClaim(
                context, "7", FakePlatform.LINE_ITEM_SCOPE, FakePlatform.SCORE_SCOPE));
  }

  /** The platform's calls of a kind (null: all), as the administrator's list shows them. */
  private List<JsonObject> calls(FakePlatform platform, String kind) {
    String id = platformId(platform);
    HttpResponse<String> list = admin("/api/admin/lti/service-calls?limit=500");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return Http.json("{\"c\":" + list.body() + "}")
        .getJsonArray("c")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(call -> call.getString("platformId").equals(id))
        .filter(call -> kind == null || call.getString("kind").equals(kind))
        .toList();
  }

  private boolean hasStatus(FakePlatform platform, String status) {
    List<JsonObject> calls = calls(platform, null);
    return !calls.isEmpty() && calls.stream().allMatch(c -> status.equals(c.getString("status")));
  }

  private static void eventually(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now())
          .as("waited %s for the platform services", PATIENCE)
          .isBefore(deadline);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
