package org.child.cop.activities.ask.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.identity.OrgUnit;

/** A colleague's answer to a question, with the unit they answered from. */
@Entity
@Table(name = "ask_answer")
public class Answer {

  public static final int MAX_BODY = 5_000;

  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "question_id")
  private Question question;

  @Column(name = "answerer_id", nullable = false)
  private String answererId;

  @Column(name = "answerer_unit_id", nullable = false)
  private String answererUnitId;

  @Column(name = "answerer_unit_path", nullable = false)
  private String answererUnitPath;

  @Column(nullable = false)
  private String body;

  @Column(nullable = false)
  private int votes;

  /** Whether the answerer lets colleagues see their name next to this answer. */
  @Column(name = "show_name", nullable = false)
  private boolean showName;

  @Column(name = "answered_at", nullable = false)
  private OffsetDateTime answeredAt;

  protected Answer() {}

  Answer(
      Question question,
      String answererId,
      OrgUnit unit,
      String body,
      boolean showName,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.question = Objects.requireNonNull(question);
    this.answererId = Objects.requireNonNull(answererId);
    this.answererUnitId = unit.id();
    this.answererUnitPath = String.join("/", unit.path());
    this.body = Question.text(body, "body", "Your answer", MAX_BODY);
    this.votes = 0;
    this.showName = showName;
    this.answeredAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * A colleague finds the answer useful. Whether they voted before is the store's to know (one vote
   * per member and answer); here: nobody votes for their own answer.
   */
  public void voteUp(String memberId) {
    if (answererId.equals(memberId)) {
      throw new AskRefused("You cannot vote for your own answer.");
    }
    votes++;
  }

  public String id() {
    return id;
  }

  public Question question() {
    return question;
  }

  public String answererId() {
    return answererId;
  }

  public OrgUnit answererUnit() {
    return new OrgUnit(answererUnitId, List.of(answererUnitPath.split("/")));
  }

  public String body() {
    return body;
  }

  public boolean showsName() {
    return showName;
  }

  public int votes() {
    return votes;
  }

  public Instant answeredAt() {
    return answeredAt.toInstant();
  }
}
