package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.child.cop.Http;
import org.child.cop.ToolUnderTest;

/** The tool as LRS clients meet it: credentials issued by the administrator, xAPI requests. */
public abstract class LrsUnderTest extends ToolUnderTest {

  /** A new credential of the tenant with these scopes, as its Authorization header. */
  protected String credential(String tenant, String... scopes) {
    String body =
        "{\"name\":\"test client\",\"tenant\":\""
            + tenant
            + "\",\"scopes\":["
            + Arrays.stream(scopes).map(s -> "\"" + s + "\"").collect(Collectors.joining(","))
            + "]}";
    HttpResponse<String> issued =
        Http.send(
            Http.request(at("/api/admin/lrs/credentials"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(BodyPublishers.ofString(body)));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject json = Http.json(issued);
    return Http.basic(json.getJsonObject("credential").getString("key"), json.getString("secret"));
  }

  /** An xAPI request with the credential and version header. */
  protected HttpRequest.Builder xapi(String path, String credential, String version) {
    HttpRequest.Builder request = Http.request(at(path)).header("Accept", "application/json");
    if (credential != null) {
      request.header("Authorization", credential);
    }
    if (version != null) {
      request.header("X-Experience-API-Version", version);
    }
    return request;
  }
}
