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

/** The tool's LTI keys as platforms and administrators see them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ToolKeysIT {

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
