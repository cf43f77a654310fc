package org.child.cop.activities.ask.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.activities.ask.Urgency;
import org.child.cop.identity.OrgUnit;

/**
 * A member's question to their community, and what became of it: the answers, the one the asker
 * accepted, how helpful it was and how many minutes it saved, and, a month on, whether they applied
 * it. Only the asker accepts, rates and says they applied; nobody answers their own question.
 */
@Entity
@Table(name = "ask_question")
@NamedQuery(
    name = Question.ALL,
    query = "select q from Question q where q.communityId = :communityId order by q.askedAt desc")
@NamedQuery(
    name = Question.OPEN,
    query =
        "select q from Question q where q.communityId = :communityId"
            + " and q.acceptedAnswerId is null order by q.askedAt desc")
@NamedQuery(
    name = Question.ANSWERED,
    query =
        "select q from Question q where q.communityId = :communityId"
            + " and q.acceptedAnswerId is not null order by q.askedAt desc")
@NamedQuery(
    name = Question.ASKED_BY,
    query =
        "select q from Question q where q.communityId = :communityId"
            + " and q.askerId = :memberId order by q.askedAt desc")
@NamedQuery(
    name = Question.FROM_UNIT,
    query =
        "select q from Question q where q.communityId = :communityId"
            + " and q.askerUnitId = :unitId order by q.askedAt desc")
@NamedQuery(
    name = Question.FROM_OTHER_UNITS,
    query =
        "select q from Question q where q.communityId = :communityId"
            + " and q.askerUnitId <> :unitId order by q.askedAt desc")
public class Question {

  /** A community's questions, newest first; the others narrow them down. */
  public static final String ALL = "Question.all";

  /** No answer accepted yet. */
  public static final String OPEN = "Question.open";

  /** The asker accepted an answer. */
  public static final String ANSWERED = "Question.answered";

  public static final String ASKED_BY = "Question.askedBy";

  /** Asked from a unit (as it was when asked). */
  public static final String FROM_UNIT = "Question.fromUnit";

  public static final String FROM_OTHER_UNITS = "Question.fromOtherUnits";

  public static final int MAX_TITLE = 150;
  public static final int MAX_BODY = 5_000;
  public static final int MAX_TAGS = 5;
  public static final int MAX_TAG = 40;

  /** The most minutes one answer can be said to have saved: a working week. */
  public static final int MAX_MINUTES_SAVED = 5 * 8 * 60;

  /** When the asker is asked whether they applied the accepted answer. */
  public static final Duration APPLY_PROMPT_AFTER = Duration.ofDays(30);

  @Id private String id;

  @Column(name = "community_id", nullable = false)
  private String communityId;

  @Column(name = "asker_id", nullable = false)
  private String askerId;

  @Column(name = "asker_unit_id", nullable = false)
  private String askerUnitId;

  @Column(name = "asker_unit_path", nullable = false)
  private String askerUnitPath;

  @Column(nullable = false)
  private String title;

  @Column(nullable = false)
  private String body;

  /** Capability tags, separated by newlines (a tag holds no newline). */
  @Column(nullable = false)
  private String tags;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Urgency urgency;

  @Column(name = "asked_at", nullable = false)
  private OffsetDateTime askedAt;

  @OneToMany(mappedBy = "question", cascade = CascadeType.PERSIST)
  @OrderBy("answeredAt")
  private List<Answer> answers = new ArrayList<>();

  @Column(name = "accepted_answer_id")
  private String acceptedAnswerId;

  @Column(name = "accepted_at")
  private OffsetDateTime acceptedAt;

  private Integer helpfulness;

  @Column(name = "minutes_saved")
  private Integer minutesSaved;

  @Column(name = "rated_at")
  private OffsetDateTime ratedAt;

  private Boolean applied;

  @Column(name = "applied_answered_at")
  private OffsetDateTime appliedAnsweredAt;

  protected Question() {}

  public Question(
      String communityId,
      String askerId,
      OrgUnit askerUnit,
      String title,
      String body,
      List<String> tags,
      Urgency urgency,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.communityId = Objects.requireNonNull(communityId);
    this.askerId = Objects.requireNonNull(askerId);
    this.askerUnitId = askerUnit.id();
    this.askerUnitPath = String.join("/", askerUnit.path());
    this.title = text(title, "title", "The title", MAX_TITLE);
    this.body = text(body, "body", "The question", MAX_BODY);
    this.tags = String.join("\n", tags(tags));
    this.urgency = Objects.requireNonNull(urgency);
    this.askedAt = utc(now);
  }

  /**
   * A colleague answers; anyone but the asker may, also after an answer was accepted. {@code
   * showName}: whether they let colleagues see their name next to it (their unit is always shown).
   */
  public Answer answer(
      String answererId, OrgUnit unit, String body, boolean showName, Instant now) {
    if (askerId.equals(answererId)) {
      throw new AskRefused(
          "You cannot answer your own question. Add what you found out to the question instead.");
    }
    Answer answer = new Answer(this, answererId, unit, body, showName, now);
    answers.add(answer);
    return answer;
  }

