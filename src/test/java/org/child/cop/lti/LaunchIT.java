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
import org.child.cop.ToolUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Launches through the real login → form_post path, from test platforms shaped like Moodle and
 * Canvas, and every forged, replayed or malformed launch an attacker could try.
 */
class LaunchIT extends ToolUnderTest {

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

  /** A login begun at /lti/login, as the browser holds it afterwards. */
  private record Login(String state, String nonce, String cookie) {}

  // --- launches that succeed

  @Test
  void anInstructorLaunchesFromMoodle() {
    registerOnce(moodle, "1");
    Login login = login(moodle);

    HttpResponse<String> page =
        launch(moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build()), login);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Welcome, Ada &lt;Lovelace&gt;",
            "Infection control CoP",
            "Your roles there: instructor, administrator")
        .doesNotContain("<Lovelace>");
  }

  @Test
  void aLearnerLaunchesFromACourseLevelCanvasDeploymentThatIsThenRecorded() {
    registerOnce(canvas, "site-wide");
    Login login = login(canvas);

    HttpResponse<String> page =
        launch(canvas.sign(canvas.canvasLaunch(login.nonce(), "17:course-install").build()), login);

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
    assertThat(launch(token, login).statusCode()).isEqualTo(200);
    assertRefused(launch(token, login), "replayed state");
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

  /** Registers the platform on first use and returns its id; tests may run in any order. */
  private String registerOnce(FakePlatform platform, String deploymentId) {
    HttpResponse<String> created =
        Http.send(
            Http.request(at("/api/admin/lti/platforms"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(platform.registration(deploymentId))));
    if (created.statusCode() == 201) {
      return Http.json(created).getString("id");
    }
    assertThat(created.statusCode()).isEqualTo(409);
    return Http.json("{\"p\":" + admin("/api/admin/lti/platforms").body() + "}")
        .getJsonArray("p")
        .getValuesAs(jakarta.json.JsonObject.class)
        .stream()
        .filter(p -> p.getString("clientId").equals(platform.clientId))
        .map(p -> p.getString("id"))
        .findFirst()
        .orElseThrow();
  }

  private Login login(FakePlatform platform) {
    String target = toolBase() + "/lti/launch";
    HttpResponse<String> response =
        Http.send(
            Http.request(
                at(
                    "/lti/login?iss="
                        + Http.encoded(platform.issuer)
                        + "&login_hint=u&client_id="
                        + Http.encoded(platform.clientId)
                        + "&target_link_uri="
                        + Http.encoded(target))));
    assertThat(response.statusCode()).isEqualTo(303);
    Map<String, String> query =
        Http.queryOf(response.headers().firstValue("Location").orElseThrow());
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    return new Login(query.get("state"), query.get("nonce"), cookie);
  }

  private HttpResponse<String> launch(String idToken, Login login) {
    var request =
        Http.request(at("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json;q=0.9,text/html;q=0.8")
            .POST(
                BodyPublishers.ofString(
                    "id_token=" + Http.encoded(idToken) + "&state=" + Http.encoded(login.state())));
    if (login.cookie() != null) {
      request.header("Cookie", login.cookie());
    }
    return Http.send(request);
  }

  private HttpResponse<String> admin(String path) {
    return Http.send(Http.request(at(path)).header("Authorization", ADMIN));
  }
}
