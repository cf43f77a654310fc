package org.child.cop.activities.ask.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.activities.ask.Urgency;
import org.child.cop.identity.OrgUnit;
import org.junit.jupiter.api.Test;

/** The rules of Ask the community, from the asker's, the colleagues' and a meddler's side. */
class QuestionTest {

  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");
  private static final OrgUnit WARD = new OrgUnit("W3", List.of("CHILD", "NURSING", "W3"));
  private static final OrgUnit THEATRE = new OrgUnit("TH1", List.of("CHILD", "SURG", "TH1"));

  private final Question question =
      new Question(
          "community-1",
          "asker",
          WARD,
          "  How do you prevent pressure injuries on long night shifts?  ",
          "We turn patients every two hours but still see stage 1 injuries.",
          List.of("Pressure injury prevention", " pressure   injury prevention ", ""),
          Urgency.THIS_WEEK,
          NOON);

  @Test
  void aQuestionKeepsTrimmedTextTheAskersUnitAndDistinctTags() {
    assertThat(question.title()).startsWith("How do").endsWith("shifts?");
    assertThat(question.askerUnit()).isEqualTo(WARD);
    assertThat(question.tags())
        .containsExactly("Pressure injury prevention", "pressure injury prevention");
  }

  @Test
  void colleaguesFromAnyUnitAnswerButNotTheAsker() {
    Answer answer =
        question.answer("colleague", THEATRE, "We use foam dressings on heels.", false, NOON);

    assertThat(answer.answererUnit()).isEqualTo(THEATRE);
    assertThat(question.answers()).containsExactly(answer);
    assertThatThrownBy(() -> question.answer("asker", WARD, "Me again", false, NOON))
        .isInstanceOf(AskRefused.class)
        .hasMessageContaining("cannot answer your own question");
  }

  @Test
  void onlyTheAskerAcceptsAndOnlyOnce() {
    Answer first = question.answer("colleague", THEATRE, "Foam dressings.", false, NOON);
    Answer second = question.answer("other", WARD, "Repositioning wedges.", false, NOON);

    assertThatThrownBy(() -> question.accept(first.id(), "colleague", NOON))
        .isInstanceOf(AskRefused.class)
        .hasMessageContaining("Only the person who asked");
    assertThat(question.accept(second.id(), "asker", NOON)).isSameAs(second);
    assertThat(question.acceptedAnswer()).contains(second);
    assertThatThrownBy(() -> question.accept(first.id(), "asker", NOON))
        .hasMessageContaining("accepted an answer to this question already");
  }

  @Test
  void anAnswerToAnotherQuestionCannotBeAccepted() {
    Question other =
        new Question(
            "community-1", "x", WARD, "Another one", "Body", List.of(), Urgency.TODAY, NOON);
    Answer elsewhere = other.answer("colleague", THEATRE, "Unrelated.", false, NOON);

    assertThatThrownBy(() -> question.accept(elsewhere.id(), "asker", NOON))
        .hasMessageContaining("does not belong to this question");
  }

  @Test
  void ratingNeedsAnAcceptedAnswerAndStaysWithinItsBounds() {
    Answer answer = question.answer("colleague", THEATRE, "Foam dressings.", false, NOON);
    assertThatThrownBy(() -> question.rate("asker", 4, 30, NOON))
        .hasMessageContaining("Accept an answer first");
    question.accept(answer.id(), "asker", NOON);

    for (int[] wrong :
        new int[][] {{0, 30}, {6, 30}, {3, -1}, {3, Question.MAX_MINUTES_SAVED + 1}}) {
      assertThatThrownBy(() -> question.rate("asker", wrong[0], wrong[1], NOON))
          .isInstanceOf(AskRefused.class);
    }
    assertThatThrownBy(() -> question.rate("colleague", 5, 30, NOON))
        .hasMessageContaining("Only the person who asked");

    assertThat(question.rate("asker", 5, Question.MAX_MINUTES_SAVED, NOON)).isSameAs(answer);
    assertThat(question.helpfulness()).contains(5);
    assertThatThrownBy(() -> question.rate("asker", 4, 10, NOON))
        .hasMessageContaining("rated this answer already");
  }

  @Test
  void theAskerIsAskedWhetherTheyAppliedItThirtyDaysAfterAcceptingAndAnswersOnce() {
    Answer answer = question.answer("colleague", THEATRE, "Foam dressings.", false, NOON);
    assertThat(question.applyPromptDue(NOON.plus(Duration.ofDays(60)))).isFalse();
    question.accept(answer.id(), "asker", NOON);

    assertThat(question.applyPromptDue(NOON.plus(Duration.ofDays(29)))).isFalse();
    assertThat(question.applyPromptDue(NOON.plus(Duration.ofDays(30)))).isTrue();
    question.applied("asker", true, NOON.plus(Duration.ofDays(31)));
    assertThat(question.applied()).contains(true);
    assertThat(question.applyPromptDue(NOON.plus(Duration.ofDays(40)))).isFalse();
    assertThatThrownBy(() -> question.applied("asker", false, NOON))
        .hasMessageContaining("already");
  }

  @Test
  void nobodyVotesForTheirOwnAnswer() {
    Answer answer = question.answer("colleague", THEATRE, "Foam dressings.", false, NOON);

    answer.voteUp("asker");
    answer.voteUp("someone-else");

    assertThat(answer.votes()).isEqualTo(2);
    assertThatThrownBy(() -> answer.voteUp("colleague")).hasMessageContaining("your own answer");
  }

  @Test
  void textIsRequiredAndBoundedWithAMessageForThePerson() {
    assertThatThrownBy(
            () -> new Question("c", "a", WARD, "   ", "Body", List.of(), Urgency.TODAY, NOON))
        .hasMessage("The title is empty.");
    assertThatThrownBy(
            () ->
                new Question(
                    "c", "a", WARD, "x".repeat(151), "Body", List.of(), Urgency.TODAY, NOON))
        .hasMessage("The title is longer than 150 characters.");
    assertThatThrownBy(
            () ->
                new Question(
                    "c",
                    "a",
                    WARD,
                    "Title",
                    "Body",
                    List.of("a", "b", "c", "d", "e", "f"),
                    Urgency.TODAY,
                    NOON))
        .hasMessageContaining("at most 5 tags");
    assertThatThrownBy(() -> question.answer("colleague", THEATRE, "y".repeat(5001), false, NOON))
        .hasMessage("Your answer is longer than 5000 characters.");
  }
}