  /** The asker picks the answer that helped; once. */
  public Answer accept(String answerId, String by, Instant now) {
    requireAsker(by, "accept an answer");
    if (acceptedAnswerId != null) {
      throw new AskRefused("You have accepted an answer to this question already.");
    }
    Answer answer =
        answers.stream()
            .filter(candidate -> candidate.id().equals(answerId))
            .findFirst()
            .orElseThrow(() -> new AskRefused("That answer does not belong to this question."));
    acceptedAnswerId = answer.id();
    acceptedAt = utc(now);
    return answer;
  }

  /** How helpful the accepted answer was (1 to 5) and how many minutes it saved; once. */
  public Answer rate(String by, int helpfulness, int minutesSaved, Instant now) {
    requireAsker(by, "rate the answer");
    Answer accepted = requireAccepted("rate it");
    if (ratedAt != null) {
      throw new AskRefused("You have rated this answer already.");
    }
    if (helpfulness < 1 || helpfulness > 5) {
      throw new AskRefused("helpfulness", "Rate how helpful the answer was from 1 to 5.");
    }
    if (minutesSaved < 0 || minutesSaved > MAX_MINUTES_SAVED) {
      throw new AskRefused(
          "minutes",
          "Minutes saved must be between 0 and " + MAX_MINUTES_SAVED + " (a working week).");
    }
    this.helpfulness = helpfulness;
    this.minutesSaved = minutesSaved;
    this.ratedAt = utc(now);
    return accepted;
  }

  /** The asker's reply to "did you apply it?" ({@link #APPLY_PROMPT_AFTER} after accepting). */
  public Answer applied(String by, boolean applied, Instant now) {
    requireAsker(by, "say whether you applied the answer");
    Answer accepted = requireAccepted("say whether you applied it");
    if (this.applied != null) {
      throw new AskRefused("You have said already whether you applied this answer.");
    }
    this.applied = applied;
    this.appliedAnsweredAt = utc(now);
    return accepted;
  }

  /** Whether the asker should now be asked if they applied the accepted answer. */
  public boolean applyPromptDue(Instant now) {
    return acceptedAt != null
        && applied == null
        && !now.isBefore(acceptedAt.toInstant().plus(APPLY_PROMPT_AFTER));
  }

  public boolean isAskedBy(String memberId) {
    return askerId.equals(memberId);
  }

  public String id() {
    return id;
  }

  public String communityId() {
    return communityId;
  }

  public String askerId() {
    return askerId;
  }

  public OrgUnit askerUnit() {
    return new OrgUnit(askerUnitId, List.of(askerUnitPath.split("/")));
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public List<String> tags() {
    return tags.isEmpty() ? List.of() : List.of(tags.split("\n"));
  }

  public Urgency urgency() {
    return urgency;
  }

  public Instant askedAt() {
    return askedAt.toInstant();
  }

  public List<Answer> answers() {
    return Collections.unmodifiableList(answers);
  }

  public Optional<Answer> acceptedAnswer() {
    return answers.stream().filter(answer -> answer.id().equals(acceptedAnswerId)).findFirst();
  }

  public Optional<Instant> acceptedAt() {
    return Optional.ofNullable(acceptedAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Integer> helpfulness() {
    return Optional.ofNullable(helpfulness);
  }

  public Optional<Integer> minutesSaved() {
    return Optional.ofNullable(minutesSaved);
  }

  public Optional<Boolean> applied() {
    return Optional.ofNullable(applied);
  }

  private void requireAsker(String memberId, String what) {
    if (!askerId.equals(memberId)) {
      throw new AskRefused("Only the person who asked can " + what + ".");
    }
  }

  private Answer requireAccepted(String what) {
    return acceptedAnswer()
        .orElseThrow(() -> new AskRefused("Accept an answer first, then " + what + "."));
  }

  /** Trimmed, required and bounded: what people type is checked with a message for them. */
  static String text(String text, String field, String what, int max) {
    String stripped = text == null ? "" : text.strip();
    if (stripped.isEmpty()) {
      throw new AskRefused(field, what + " is empty.");
    }
    if (stripped.length() > max) {
      throw new AskRefused(field, what + " is longer than " + max + " characters.");
    }
    return stripped;
  }

  private static Set<String> tags(List<String> tags) {
    Set<String> clean = new LinkedHashSet<>();
    for (String tag : tags == null ? List.<String>of() : tags) {
      String stripped = tag == null ? "" : tag.strip().replaceAll("\\s+", " ");
      if (stripped.isEmpty()) {
        continue;
      }
      if (stripped.length() > MAX_TAG) {
        throw new AskRefused(
            "tags", "A tag is longer than " + MAX_TAG + " characters: " + stripped);
      }
      clean.add(stripped);
    }
    if (clean.size() > MAX_TAGS) {
      throw new AskRefused("tags", "Use at most " + MAX_TAGS + " tags.");
    }
    return clean;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
