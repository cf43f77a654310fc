package org.child.cop.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statement JSON read and written back: the same JSON value, for 1.0.3 and 2.0.0. */
class StatementJsonTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "simplest.json",
        "long-example.json",
        "choice-interaction.json",
        "likert-matching-performance.json",
        "voiding.json",
        "agent-and-group-objects.json",
        "attachments-and-authority.json",
        "context-agents-2.0.json"
      })
  void readingThenWritingGivesTheSameJsonValue(String fixture) {
    JsonObject json = fixture(fixture);

    Statement statement = Statement.fromJson(json);

    assertThat(statement.toJsonObject(XapiVersion.V2_0_0)).isEqualTo(json);
    assertThat(Statement.fromJson(statement.toJson(XapiVersion.V2_0_0))).isEqualTo(statement);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "simplest.json",
        "long-example.json",
        "choice-interaction.json",
        "likert-matching-performance.json",
        "voiding.json",
        "agent-and-group-objects.json",
        "attachments-and-authority.json"
      })
  void statementsWithout20MembersAreWrittenUnchangedFor103(String fixture) {
    JsonObject json = fixture(fixture);

    assertThat(Statement.fromJson(json).toJsonObject(XapiVersion.V1_0_3)).isEqualTo(json);
  }

  @Test
  void writingFor103LeavesOutContextAgentsAndContextGroups() {
    Statement statement = Statement.fromJson(fixture("context-agents-2.0.json"));

    JsonObject context = statement.toJsonObject(XapiVersion.V1_0_3).getJsonObject("context");

    assertThat(context).doesNotContainKeys("contextAgents", "contextGroups");
    assertThat(context).containsKeys("registration", "contextActivities", "extensions");
    assertThat(statement.toJson()).isEqualTo(statement.toJson(XapiVersion.V1_0_3));
  }

  @Test
  void writingFor20KeepsContextAgentsAndContextGroups() {
    Statement statement = Statement.fromJson(fixture("context-agents-2.0.json"));

    JsonObject context = statement.toJsonObject(XapiVersion.V2_0_0).getJsonObject("context");

    assertThat(context.getJsonArray("contextAgents")).hasSize(2);
    assertThat(context.getJsonArray("contextGroups")).hasSize(1);
    assertThat(statement.context().contextAgents().get(0).relevantTypes())
        .containsExactly("https://w3id.org/xapi/child-cop/roles/facilitator");
  }

  @Test
  void numbersKeepTheirWrittenScale() {
    Statement statement = Statement.fromJson(fixture("choice-interaction.json"));

    assertThat(statement.result().score().raw()).isEqualTo(new BigDecimal("83"));
    assertThat(statement.result().score().max()).isEqualTo(new BigDecimal("87.0"));
    assertThat(statement.toJson()).contains("\"raw\":83,").contains("\"max\":87.0");
  }

  @Test
  void extensionsHoldAnyJson() {
    Statement statement = Statement.fromJson(fixture("choice-interaction.json"));

    assertThat(
            statement
                .result()
                .extensions()
                .get("http://example.com/result/anything")
                .orElseThrow()
                .asJsonArray())
        .hasSize(5);
  }

  @Test
  void aSingleContextActivityIsWrittenAsAnArray() {
    String json =
        "{'actor':{'mbox':'mailto:a@example.org'},'verb':{'id':'http://example.org/v'},"
            + "'object':{'id':'http://example.org/a'},"
            + "'context':{'contextActivities':{'parent':{'id':'http://example.org/p'}}}}";

    Statement statement = Statement.fromJson(json.replace('\'', '"'));

    assertThat(statement.context().contextActivities().parent())
        .containsExactly(new Activity("http://example.org/p", null, false));
    assertThat(statement.toJson())
        .contains("\"contextActivities\":{\"parent\":[{\"id\":\"http://example.org/p\"}]}");
  }

  @Test
  void anOmittedObjectTypeStaysOmittedAndAStatedOneStaysStated() {
    Statement simplest = Statement.fromJson(fixture("simplest.json"));
    Statement stated = Statement.fromJson(fixture("choice-interaction.json"));

    assertThat(simplest.actor()).isInstanceOf(Agent.class);
    assertThat(((Agent) simplest.actor()).objectTypeStated()).isFalse();
    assertThat(((Activity) simplest.object()).objectTypeStated()).isFalse();
    assertThat(((Agent) stated.actor()).objectTypeStated()).isTrue();
  }

  @Test
  void aStatementBuiltInCodeWritesTheExpectedJson() {
    UUID id = UUID.fromString("b7e4fc8e-4b1a-4a8f-9c6e-1d2f3a4b5c6d");
    UUID registration = UUID.fromString("0f9e8d7c-6b5a-4c3d-8e1f-0a9b8c7d6e5f");
    Statement statement =
        Statement.builder()
            .id(id)
            .actor(Agent.of("Ada", new Account("https://moodle.example.org", "17")))
            .verb(Verb.of("http://adlnet.gov/expapi/verbs/answered", "en-US", "answered"))
            .object(
                Activity.of(
                    "https://child-cop.example.org/activities/ask/3",
                    ActivityDefinition.of(
                        "http://adlnet.gov/expapi/activities/question",
                        LanguageMap.of("en", "Ask"))))
            .result(
                Result.builder()
                    .score(Score.scaled(0.5))
                    .completion(true)
                    .duration(java.time.Duration.ofMinutes(90))
                    .extensions(
                        Extensions.of("https://example.org/ext/words", Json.createValue(120)))
                    .build())
            .context(
                Context.builder()
                    .registration(registration)
                    .contextActivities(
                        ContextActivities.none()
                            .withCategory(Activity.of("https://w3id.org/xapi/child-cop/v1.0")))
                    .platform("CHILD CoP")
                    .language("en")
                    .build())
            .timestamp(new Timestamp("2025-01-02T03:04:05.678Z"))
            .build();

    String expected =
        "{'id':'b7e4fc8e-4b1a-4a8f-9c6e-1d2f3a4b5c6d',"
            + "'actor':{'objectType':'Agent','name':'Ada',"
            + "'account':{'homePage':'https://moodle.example.org','name':'17'}},"
            + "'verb':{'id':'http://adlnet.gov/expapi/verbs/answered','display':{'en-US':'answered'}},"
            + "'object':{'objectType':'Activity','id':'https://child-cop.example.org/activities/ask/3',"
            + "'definition':{'name':{'en':'Ask'},"
            + "'type':'http://adlnet.gov/expapi/activities/question'}},"
            + "'result':{'score':{'scaled':0.5},'completion':true,'duration':'PT1H30M',"
            + "'extensions':{'https://example.org/ext/words':120}},"
            + "'context':{'registration':'0f9e8d7c-6b5a-4c3d-8e1f-0a9b8c7d6e5f',"
            + "'contextActivities':{'category':[{'objectType':'Activity',"
            + "'id':'https://w3id.org/xapi/child-cop/v1.0'}]},"
            + "'platform':'CHILD CoP','language':'en'},"
            + "'timestamp':'2025-01-02T03:04:05.678Z'}";
    assertThat(statement.toJsonObject(XapiVersion.V1_0_3)).isEqualTo(json(expected));
    assertThat(Statement.fromJson(statement.toJson())).isEqualTo(statement);
  }

  @Test
  void aVoidingStatementPointsAtItsTarget() {
    UUID target = UUID.randomUUID();

    Statement voiding =
        Statement.voiding(
            UUID.randomUUID(), Agent.mbox("admin@example.org"), target, Timestamp.now());

    assertThat(voiding.verb().isVoiding()).isTrue();
    assertThat(voiding.object()).isEqualTo(StatementRef.to(target));
  }

  @Test
  void whatAnLrsAddsIsRemovedToCompareWithWhatWasSent() {
    Statement stored = Statement.fromJson(fixture("attachments-and-authority.json"));

    Statement sent = stored.asSent();

    assertThat(sent.stored()).isNull();
    assertThat(sent.authority()).isNull();
    assertThat(sent.version()).isNull();
    assertThat(sent.attachments()).isEqualTo(stored.attachments());
  }

  @Test
  void aBatchIsReadWithThePathOfEachBadStatement() {
    String batch =
        "[{'actor':{'mbox':'mailto:a@example.org'},'verb':{'id':'http://example.org/v'},"
            + "'object':{'id':'http://example.org/a'}},"
            + "{'actor':{'mbox':'a'},'verb':{'id':'http://example.org/v'},"
            + "'object':{'id':'http://example.org/a'}}]";

    assertThatThrownBy(
            () ->
                StatementJson.readList(
                    Json.createReader(new StringReader(batch.replace('\'', '"'))).readArray()))
        .isInstanceOfSatisfying(
            XapiValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::toString)
                    .containsExactly(
                        "[1].actor.mbox: must be a mailto: IRI with an email address"));
  }

  @Test
  void aBatchIsWrittenAsAnArrayInOrder() {
    Statement first = Statement.fromJson(fixture("simplest.json"));
    Statement second = Statement.fromJson(fixture("voiding.json"));

    assertThat(StatementJson.writeList(List.of(first, second), XapiVersion.V1_0_3))
        .containsExactly(fixture("simplest.json"), fixture("voiding.json"));
  }

  private static JsonObject json(String singleQuoted) {
    return Json.createReader(new StringReader(singleQuoted.replace('\'', '"'))).readObject();
  }

  static JsonObject fixture(String name) {
    try (InputStream in = StatementJsonTest.class.getResourceAsStream("/xapi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return Json.createReader(
              new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8)))
          .readObject();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
