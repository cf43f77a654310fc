package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.child.cop.DemoCourse;
import org.child.cop.Http;
import org.child.cop.ToolProcess;
import org.child.cop.xapi.Account;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementQuery;
import org.child.cop.xapi.XapiClient;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From the LMS to the LRS: a learner's first launch from a course founds its community and makes
 * them a member, and the "joined" statement reaches an external LRS (npm {@code xapi-statements})
 * as its profile template and an independent validator want it, with the learner's org unit from
 * the launch, and into the tool's own LRS. A second launch makes no second statement. The tool runs
 * as the README's run command starts it (H2, development mode and its demo platform) with the
 * external LRS as a second destination.
 */
class JoinedCommunityIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String ADMIN_PASSWORD = "joined-community-it-secret";

  @TempDir Path workDir;

  @Test
  void aLearnersFirstLaunchSendsOneJoinedStatementToTheLrs() throws Exception {
    if ("true".equals(System.getenv("CI")) && !ExternalLrs.runnable()) {
      throw new IllegalStateException("CI must install node and npm for the external LRS");
    }
    Assumptions.assumeTrue(ExternalLrs.runnable(), "needs node and npm for the external LRS");
    int port = ToolProcess.freePort();
    try (ExternalLrs lrs = ExternalLrs.on(ToolProcess.freePort()).start();
        ToolProcess tool =
            ToolProcess.start(
                workDir,
                port,
                Map.of(
                    "TOOL_DEV_MODE",
                    "true",
                    "TOOL_BASE_URL",
                    "http://localhost:" + port,
                    "ADMIN_PASSWORD",
                    ADMIN_PASSWORD,
                    "XAPI_DESTINATIONS",
                    "embedded,research-lrs",
                    "XAPI_DESTINATION_RESEARCH_LRS_ENDPOINT",
                    lrs.endpoint().toString()))) {
      tool.awaitReady();
      URI base = URI.create("http://localhost:" + port);

      DemoCourse.launch(base, "LEARNER", null);
      DemoCourse.launch(base, "LEARNER", null);

      XapiClient reader = XapiClient.to(lrs.endpoint()).basicAuth("test", "test").build();
      List<Statement> joined = awaitJoined(reader);
      assertThat(joined).hasSize(1);
      Statement statement = joined.get(0);
      String json = statement.asSent().toJson(XapiVersion.V1_0_3);
      assertThat(new TemplateCheck(ProfileDocument.template("joined-community")).violations(json))
          .isEmpty();
      assertThat(IndependentValidator.problems(List.of(json))).isEmpty();
      assertThat(statement.actor())
          .isInstanceOfSatisfying(
              Agent.class,
              agent -> {
                assertThat(agent.ifi()).isInstanceOf(Account.class);
                assertThat(((Account) agent.ifi()).name()).isEqualTo("demo-learner");
                assertThat(agent.name()).as("no personal names in the LRS").isNull();
              });
      assertThat(json)
          .contains("\"WARD-3\"", "[\"CHILD\",\"NURSING\",\"WARD-3\"]", "\"participant\"")
          .contains(base + "/activities/communities/")
          .doesNotContain("Lee Learner");
      assertThat(tool.output()).contains("joined community");
      // the relay's wake-up after commit must not trip over the new member's own transaction
      assertThat(tool.output()).doesNotContain("WELD-000401", "Invalid transaction");

      // the same statement reached the tool's own LRS, under the relay's authority
      XapiClient embedded =
          XapiClient.to(URI.create(base + "/xapi"))
              .basicAuth(readerKey(base), readerSecret)
              .build();
      List<Statement> inEmbedded;
      try {
        inEmbedded = awaitJoined(embedded);
      } catch (AssertionError notThere) {
        throw new AssertionError(
            notThere.getMessage()
                + "; the destinations say: "
                + Http.send(
                        Http.request(base.resolve("/api/admin/statements/destinations"))
                            .header("Authorization", Http.basic("admin", ADMIN_PASSWORD)))
                    .body(),
            notThere);
      }
      assertThat(inEmbedded)
          .singleElement()
          .satisfies(
              stored -> {
                assertThat(stored.id()).isEqualTo(statement.id());
                assertThat(stored.authority().toString()).contains("/xapi/clients");
              });
    }
  }

  private String readerSecret;

  /** A credential of the tool's tenant that may read statements; its key (the secret is kept). */
  private String readerKey(URI base) {
    var issued =
        Http.send(
            Http.request(base.resolve("/api/admin/lrs/credentials"))
                .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"reports\",\"scopes\":[\"statements/read\"]}")));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    var json = Http.json(issued);
    readerSecret = json.getString("secret");
    return json.getJsonObject("credential").getString("key");
  }

  private static List<Statement> awaitJoined(XapiClient reader) throws InterruptedException {
    Instant limit = Instant.now().plus(PATIENCE);
    List<Statement> joined = List.of();
    while (Instant.now().isBefore(limit)) {
      joined =
          reader.stream(StatementQuery.all().withVerb("http://activitystrea.ms/join")).toList();
      if (!joined.isEmpty()) {
        // a second statement, were there one, would have been sent with the first
        Thread.sleep(3000);
        return reader.stream(StatementQuery.all().withVerb("http://activitystrea.ms/join"))
            .toList();
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no joined statement reached the LRS in " + PATIENCE);
  }
}
