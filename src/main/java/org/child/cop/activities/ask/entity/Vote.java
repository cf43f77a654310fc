package org.child.cop.activities.ask.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** A member's up-vote of an answer: one per member and answer, which its key keeps. */
@Entity
@Table(name = "ask_vote")
@IdClass(Vote.Key.class)
@NamedQuery(
    name = Vote.BY_MEMBER_ON_QUESTION,
    query =
        "select v.answerId from Vote v, Answer a where v.answerId = a.id"
            + " and a.question.id = :questionId and v.memberId = :memberId")
public class Vote {

  /** The ids of the answers to a question a member has voted up. */
  public static final String BY_MEMBER_ON_QUESTION = "Vote.byMemberOnQuestion";

  /** The primary key (a class with settable fields, as JPA wants it). */
  public static class Key implements Serializable {
    private String answerId;
    private String memberId;

    public Key() {}

    public Key(String answerId, String memberId) {
      this.answerId = answerId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(answerId, key.answerId)
          && Objects.equals(memberId, key.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(answerId, memberId);
    }
  }

  @Id
  @Column(name = "answer_id")
  private String answerId;

  @Id
  @Column(name = "member_id")
  private String memberId;

  @Column(name = "voted_at", nullable = false)
  private OffsetDateTime votedAt;

  protected Vote() {}

  /**
   * Counts the vote on the answer (which refuses one for its own author) and records who cast it.
   */
  public static Vote cast(Answer answer, String memberId, Instant now) {
    answer.voteUp(memberId);
    Vote vote = new Vote();
    vote.answerId = answer.id();
    vote.memberId = Objects.requireNonNull(memberId);
    vote.votedAt = now.atOffset(ZoneOffset.UTC);
    return vote;
  }
}
