package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The checker behind the golden tests catches what the templates forbid. */
class TemplateCheckTest {

  private static final String COUNTERPART = "'" + Vocabulary.Extension.COUNTERPART.iri() + "'";
  private static final String ROLE = "'" + Vocabulary.Extension.ROLE.iri() + "'";

  @Test
  void statementWithoutCommunityInGroupingIsRejected() {
    assertThat(
            violations("answered-question", s -> s.delete("$.context.contextActivities.grouping")))
        .anyMatch(v -> v.contains("contextGroupingActivityType"))
        .anyMatch(v -> v.contains("grouping[*].id") && v.contains("missing"));
  }

  @Test
  void statementWithAnotherGroupingTypeIsRejected() {
    assertThat(
            violations(
                "asked-question",
                s ->
                    s.set(
                        "$.context.contextActivities.grouping[0].definition.type",
                        "http://id.tincanapi.com/activitytype/community-site")))
        .anyMatch(v -> v.contains("grouping[*].definition.type"));
  }

  @Test
  void statementWithoutTheProfileVersionInCategoryIsRejected() {
    assertThat(violations("accepted-answer", s -> s.delete("$.context.contextActivities.category")))
        .anyMatch(v -> v.contains("category[*].id") && v.contains("missing"));
  }

  @Test
  void statementClaimingAnotherProfileVersionIsRejected() {
    assertThat(
            violations(
                "accepted-answer",
                s ->
                    s.set(
                        "$.context.contextActivities.category[0].id",
                        "https://w3id.org/xapi/child-cop/v0.9")))
        .anyMatch(
            v -> v.contains("category[*].id") && v.contains(Vocabulary.PROFILE_VERSION.toString()));
  }

  @Test
  void statementWithFreeTextResponseIsRejected() {
    assertThat(
            violations(
                "answered-question",
                s -> s.put("$", "result", Map.of("response", "Use the turning chart at night"))))
        .anyMatch(v -> v.contains("$.result.response") && v.contains("must be absent"));
  }

  @Test
  void questionCarryingItsTextIsRejected() {
    assertThat(
            violations(
                "asked-question",
                s -> s.put("$.object.definition", "name", Map.of("en", "How do we stop ..."))))
        .anyMatch(v -> v.contains("$.object.definition.name"));
  }

  @Test
  void statementWithAnotherVerbIsRejected() {
    assertThat(
            violations(
                "accepted-answer", s -> s.set("$.verb.id", "http://activitystrea.ms/approve")))
        .anyMatch(v -> v.startsWith("verb: expected http://activitystrea.ms/accept"));
  }

  @Test
  void statementWithAnotherObjectTypeIsRejected() {
    assertThat(
            violations(
                "voted-up-answer",
                s ->
                    s.set(
                        "$.object.definition.type",
                        Vocabulary.ActivityType.DREAM.iri().toString())))
        .anyMatch(v -> v.startsWith("objectActivityType"));
  }

  @Test
  void answerWithoutTheAskerAsCounterpartIsRejected() {
    assertThat(
            violations(
                "answered-question", s -> s.delete("$.context.extensions[" + COUNTERPART + "]")))
        .anyMatch(v -> v.contains("counterpart") && v.contains("missing"));
  }

  @Test
  void actorIdentifiedByEmailIsRejected() {
    assertThat(
            violations(
                "joined-community",
                s ->
                    s.set(
                        "$.actor",
                        Map.of("objectType", "Agent", "mbox", "mailto:nurse@example.org"))))
        .anyMatch(v -> v.contains("$.actor.mbox"))
        .anyMatch(v -> v.contains("$.actor.account.name"));
  }

  @Test
  void actorWithAPersonalNameIsRejected() {
    assertThat(violations("joined-community", s -> s.put("$.actor", "name", "Jane Doe")))
        .anyMatch(v -> v.contains("$.actor.name"));
  }

  @Test
  void ratingOutsideTheHelpfulnessScaleIsRejected() {
    assertThat(violations("rated-answer", s -> s.set("$.result.score.raw", 7)))
        .anyMatch(v -> v.contains("$.result.score.raw"));
  }

  @Test
  void endorsementByAMemberWhoIsNotTheSponsorIsRejected() {
    assertThat(
            violations(
                "endorsed-design-proposition",
                s ->
                    s.put(
                        "$.context.extensions",
                        Vocabulary.Extension.ROLE.iri().toString(),
                        "core")))
        .anyMatch(v -> v.contains(ROLE) && v.contains("sponsor"));
  }

  @Test
  void postInAnotherPhaseDoesNotFollowTheDiscoverTemplate() {
    assertThat(
            new TemplateCheck(ProfileDocument.template("posted-discovery"))
                .violations(GoldenStatements.of("posted-dream")))
        .anyMatch(v -> v.contains(Vocabulary.Extension.PHASE.iri().toString()));
  }

  @Test
  void missingRecommendedPropertyIsNoViolation() {
    assertThat(
            violations(
                "voted-up-dream", s -> s.delete("$.context.extensions[" + COUNTERPART + "]")))
        .isEmpty();
  }

  private static List<String> violations(String template, Consumer<DocumentContext> change) {
    DocumentContext statement = JsonPath.parse(GoldenStatements.of(template));
    change.accept(statement);
    return new TemplateCheck(ProfileDocument.template(template)).violations(statement.jsonString());
  }
}
