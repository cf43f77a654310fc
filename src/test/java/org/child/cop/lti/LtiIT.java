package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.child.cop.Http;
import org.child.cop.ToolUnderTest;
import org.junit.jupiter.api.Test;

/** The LTI surface as platforms, browsers and administrators meet it. */
class LtiIT extends ToolUnderTest {

  @Test
  void theKeySetPublishesRs256SigningKeysWithoutPrivateParts() {
    HttpResponse<String> response = Http.get(at("/lti/jwks"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Cache-Control"))
        .hasValueSatisfying(cache -> assertThat(cache).contains("max-age=300"));
    JsonArray keys = Http.json(response).getJsonArray("keys");
    assertThat(keys).isNotEmpty();
    for (JsonObject key : keys.getValuesAs(JsonObject.class)) {
      assertThat(key.getString("kty")).isEqualTo("RSA");
      assertThat(key.getString("use")).isEqualTo("sig");
      assertThat(key.getString("alg")).isEqualTo("RS256");
      assertThat(key.getString("kid")).isNotBlank();
      assertThat(key.keySet())
          .contains("n", "e")
          .doesNotContainAnyElementsOf(List.of("d", "p", "q", "dp", "dq", "qi"));
    }
  }

  @Test
  void rotationMakesANewSigningKeyAndKeepsTheOldOnePublished() {
    String before = signingKid();

    HttpResponse<String> rotation =
        Http.send(
            Http.request(at("/api/admin/lti/keys/rotation"))
                .header("Authorization", ADMIN)
                .header("Accept", "application/json")
                .POST(BodyPublishers.noBody()));

    assertThat(rotation.statusCode()).isEqualTo(200);
    String after = Http.json(rotation).getString("kid");
    assertThat(after).isNotEqualTo(before).isEqualTo(signingKid());
    assertThat(publishedKids()).contains(before, after);
    JsonObject old = keyListed(before);
    assertThat(old.getString("state")).isEqualTo("published");
    assertThat(old.getString("unpublishAt")).isNotBlank();
  }

  @Test
  void theKeyListNeverShowsKeyMaterial() {
    HttpResponse<String> response =
        Http.send(Http.request(at("/api/admin/lti/keys")).header("Authorization", ADMIN));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).doesNotContain("\"d\"", "\"n\"", "PRIVATE", "private");
  }

  // --- Canvas

  @Test
  void canvasGetsADeveloperKeyConfigurationBuiltFromTheToolsAddress() {
    HttpResponse<String> response = Http.get(at("/lti/canvas.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject configuration = Http.json(response);
    String base = Http.json(Http.get(at("/api/about"))).getString("baseUrl");
    assertThat(configuration.getString("oidc_initiation_url")).isEqualTo(base + "/lti/login");
    assertThat(configuration.getString("target_link_uri")).isEqualTo(base + "/lti/launch");
    assertThat(configuration.getString("public_jwk_url")).isEqualTo(base + "/lti/jwks");
    assertThat(configuration.getJsonArray("scopes").toString())
        .contains("lti-ags/scope/score", "lti-nrps/scope/contextmembership.readonly");
    JsonObject canvas = configuration.getJsonArray("extensions").getJsonObject(0);
    assertThat(canvas.getString("platform")).isEqualTo("canvas.instructure.com");
    assertThat(canvas.getString("domain")).isEqualTo(URI.create(base).getHost());
    assertThat(canvas.getString("privacy_level")).isEqualTo("name_only");
    assertThat(
            canvas
                .getJsonObject("settings")
                .getJsonArray("placements")
                .getValuesAs(JsonObject.class))
        .extracting(p -> p.getString("placement") + " " + p.getString("message_type"))
        .containsExactly(
            "link_selection LtiDeepLinkingRequest",
            "assignment_selection LtiDeepLinkingRequest",
            "course_navigation LtiResourceLinkRequest");
  }

  // --- platform registration

  @Test
  void anAdministratorRegistersListsDisablesAndDeletesAPlatform() {
    HttpResponse<String> created = register(moodle("https://moodle.example.org", "client-1"));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject platform = Http.json(created);
    String id = platform.getString("id");
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(
            location -> assertThat(location).endsWith("/api/admin/lti/platforms/" + id));
    assertThat(platform.getBoolean("enabled")).isTrue();
    assertThat(platform.getJsonArray("deployments").getJsonObject(0).getString("status"))
        .isEqualTo("CONFIRMED");
    assertThat(admin("GET", "/api/admin/lti/platforms", null).body()).contains(id);

    HttpResponse<String> disabled =
        admin("PATCH", "/api/admin/lti/platforms/" + id, "{\"enabled\":false}");
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(Http.json(disabled).getBoolean("enabled")).isFalse();

    assertThat(admin("DELETE", "/api/admin/lti/platforms/" + id, null).statusCode()).isEqualTo(204);
    assertThat(admin("GET", "/api/admin/lti/platforms/" + id, null).statusCode()).isEqualTo(404);
  }

  @Test
  void theSameIssuerAndClientIdCannotBeRegisteredTwice() {
    String body = moodle("https://twice.example.org", "client-1");
    assertThat(register(body).statusCode()).isEqualTo(201);

    HttpResponse<String> again = register(body);

    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).getString("detail")).contains("registered already");
    // hosted Canvas: one issuer, many client ids
    assertThat(register(moodle("https://twice.example.org", "client-2")).statusCode())
        .isEqualTo(201);
  }

  @Test
  void registrationsOfOnePlatformRacingEachOtherStoreOneAndRefuseTheRestAsConflicts()
      throws Exception {
    String body = moodle("https://racing.example.org", "client-" + System.nanoTime());
    int racers = 8;
    CyclicBarrier start = new CyclicBarrier(racers);
    ExecutorService pool = Executors.newFixedThreadPool(racers);
    try {
      List<Future<HttpResponse<String>>> answers = new ArrayList<>();
      for (int i = 0; i < racers; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return register(body);
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (var answer : answers) {
        HttpResponse<String> response = answer.get();
        statuses.add(response.statusCode());
        if (response.statusCode() == 409) {
          assertThat(Http.json(response).getString("detail")).contains("registered already");
        }
      }
      assertThat(statuses).containsOnly(201, 409).containsOnlyOnce(201);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void plainHttpEndpointsOnOtherHostsAreRefused() {
    HttpResponse<String> response =
        register(
            moodle("https://plain.example.org", "c")
                .replace(
                    "https://plain.example.org/mod/lti/token.php",
                    "http://plain.example.org/mod/lti/token.php"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).getString("detail")).startsWith("The token URL must use https");
  }

  @Test
  void missingFieldsAreNamed() {
    HttpResponse<String> response = register("{\"issuer\":\"https://x.example.org\"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).getJsonArray("violations").getValuesAs(JsonObject.class))
        .extracting(violation -> violation.getString("field"))
        .containsExactly("authorizationUrl", "clientId", "keysetUrl", "name", "tokenUrl");
  }

  @Test
  void anAdministratorConfirmsAndBlocksDeployments() {
    String id = Http.json(register(moodle("https://deployments.example.org", "c"))).getString("id");

    HttpResponse<String> confirmed =
        admin(
            "PUT",
            "/api/admin/lti/platforms/" + id + "/deployments/course-7",
            "{\"status\":\"CONFIRMED\"}");
    HttpResponse<String> blocked =
        admin(
            "PUT", "/api/admin/lti/platforms/" + id + "/deployments/1", "{\"status\":\"BLOCKED\"}");
    HttpResponse<String> nonsense =
        admin("PUT", "/api/admin/lti/platforms/" + id + "/deployments/1", "{\"status\":\"MAYBE\"}");

    assertThat(confirmed.statusCode()).isEqualTo(200);
    assertThat(blocked.body())
        .contains("{\"deploymentId\":\"1\"")
        .contains("\"status\":\"BLOCKED\"");
    assertThat(blocked.body()).contains("\"deploymentId\":\"course-7\"");
    assertThat(nonsense.statusCode()).isEqualTo(400);
    assertThat(nonsense.body()).contains("must be CONFIRMED or BLOCKED");
  }

  @Test
  void anUnknownPlatformIsA404Problem() {
    HttpResponse<String> response = admin("GET", "/api/admin/lti/platforms/no-such-id", null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).getString("detail"))
        .isEqualTo("No platform no-such-id is registered.");
  }

  // --- OIDC login initiation, from the platform's and the attacker's side

  @Test
  void aKnownPlatformsLoginIsSentToItsAuthorizationEndpointWithStateAndNonce() {
    register(moodle("https://login.example.org", "client-login"));

    HttpResponse<String> response =
        Http.send(
            Http.request(
                at(
                    "/lti/login?iss=https%3A%2F%2Flogin.example.org&login_hint=user-7"
                        + "&lti_message_hint=hint-9&client_id=client-login&lti_deployment_id=1"
                        + "&target_link_uri="
                        + Http.encoded(toolBase() + "/lti/launch"))));

    assertThat(response.statusCode()).isEqualTo(303);
    String location = response.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith("https://login.example.org/mod/lti/auth.php?");
    Map<String, String> query = Http.queryOf(location);
    assertThat(query)
        .containsEntry("scope", "openid")
        .containsEntry("response_type", "id_token")
        .containsEntry("response_mode", "form_post")
        .containsEntry("prompt", "none")
        .containsEntry("client_id", "client-login")
        .containsEntry("redirect_uri", toolBase() + "/lti/launch")
        .containsEntry("login_hint", "user-7")
        .containsEntry("lti_message_hint", "hint-9");
    assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(43);
    assertThat(query.get("nonce")).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(query.get("state"));
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(cookie)
        .startsWith(
            "lti_state_" + query.get("state").substring(0, 12) + "=" + query.get("state") + ";")
        .contains("Path=/lti", "Secure", "HttpOnly", "SameSite=None", "Partitioned");
  }

  @Test
  void loginByFormPostWorksAndEveryLoginGetsAFreshStateAndNonce() {
    register(moodle("https://form.example.org", "client-form"));
    String form =
        "iss=https%3A%2F%2Fform.example.org&login_hint=u&client_id=client-form&target_link_uri="
            + Http.encoded(toolBase() + "/lti/launch");

    Map<String, String> first =
        Http.queryOf(formLogin(form).headers().firstValue("Location").orElseThrow());
    Map<String, String> second =
        Http.queryOf(formLogin(form).headers().firstValue("Location").orElseThrow());

    assertThat(first.get("state")).isNotEqualTo(second.get("state"));
    assertThat(first.get("nonce")).isNotEqualTo(second.get("nonce"));
  }

  @Test
  void loginsThatCannotBeginAreRefusedWithoutRedirecting() {
    register(moodle("https://refusals.example.org", "client-a"));
    register(moodle("https://refusals.example.org", "client-b"));
    String target = "&target_link_uri=" + Http.encoded(toolBase() + "/lti/launch");
    Map<String, Integer> attempts =
        Map.of(
            "iss=https%3A%2F%2Fevil.example.org&login_hint=u&client_id=client-a" + target, 400,
            "iss=https%3A%2F%2Frefusals.example.org&login_hint=u" + target, 400,
            "iss=https%3A%2F%2Frefusals.example.org&client_id=client-a" + target, 400,
            "login_hint=u&client_id=client-a" + target, 400,
            "iss=https%3A%2F%2Frefusals.example.org&login_hint=u&client_id=client-a"
                    + "&target_link_uri=https%3A%2F%2Fevil.example.org%2Fphish",
                400);
    attempts.forEach(
        (query, status) -> {
          HttpResponse<String> response =
              Http.send(
                  Http.request(at("/lti/login?" + query)).header("Accept", "application/json"));
          assertThat(response.statusCode()).as(query).isEqualTo(status);
          assertThat(response.headers().firstValue("Location")).as(query).isEmpty();
          assertThat(response.headers().firstValue("Set-Cookie")).as(query).isEmpty();
          assertThat(Http.json(response).getString("detail")).as(query).isNotBlank();
        });
  }

  @Test
  void aSwitchedOffPlatformCannotLogIn() {
    String id =
        Http.json(register(moodle("https://off.example.org", "client-off"))).getString("id");
    admin("PATCH", "/api/admin/lti/platforms/" + id, "{\"enabled\":false}");

    HttpResponse<String> response =
        Http.send(
            Http.request(
                    at(
                        "/lti/login?iss=https%3A%2F%2Foff.example.org&login_hint=u&client_id=client-off"
                            + "&target_link_uri="
                            + Http.encoded(toolBase() + "/lti/launch")))
                .header("Accept", "application/json"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(Http.json(response).getString("detail")).contains("switched off");
  }

  private HttpResponse<String> formLogin(String form) {
    HttpResponse<String> response =
        Http.send(
            Http.request(at("/lti/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString(form)));
    assertThat(response.statusCode()).isEqualTo(303);
    return response;
  }

  private static String moodle(String issuer, String clientId) {
    return """
        {"name": "Moodle", "issuer": "%1$s", "clientId": "%2$s",
         "authorizationUrl": "%1$s/mod/lti/auth.php",
         "tokenUrl": "%1$s/mod/lti/token.php",
         "keysetUrl": "%1$s/mod/lti/certs.php",
         "deploymentIds": ["1"]}
        """
        .formatted(issuer, clientId);
  }

  private HttpResponse<String> register(String body) {
    return admin("POST", "/api/admin/lti/platforms", body);
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return Http.send(
        Http.request(at(path))
            .header("Authorization", ADMIN)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
  }

  private JsonArray keyList() {
    HttpResponse<String> response =
        Http.send(Http.request(at("/api/admin/lti/keys")).header("Authorization", ADMIN));
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.json("{\"keys\":" + response.body() + "}").getJsonArray("keys");
  }

  private String signingKid() {
    return keyList().getValuesAs(JsonObject.class).stream()
        .filter(key -> key.getString("state").equals("signing"))
        .map(key -> key.getString("kid"))
        .findFirst()
        .orElseThrow();
  }

  private JsonObject keyListed(String kid) {
    return keyList().getValuesAs(JsonObject.class).stream()
        .filter(key -> key.getString("kid").equals(kid))
        .findFirst()
        .orElseThrow();
  }

  private List<String> publishedKids() {
    return Http.json(Http.get(at("/lti/jwks")))
        .getJsonArray("keys")
        .getValuesAs(JsonObject.class)
        .stream()
        .map(key -> key.getString("kid"))
        .toList();
  }
}
