package org.child.cop.statements.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.ContextAgent;
import org.child.cop.xapi.LrsException;
import org.child.cop.xapi.LrsFailure;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementJson;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Verb;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Test;

/** What the relay sends an external LRS of each version, from the outbox's xAPI 2.0 JSON. */
class LearningRecordStoresTest {

  private static Statement.Builder statement() {
    return Statement.builder()
        .id(UUID.randomUUID())
        .actor(Agent.account("https://moodle.example.org", "17"))
        .verb(Verb.of("http://adlnet.gov/expapi/verbs/answered", "en", "answered"))
        .object(Activity.of("https://cop.example.org/questions/4"))
        .timestamp(Timestamp.now());
  }

  private static String withCounterpart() {
    return statement()
        .context(
            Context.builder()
                .contextAgents(
                    List.of(
                        ContextAgent.of(
                            Agent.account("https://moodle.example.org", "23"),
                            "https://w3id.org/xapi/child-cop/roles/asker")))
                .build())
        .build()
        .toJson(XapiVersion.V2_0_0);
  }

  @Test
  void aTwoPointZeroLrsGetsTheOutboxJsonAsItIs() {
    String kept = withCounterpart();

    assertThat(LearningRecordStores.inVersion(kept, XapiVersion.V2_0_0)).isSameAs(kept);
  }

  @Test
  void aOnePointZeroLrsGetsTheOutboxJsonAsItIsWhenItHasNoTwoPointZeroMember() {
    String kept = statement().build().toJson(XapiVersion.V2_0_0);

    assertThat(LearningRecordStores.inVersion(kept, XapiVersion.V1_0_3)).isSameAs(kept);
  }

  @Test
  void aOnePointZeroLrsGetsAStatementWithContextAgentsWithoutThem() {
    String kept = withCounterpart();

    String sent = LearningRecordStores.inVersion(kept, XapiVersion.V1_0_3);

    JsonObject json = Json.createReader(new StringReader(sent)).readObject();
    assertThat(json.getJsonObject("context")).doesNotContainKey("contextAgents");
    assertThat(StatementJson.read(sent, XapiVersion.V1_0_3).id())
        .isEqualTo(StatementJson.read(kept).id());
  }

  @Test
  void anOutboxRowThatIsNoLongerAStatementIsABadRequestNotAnOutage() {
    String broken = "{\"id\": \"not-a-uuid\", \"context\": {\"contextAgents\": []}}";

    assertThatThrownBy(() -> LearningRecordStores.inVersion(broken, XapiVersion.V1_0_3))
        .isInstanceOfSatisfying(
            LrsException.class,
            e -> {
              assertThat(e.failure()).isEqualTo(LrsFailure.BAD_REQUEST);
              assertThat(e.retryable()).isFalse();
            });
  }
}
