package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.child.cop.activities.ask.AskActor;
import org.child.cop.activities.ask.AskEvents.AnswerWasAccepted;
import org.child.cop.activities.ask.AskEvents.AnswerWasApplied;
import org.child.cop.activities.ask.AskEvents.AnswerWasRated;
import org.child.cop.activities.ask.AskEvents.AnswerWasVotedUp;
import org.child.cop.activities.ask.AskEvents.QuestionWasAnswered;
import org.child.cop.activities.ask.AskEvents.QuestionWasAsked;
import org.child.cop.activities.ask.AskPlace;
import org.child.cop.activities.ask.CapabilityTag;
import org.child.cop.communities.CommunityRole;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.statements.control.ActivityIris;
import org.child.cop.statements.control.AskStatements;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Test;

/**
 * Each statement of Ask the community, made from the facts its golden fixture shows, is the fixture
 * exactly and follows its template: the fixtures are what the tool sends.
 */
class AskStatementsTest {

  private static final ActivityIris IRIS =
      new ActivityIris(URI.create("https://cop.child.example.org"));

  @Test
  void askedIsTheGoldenStatement() {
    assertGolden(
        "asked-question",
        (g, id) ->
            AskStatements.asked(
                IRIS,
                new QuestionWasAsked(
                    g.place(),
                    g.objectId(),
                    g.actor(),
                    List.of(
                        new CapabilityTag(
                            UUID.fromString(g.otherId()), "Pressure injury prevention")),
                    g.at()),
                id));
  }

  @Test
  void answeredIsTheGoldenStatementWithTheAskerAsCounterpart() {
    assertGolden(
        "answered-question",
        (g, id) ->
            AskStatements.answered(
                IRIS,
                new QuestionWasAnswered(
                    g.place(), g.objectId(), g.otherId(), g.actor(), g.counterpart(), g.at()),
                id));
  }

  @Test
  void acceptedIsTheGoldenStatement() {
    assertGolden(
        "accepted-answer",
        (g, id) ->
            AskStatements.accepted(
                IRIS,
                new AnswerWasAccepted(
                    g.place(), g.otherId(), g.objectId(), g.actor(), g.counterpart(), g.at()),
                id));
  }

  @Test
  void ratedIsTheGoldenStatementWithHelpfulnessAndMinutesSaved() {
    assertGolden(
        "rated-answer",
        (g, id) ->
            AskStatements.rated(
                IRIS,
                new AnswerWasRated(
                    g.place(),
                    g.otherId(),
                    g.objectId(),
                    g.actor(),
                    g.counterpart(),
                    4,
                    90,
                    g.at()),
                id));
  }

  @Test
  void votedUpIsTheGoldenStatement() {
    assertGolden(
        "voted-up-answer",
        (g, id) ->
            AskStatements.votedUp(
                IRIS,
                new AnswerWasVotedUp(
                    g.place(), g.otherId(), g.objectId(), g.actor(), g.counterpart(), g.at()),
                id));
  }

  @Test
  void appliedIsTheGoldenStatementThirtyDaysOn() {
    assertGolden(
        "applied-answer",
        (g, id) ->
            AskStatements.applied(
                IRIS,
                new AnswerWasApplied(
                    g.place(), g.otherId(), g.objectId(), g.actor(), g.counterpart(), 30, g.at()),
                id));
  }

  @Test
  void aCapabilityTagIsTheSameCapabilityWhateverItsCaseAndSpacing() {
    assertThat(CapabilityTag.of("c1", "Pressure  injury prevention").id())
        .isEqualTo(CapabilityTag.of("c1", "pressure injury PREVENTION ").id())
        .isNotEqualTo(CapabilityTag.of("c2", "Pressure injury prevention").id());
  }

  private static void assertGolden(String template, BiFunction<Golden, UUID, Statement> make) {
    Golden golden = new Golden(json(GoldenStatements.of(template)));

    String emitted =
        make.apply(golden, UUID.fromString(golden.json.getString("id"))).toJson(XapiVersion.V2_0_0);

    assertThat(json(emitted)).isEqualTo(golden.json);
    assertThat(new TemplateCheck(ProfileDocument.template(template)).violations(emitted)).isEmpty();
  }

  /** The facts a golden statement shows. */
  private record Golden(JsonObject json) {

    JsonObject context() {
      return json.getJsonObject("context");
    }

    JsonObject activities() {
      return context().getJsonObject("contextActivities");
    }

    JsonObject extensions() {
      return context().getJsonObject("extensions");
    }

    AskPlace place() {
      JsonObject community = activities().getJsonArray("grouping").getJsonObject(0);
      return new AskPlace(
          last(community.getString("id")),
          community.getJsonObject("definition").getJsonObject("name").getString("en"),
          last(activities().getJsonArray("parent").getJsonObject(0).getString("id")),
          UUID.fromString(context().getString("registration")));
    }

    AskActor actor() {
      JsonObject account = json.getJsonObject("actor").getJsonObject("account");
      JsonObject unit = extensions().getJsonObject(Vocabulary.Extension.ORG_UNIT.iri().toString());
      return new AskActor(
          new PlatformAccount(account.getString("homePage"), account.getString("name")),
          new OrgUnit(
              unit.getString("id"),
              unit.getJsonArray("path").getValuesAs(JsonString.class).stream()
                  .map(JsonString::getString)
                  .toList()),
          CommunityRole.valueOf(
              extensions()
                  .getString(Vocabulary.Extension.ROLE.iri().toString())
                  .toUpperCase(java.util.Locale.ROOT)));
    }

    PlatformAccount counterpart() {
      JsonObject account =
          extensions()
              .getJsonObject(Vocabulary.Extension.COUNTERPART.iri().toString())
              .getJsonObject("account");
      return new PlatformAccount(account.getString("homePage"), account.getString("name"));
    }

    String objectId() {
      return last(json.getJsonObject("object").getString("id"));
    }

    String otherId() {
      return last(activities().getJsonArray("other").getJsonObject(0).getString("id"));
    }

    Instant at() {
      return Instant.parse(json.getString("timestamp"));
    }

    private static String last(String iri) {
      return iri.substring(iri.lastIndexOf('/') + 1);
    }
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
