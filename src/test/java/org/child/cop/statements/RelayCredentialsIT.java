package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.child.cop.DemoCourse;
import org.child.cop.Http;
import org.child.cop.ToolProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LRS that refuses the relay's credentials: the tool's own LRS, reached over HTTP as an external
 * destination, with one credential switched off (401) and one that may only read (403). The
 * destination rests and says why, nothing is lost, and once the administrator fixes the credential
 * a retry delivers the statement once.
 */
class RelayCredentialsIT {

  private static final String ADMIN_PASSWORD = "relay-credentials-it-secret";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir Path workDir;

  @Test
  void refusedCredentialsRestTheDestinationLoseNothingAndARetryDeliversOnceFixed()
      throws Exception {
    int port = ToolProcess.freePort();
    Map<String, String> base = Map.of("TOOL_DEV_MODE", "true", "ADMIN_PASSWORD", ADMIN_PASSWORD);
    JsonObject writer;
    JsonObject reader;
    // the credentials exist before the destinations that use them are configured
    try (ToolProcess tool = ToolProcess.start(workDir, port, base)) {
      tool.awaitReady();
      writer = issue(tool, "relay-writer", "statements/write");
      reader = issue(tool, "relay-reader", "statements/read");
    }
    String endpoint = "http://127.0.0.1:" + port + "/xapi/";
    Map<String, String> settings = new java.util.HashMap<>(base);
    settings.putAll(
        Map.of(
            "XAPI_DESTINATIONS", "embedded,self,readonly",
            "XAPI_DESTINATION_SELF_ENDPOINT", endpoint,
            "XAPI_DESTINATION_SELF_USERNAME", key(writer),
            "XAPI_DESTINATION_SELF_PASSWORD", writer.getString("secret"),
            "XAPI_DESTINATION_READONLY_ENDPOINT", endpoint,
            "XAPI_DESTINATION_READONLY_USERNAME", key(reader),
            "XAPI_DESTINATION_READONLY_PASSWORD", reader.getString("secret")));
    try (ToolProcess tool = ToolProcess.start(workDir, port, settings)) {
      tool.awaitReady();
      switchCredential(tool, writer, false);

      DemoCourse.launch(URI.create("http://localhost:" + port), "LEARNER", null);

      JsonObject self =
          await(tool, "self", d -> d.getString("lastError", "").contains("credentials (HTTP 401)"));
      assertThat(self.getJsonNumber("pending").longValue()).isEqualTo(1);
      assertThat(self.getJsonNumber("delivered").longValue()).isZero();
      assertThat(self.getJsonNumber("rejected").longValue()).as("not set aside").isZero();
      assertThat(self.isNull("nextAttemptAt")).as("resting").isFalse();
      JsonObject readonly =
          await(
              tool,
              "readonly",
              d -> d.getString("lastError", "").contains("credentials (HTTP 403)"));
      assertThat(readonly.getJsonNumber("pending").longValue()).isEqualTo(1);
      assertThat(readonly.getJsonNumber("delivered").longValue()).isZero();
      // the refusals neither hold up nor touch the other destinations
      await(tool, "embedded", d -> d.getJsonNumber("delivered").longValue() == 1);
      assertThat(tool.output())
          .doesNotContain(writer.getString("secret"), reader.getString("secret"))
          .doesNotContain(Http.basic(key(writer), writer.getString("secret")).substring(6))
          .doesNotContain(Http.basic(key(reader), reader.getString("secret")).substring(6));

      switchCredential(tool, writer, true);
      HttpResponse<String> retried =
          Http.send(
              Http.request(tool.at("/api/admin/statements/destinations/self/retry"))
                  .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                  .POST(BodyPublishers.noBody()));
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);

      JsonObject fixed = await(tool, "self", d -> d.getJsonNumber("delivered").longValue() == 1);
      assertThat(fixed.getJsonNumber("pending").longValue()).isZero();
      JsonObject still = destination(tool, "readonly");
      assertThat(still.getJsonNumber("pending").longValue()).as("kept, not lost").isEqualTo(1);
    }
  }

  private static JsonObject issue(ToolProcess tool, String name, String scope) {
    HttpResponse<String> issued =
        Http.send(
            Http.request(tool.at("/api/admin/lrs/credentials"))
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"name\":\"" + name + "\",\"scopes\":[\"" + scope + "\"]}")));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    return Http.json(issued);
  }

  private static String key(JsonObject issued) {
    return issued.getJsonObject("credential").getString("key");
  }

  private static void switchCredential(ToolProcess tool, JsonObject issued, boolean enabled) {
    HttpResponse<String> changed =
        Http.send(
            Http.request(
                    tool.at(
                        "/api/admin/lrs/credentials/"
                            + issued.getJsonObject("credential").getString("id")))
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .method("PATCH", BodyPublishers.ofString("{\"enabled\":" + enabled + "}")));
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
  }

  private static JsonObject destination(ToolProcess tool, String name) {
    HttpResponse<String> response =
        Http.send(
            Http.request(tool.at("/api/admin/statements/destinations/" + name))
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json(response);
  }

  private static JsonObject await(ToolProcess tool, String name, Predicate<JsonObject> condition)
      throws InterruptedException {
    Instant limit = Instant.now().plus(PATIENCE);
    JsonObject last = null;
    while (Instant.now().isBefore(limit)) {
      last = destination(tool, name);
      if (condition.test(last)) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("destination " + name + " never got there: " + last);
  }
}
