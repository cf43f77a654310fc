package org.child.cop.activities.ask;

import java.time.Instant;
import java.util.List;
import org.child.cop.identity.entity.PlatformAccount;

/**
 * The facts of Ask the community, fired inside the transaction that records them, so that what
 * reports them (xAPI statements) is written with them. They carry ids, tags and scores, never the
 * text people wrote.
 */
public final class AskEvents {

  private AskEvents() {}

  /** A member asked the community. */
  public record QuestionWasAsked(
      AskPlace place,
      String questionId,
      AskActor asker,
      List<CapabilityTag> capabilities,
      Instant at) {
    public QuestionWasAsked {
      capabilities = List.copyOf(capabilities);
    }
  }

  /** A colleague answered; the asker is the other person of the act. */
  public record QuestionWasAnswered(
      AskPlace place,
      String questionId,
      String answerId,
      AskActor answerer,
      PlatformAccount asker,
      Instant at) {}

  /** The asker accepted an answer; its author is the other person. */
  public record AnswerWasAccepted(
      AskPlace place,
      String questionId,
      String answerId,
      AskActor asker,
      PlatformAccount answerer,
      Instant at) {}

  /** The asker rated the accepted answer (1 to 5) and said how many minutes it saved. */
  public record AnswerWasRated(
      AskPlace place,
      String questionId,
      String answerId,
      AskActor asker,
      PlatformAccount answerer,
      int helpfulness,
      int minutesSaved,
      Instant at) {}

  /** A member voted an answer up; its author is the other person. */
  public record AnswerWasVotedUp(
      AskPlace place,
      String questionId,
      String answerId,
      AskActor voter,
      PlatformAccount answerer,
      Instant at) {}

  /** The asker applied the accepted answer, said {@code daysAfter} days after accepting it. */
  public record AnswerWasApplied(
      AskPlace place,
      String questionId,
      String answerId,
      AskActor asker,
      PlatformAccount answerer,
      int daysAfter,
      Instant at) {}
}
