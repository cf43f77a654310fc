package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.child.cop.Http;
import org.junit.jupiter.api.Test;

/** The embedded LRS's front door: its about resource, CORS, and the administrator's credentials. */
class LrsCredentialsIT extends LrsUnderTest {

  @Test
  void aboutTellsBothVersionsToAnyoneAndAllowsBrowsersOfAnyOrigin() {
    HttpResponse<String> about =
        Http.send(Http.request(at("/xapi/about")).header("Origin", "https://content.example.org"));

    assertThat(about.statusCode()).isEqualTo(200);
    assertThat(Http.json(about).getJsonArray("version").toString()).contains("1.0.3", "2.0.0");
    assertThat(about.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(about.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");

    HttpResponse<String> preflight =
        Http.send(
            Http.request(at("/xapi/about"))
                .header("Origin", "https://content.example.org")
                .header("Access-Control-Request-Method", "PUT")
                .method("OPTIONS", BodyPublishers.noBody()));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(
            allowed -> assertThat(allowed).contains("X-Experience-API-Version", "Authorization"));
  }

  @Test
  void anAdministratorIssuesACredentialWhoseSecretIsShownOnceAndNeverListed() {
    HttpResponse<String> issued =
        admin("POST", "{\"name\":\"Reports\",\"scopes\":[\"statements/read\",\"state\"]}");

    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject json = Http.json(issued);
    String secret = json.getString("secret");
    JsonObject credential = json.getJsonObject("credential");
    assertThat(credential.getString("tenant")).isEqualTo("default");
    assertThat(credential.getJsonArray("scopes").toString()).contains("statements/read", "state");
    HttpResponse<String> list = admin("GET", null);
    assertThat(list.body()).contains(credential.getString("id")).doesNotContain(secret);

    String id = credential.getString("id");
    HttpResponse<String> off = admin("PATCH", "{\"enabled\":false}", "/" + id);
    assertThat(off.statusCode()).isEqualTo(200);
    assertThat(Http.json(off).getBoolean("enabled")).isFalse();
    assertThat(admin("DELETE", null, "/" + id).statusCode()).isEqualTo(204);
    assertThat(admin("DELETE", null, "/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void aCredentialWithAnUnknownScopeOrNoneOrABadTenantIsRefusedWithTheReason() {
    HttpResponse<String> unknown = admin("POST", "{\"name\":\"x\",\"scopes\":[\"everything\"]}");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("everything is not an xAPI scope");

    assertThat(admin("POST", "{\"name\":\"x\",\"scopes\":[]}").statusCode()).isEqualTo(400);
    HttpResponse<String> tenant =
        admin("POST", "{\"name\":\"x\",\"tenant\":\"Other Org\",\"scopes\":[\"all\"]}");
    assertThat(tenant.statusCode()).isEqualTo(400);
    assertThat(tenant.body()).contains("tenant");
  }

  private HttpResponse<String> admin(String method, String body) {
    return admin(method, body, "");
  }

  private HttpResponse<String> admin(String method, String body, String suffix) {
    return Http.send(
        Http.request(at("/api/admin/lrs/credentials" + suffix))
            .header("Authorization", ADMIN)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
  }
}
