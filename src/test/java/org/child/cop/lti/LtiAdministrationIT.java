package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import org.child.cop.Deployments;
import org.child.cop.Http;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The tool's LTI keys and platform registrations, as platforms and administrators see them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LtiAdministrationIT {

  private static final String ADMIN = Http.basic("admin", "integration-test-admin-secret");

  @Deployment(testable = false)
  static WebArchive tool() {
    return Deployments.builtWar();
  }

  @ArquillianResource URL base;

  private URI at(String path) {
    return URI.create(base.toString()).resolve(path);
  }

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
  void plainHttpEndpointsAreRefusedOutsideDevelopmentMode() {
    HttpResponse<String> response =
        register(
            moodle("https://plain.example.org", "c")
                .replace(
                    "https://plain.example.org/mod/lti/token.php",
                    "http://plain.example.org/mod/lti/token.php"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).getString("detail")).isEqualTo("The token URL must use https.");
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
