package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.child.cop.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Launches through the real login → form_post path, from test platforms shaped like Moodle and
 * Canvas, and every forged, replayed or malformed launch an attacker could try.
 */
class LaunchIT extends LaunchingTest {

  private static FakePlatform moodle;
  private static FakePlatform canvas;

  @BeforeAll
  static void platforms() {
    moodle = new FakePlatform("https://moodle.fake.test");
    canvas = new FakePlatform("https://canvas.instructure.com");
  }

  @AfterAll
  static void stop() {
    moodle.close();
    canvas.close();
  }

  // --- launches that succeed

  @Test
  void anInstructorLaunchesFromMoodle() {
    registerOnce(moodle, "1");
    Login login = login(moodle);

    HttpResponse<String> launched =
        launch(moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build()), login);
    HttpResponse<String> page = landing(launched);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Welcome, Ada &lt;Lovelace&gt;",
            "Infection control CoP",
            "Your roles there: instructor, administrator")
        .doesNotContain("<Lovelace>");
    assertThat(launched.headers().allValues("Set-Cookie")).isEmpty();
  }

  @Test
  void aLearnerLaunchesFromACourseLevelCanvasDeploymentThatIsThenRecorded() {
    registerOnce(canvas, "site-wide");
    Login login = login(canvas);

    HttpResponse<String> page =
        landing(
            launch(
                canvas.sign(canvas.canvasLaunch(login.nonce(), "17:course-install").build()),
                login));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Welcome, Grace Hopper", "Wound care CoP", "Your roles there: learner");
    String platforms = admin("/api/admin/lti/platforms").body();
    assertThat(platforms)
        .contains("{\"deploymentId\":\"17:course-install\"")
        .contains("\"status\":\"RECORDED\"");
  }

  // --- launches an attacker tries

  @Test
  void forgedAndMalformedLaunchesAreRefused() throws Exception {
    registerOnce(moodle, "1");
    RSAKey stranger = FakePlatform.newKey("platform-key-1");
    Map<String, Function<Login, String>> forgeries = new LinkedHashMap<>();
    forgeries.put(
        "wrong nonce", l -> moodle.sign(moodle.moodleLaunch("not-the-nonce", "1").build()));
    forgeries.put("wrong audience", l -> moodle.sign(claims(l).audience("another-tool").build()));
    forgeries.put(
        "wrong issuer", l -> moodle.sign(claims(l).issuer("https://evil.example.org").build()));
    forgeries.put(
        "expired",
        l -> moodle.sign(claims(l).expirationTime(ago(300)).issueTime(ago(400)).build()));
    forgeries.put(
        "issued too long ago", l -> moodle.sign(claims(l).issueTime(ago(11 * 60)).build()));
    forgeries.put("issued in the future", l -> moodle.sign(claims(l).issueTime(ago(-600)).build()));
    forgeries.put("alg none", l -> new PlainJWT(claims(l).build()).serialize());
    forgeries.put("HS256 keyed with the public key", l -> hs256WithPublicKey(claims(l).build()));
    forgeries.put(
        "signed by a stranger under the platform's kid",
        l -> FakePlatform.sign(claims(l).build(), stranger, "platform-key-1"));
    forgeries.put(
        "unknown kid", l -> FakePlatform.sign(claims(l).build(), stranger, "no-such-kid"));
    forgeries.put("tampered payload", l -> tampered(moodle.sign(claims(l).build())));
    forgeries.put(
        "no deployment_id",
        l -> moodle.sign(claims(l).claim(FakePlatform.LTI + "deployment_id", null).build()));
    forgeries.put(
        "wrong LTI version",
        l -> moodle.sign(claims(l).claim(FakePlatform.LTI + "version", "1.1").build()));
    forgeries.put(
        "unknown message type",
        l ->
            moodle.sign(
                claims(l).claim(FakePlatform.LTI + "message_type", "LtiSubmissionReview").build()));
    forgeries.put(
        "no resource link id",
        l ->
            moodle.sign(
                claims(l).claim(FakePlatform.LTI + "resource_link", Map.of("title", "x")).build()));
    forgeries.put(
        "deep linking without return URL",
        l ->
            moodle.sign(
                claims(l)
                    .claim(FakePlatform.LTI + "message_type", "LtiDeepLinkingRequest")
                    .build()));
    forgeries.put(
        "several audiences without azp",
        l -> moodle.sign(claims(l).audience(List.of(moodle.clientId, "other")).build()));
    forgeries.put("no subject", l -> moodle.sign(claims(l).subject(null).build()));
    forgeries.put("not a JWT", l -> "not-a-jwt");

    for (var forgery : forgeries.entrySet()) {
      Login login = login(moodle);
      HttpResponse<String> response = launch(forgery.getValue().apply(login), login);
      assertRefused(response, forgery.getKey());
    }
  }

  @Test
  void aStateWorksOnceOnlyAndOnlyInTheBrowserThatBeganTheLogin() {
    registerOnce(moodle, "1");
    Login login = login(moodle);
    String token = moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build());
    Login other = login(moodle);

    assertRefused(launch(token, new Login(login.state(), login.nonce(), null)), "no state cookie");
    assertRefused(
        launch(token, new Login(login.state(), login.nonce(), other.cookie())),
        "another login's cookie");
    assertRefused(
        launch(token, new Login("unknown-state-000000000000", login.nonce(), login.cookie())),
        "unknown state");
    assertThat(launch(token, login).statusCode()).isEqualTo(303);
    assertRefused(launch(token, login), "replayed state");
  }

  @Test
  void aPlatformSwitchedOffStopsLaunchingAtOnceThoughItsRegistrationWasJustRead() {
    try (FakePlatform platform = new FakePlatform("https://switched-off.fake.test")) {
      String id = registerOnce(platform, "1");
      Login first = login(platform);
      HttpResponse<String> launched =
          launch(platform.sign(platform.moodleLaunch(first.nonce(), "1").build()), first);
      assertThat(landing(launched).statusCode()).isEqualTo(200);
      Login begun = login(platform);

      Http.send(
          Http.request(at("/api/admin/lti/platforms/" + id))
              .header("Authorization", ADMIN)
              .header("Content-Type", "application/json")
              .method("PATCH", BodyPublishers.ofString("{\"enabled\":false}")));

      assertThat(beginLogin(platform).statusCode()).as("login after the switch-off").isEqualTo(403);
      assertRefused(
          launch(platform.sign(platform.moodleLaunch(begun.nonce(), "1").build()), begun),
          "launch of a login begun before the switch-off");
    }
  }

  @Test
  void aBlockedDeploymentCannotLaunch() {
    String id = registerOnce(moodle, "1");
    Http.send(
        Http.request(at("/api/admin/lti/platforms/" + id + "/deployments/blocked-one"))
            .header("Authorization", ADMIN)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString("{\"status\":\"CONFIRMED\"}")));
    Http.send(
        Http.request(at("/api/admin/lti/platforms/" + id + "/deployments/blocked-one"))
            .header("Authorization", ADMIN)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString("{\"status\":\"BLOCKED\"}")));
    Login login = login(moodle);

    assertRefused(
        launch(moodle.sign(moodle.moodleLaunch(login.nonce(), "blocked-one").build()), login),
        "blocked deployment");
  }

  // --- pages after the launch carry a signed token, not a cookie

  @Test
  void pagesNeedAValidLaunchToken() {
    registerOnce(moodle, "1");
    Login login = login(moodle);
    String location =
        launch(moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build()), login)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String token = Http.queryOf(location).get("launch");
    String[] parts = token.split("\\.");

    Map<String, String> forged = new LinkedHashMap<>();
    forged.put("no token", "");
    forged.put("not a token", "abc");
    forged.put("tampered", parts[0] + "." + parts[1].substring(1) + "." + parts[2]);
    forged.put("the platform's id_token", moodle.sign(moodle.moodleLaunch("n", "1").build()));
    forged.put("HMAC under a guessed secret with the tool's kid", guessedSecretToken(token));
    forged.put(
        "signed by the platform, shaped like a page token",
        moodle.sign(
            new JWTClaimsSet.Builder()
                .issuer(toolBase())
                .audience(toolBase() + "/pages")
                .subject("anything")
                .expirationTime(new Date(System.currentTimeMillis() + 60_000))
                .build()));
    for (var attempt : forged.entrySet()) {
      HttpResponse<String> page =
          Http.send(
              Http.request(at("/activities?launch=" + Http.encoded(attempt.getValue())))
                  .header("Accept", "text/html"));
      assertThat(page.statusCode()).as(attempt.getKey()).isEqualTo(401);
      assertThat(page.body())
          .as(attempt.getKey())
          .contains("Open the activity again from your course")
          .doesNotContain("Welcome", "Exception");
    }
    HttpResponse<String> genuine = Http.page(at(location));
    assertThat(genuine.statusCode()).isEqualTo(200);
    assertThat(genuine.body()).contains("Welcome, Ada");
  }

  @Test
  void everyoneWhoLaunchedFromACourseIsListedWithTheirRoles() {
    registerOnce(moodle, "1");
    Login learner = login(moodle);
    landing(
        launch(
            moodle.sign(
                moodle
                    .moodleLaunch(learner.nonce(), "1")
                    .subject("learner-" + System.nanoTime())
                    .claim("name", "Mary Seacole")
                    .claim(
                        FakePlatform.LTI + "roles",
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                    .build()),
            learner));
    Login instructor = login(moodle);

    HttpResponse<String> page =
        landing(
            launch(moodle.sign(moodle.moodleLaunch(instructor.nonce(), "1").build()), instructor));

    assertThat(page.body())
        .contains("Who takes part", "Mary Seacole <span class=\"roles\">(learner)</span>")
        .contains("Ada &lt;Lovelace&gt; <span class=\"roles\">(instructor, administrator)</span>");
  }

  @Test
  void firstLaunchesOfOneNewPersonRacingEachOtherAllLandAndRecordThemOnce() throws Exception {
    registerOnce(moodle, "1");
    String subject = "racer-" + System.nanoTime();
    String course = "race-course-" + System.nanoTime();
    int racers = 12;
    List<Login> logins = new java.util.ArrayList<>();
    List<String> tokens = new java.util.ArrayList<>();
    for (int i = 0; i < racers; i++) {
      Login login = login(moodle);
      logins.add(login);
      tokens.add(
          moodle.sign(
              moodle
                  .moodleLaunch(login.nonce(), "1")
                  .subject(subject)
                  .claim("name", "Florence Nightingale")
                  .claim(FakePlatform.LTI + "context", Map.of("id", course, "title", "Racing CoP"))
                  .claim(
                      FakePlatform.LTI + "roles",
                      List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
                  .build()));
    }
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(racers);
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> launched =
          new java.util.ArrayList<>();
      for (int i = 0; i < racers; i++) {
        int racer = i;
        launched.add(
            pool.submit(
                () -> {
                  start.await();
                  return launch(tokens.get(racer), logins.get(racer));
                }));
      }
      for (var answer : launched) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
      }
    } finally {
      pool.shutdownNow();
    }

    Login instructor = login(moodle);
    HttpResponse<String> page =
        landing(
            launch(
                moodle.sign(
                    moodle
                        .moodleLaunch(instructor.nonce(), "1")
                        .claim(
                            FakePlatform.LTI + "context",
                            Map.of("id", course, "title", "Racing CoP"))
                        .build()),
                instructor));
    assertThat(page.body().split("Florence Nightingale", -1)).hasSize(2);
  }

  // --- browsers that keep no cookie in the LMS iframe

  @Test
  void withPlatformStorageTheBrowserProvesItBeganTheLoginWithoutACookie() {
    registerOnce(moodle, "1");
    HttpResponse<String> started = beginLogin(moodle, "u", "lti_storage_target=_parent&");
    assertThat(started.statusCode()).isEqualTo(200);
    Map<String, String> storing = dataOf(started.body());
    assertThat(storing).containsEntry("mode", "put").containsEntry("target", "_parent");
    String state = storing.get("value");
    assertThat(storing.get("key")).isEqualTo("state-" + state);
    String nonce = Http.queryOf(storing.get("next")).get("nonce");
    assertThat(storing.get("origin")).isEqualTo(moodle.origin());

    HttpResponse<String> checking =
        Http.send(
            Http.request(at("/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "id_token="
                            + Http.encoded(moodle.sign(moodle.moodleLaunch(nonce, "1").build()))
                            + "&state="
                            + Http.encoded(state)
                            + "&lti_storage_target=_parent")));
    assertThat(checking.statusCode()).isEqualTo(200);
    Map<String, String> reading = dataOf(checking.body());
    assertThat(reading).containsEntry("mode", "get").containsEntry("key", "state-" + state);

    assertThat(bind(reading.get("session"), "a-guessed-secret").statusCode()).isEqualTo(401);
    HttpResponse<String> bound = bind(reading.get("session"), reading.get("secret"));
    assertThat(bound.statusCode()).isEqualTo(200);
    String location = Http.json(bound).getString("location");
    assertThat(Http.page(at(location)).body()).contains("Welcome, Ada");
    assertThat(bind(reading.get("session"), reading.get("secret")).statusCode())
        .as("a binding works once")
        .isEqualTo(401);
  }

  @Test
  void aPendingLaunchServesNoPageUntilTheBrowserProvedIt() {
    registerOnce(moodle, "1");
    Login login = login(moodle);
    HttpResponse<String> checking =
        Http.send(
            Http.request(at("/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "id_token="
                            + Http.encoded(
                                moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build()))
                            + "&state="
                            + Http.encoded(login.state())
                            + "&lti_storage_target=_parent")));
    Map<String, String> reading = dataOf(checking.body());

    HttpResponse<String> crossSiteForm =
        Http.send(
            Http.request(at("/lti/launch/binding"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "session=" + reading.get("session") + "&secret=" + reading.get("secret"))));

    assertThat(crossSiteForm.statusCode()).isEqualTo(415);
    assertThat(checking.body()).doesNotContain("/activities?launch=");
  }

  @Test
  void withoutCookieOrPlatformStorageTheLaunchOffersANewWindow() {
    registerOnce(moodle, "1");
    HttpResponse<String> started =
        beginLogin(moodle, "user 42", "lti_message_hint=%7B%22cmid%22%3A7%7D&");
    Map<String, String> query =
        Http.queryOf(started.headers().firstValue("Location").orElseThrow());

    HttpResponse<String> refused =
        Http.send(
            Http.request(at("/lti/launch"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(
                    BodyPublishers.ofString(
                        "id_token="
                            + Http.encoded(
                                moodle.sign(moodle.moodleLaunch(query.get("nonce"), "1").build()))
                            + "&state="
                            + Http.encoded(query.get("state")))));

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body())
        .contains("Open CHILD CoP in a new window", "target=\"_blank\"")
        .contains("login_hint=user+42", "lti_message_hint=%7B%22cmid%22%3A7%7D")
        .contains("iss=" + Http.encoded(moodle.issuer))
        .doesNotContain("Welcome");
  }

  /** The genuine token's claims and kid, its HMAC made with a secret the attacker picked. */
  private static String guessedSecretToken(String genuine) {
    try {
      SignedJWT original = SignedJWT.parse(genuine);
      SignedJWT copy =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256)
                  .keyID(original.getHeader().getKeyID())
                  .build(),
              original.getJWTClaimsSet());
      copy.sign(new MACSigner(new byte[32]));
      return copy.serialize();
    } catch (java.text.ParseException | com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> bind(String session, String secret) {
    return Http.send(
        Http.request(at("/lti/launch/binding"))
            .header("Content-Type", "application/json")
            .POST(
                BodyPublishers.ofString(
                    "{\"session\":\"" + session + "\",\"secret\":\"" + secret + "\"}")));
  }

  /** The data attributes of the page's platform storage element, unescaped. */
  private static Map<String, String> dataOf(String page) {
    Map<String, String> data = new LinkedHashMap<>();
    var element = java.util.regex.Pattern.compile("<div id=\"lti-storage\"[^>]*>").matcher(page);
    assertThat(element.find()).as(page).isTrue();
    var attribute =
        java.util.regex.Pattern.compile("data-([a-z]+)=\"([^\"]*)\"").matcher(element.group());
    while (attribute.find()) {
      data.put(
          attribute.group(1),
          attribute
              .group(2)
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&amp;", "&"));
    }
    return data;
  }

  // --- key rotation on both sides

  @Test
  void aPlatformThatRotatesItsKeyIsFollowedAndForgedKidsDoNotHammerIt() {
    try (FakePlatform rotating = new FakePlatform("https://rotating.fake.test")) {
      registerOnce(rotating, "1");
      Login first = login(rotating);
      assertThat(
              launch(rotating.sign(rotating.moodleLaunch(first.nonce(), "1").build()), first)
                  .statusCode())
          .isEqualTo(303);
      int fetches = rotating.keysetFetches();

      rotating.rotateKey("platform-key-2");
      Login second = login(rotating);
      assertThat(
              launch(rotating.sign(rotating.moodleLaunch(second.nonce(), "1").build()), second)
                  .statusCode())
          .as("a launch signed with the platform's new key")
          .isEqualTo(303);
      assertThat(rotating.keysetFetches()).as("one refetch for the new kid").isEqualTo(fetches + 1);

      RSAKey stranger = FakePlatform.newKey("x");
      for (int i = 0; i < 5; i++) {
        Login forged = login(rotating);
        assertRefused(
            launch(
                FakePlatform.sign(
                    rotating.moodleLaunch(forged.nonce(), "1").build(), stranger, "forged-" + i),
                forged),
            "forged kid " + i);
      }
      assertThat(rotating.keysetFetches())
          .as("forged kids are rate limited, not each fetched")
          .isLessThanOrEqualTo(fetches + 2);
    }
  }

  @Test
  void pagesOpenedBeforeAToolKeyRotationKeepWorkingDuringTheOverlap() throws Exception {
    registerOnce(moodle, "1");
    Login login = login(moodle);
    String location =
        launch(moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build()), login)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String before = SignedJWT.parse(Http.queryOf(location).get("launch")).getHeader().getKeyID();

    HttpResponse<String> rotation =
        Http.send(
            Http.request(at("/api/admin/lti/keys/rotation"))
                .header("Authorization", ADMIN)
                .POST(BodyPublishers.noBody()));
    assertThat(rotation.statusCode()).isEqualTo(200);
    String after = Http.json(rotation).getString("kid");

    HttpResponse<String> page = Http.page(at(location));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("Welcome, Ada");
    Login again = login(moodle);
    String fresh =
        launch(moodle.sign(moodle.moodleLaunch(again.nonce(), "1").build()), again)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    assertThat(SignedJWT.parse(Http.queryOf(fresh).get("launch")).getHeader().getKeyID())
        .isEqualTo(after)
        .isNotEqualTo(before);
  }

  private void assertRefused(HttpResponse<String> response, String what) {
    assertThat(response.statusCode()).as(what).isEqualTo(401);
    assertThat(response.body()).as(what).doesNotContain("Welcome,", "Exception", ".java:");
    assertThat(Http.json(response).getString("detail"))
        .as(what)
        .isNotBlank()
        .doesNotContain("must be");
  }

  private JWTClaimsSet.Builder claims(Login login) {
    return moodle.moodleLaunch(login.nonce(), "1");
  }

  private static Date ago(long seconds) {
    return Date.from(Instant.now().minusSeconds(seconds));
  }

  private static String hs256WithPublicKey(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("platform-key-1").build(), claims);
      byte[] secret = moodle.key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8);
      jwt.sign(new MACSigner(secret));
      return jwt.serialize();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tampered(String token) {
    String[] parts = token.split("\\.");
    String payload =
        new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("Ada <Lovelace>", "Mallory");
    return parts[0]
        + "."
        + java.util.Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + parts[2];
  }
}
