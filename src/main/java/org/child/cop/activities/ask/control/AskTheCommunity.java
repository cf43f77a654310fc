package org.child.cop.activities.ask.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.child.cop.activities.ask.AskActor;
import org.child.cop.activities.ask.AskEvents.AnswerWasAccepted;
import org.child.cop.activities.ask.AskEvents.AnswerWasApplied;
import org.child.cop.activities.ask.AskEvents.AnswerWasRated;
import org.child.cop.activities.ask.AskEvents.AnswerWasVotedUp;
import org.child.cop.activities.ask.AskEvents.QuestionWasAnswered;
import org.child.cop.activities.ask.AskEvents.QuestionWasAsked;
import org.child.cop.activities.ask.AskPlace;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.activities.ask.CapabilityTag;
import org.child.cop.activities.ask.NoSuchQuestion;
import org.child.cop.activities.ask.QuestionFilter;
import org.child.cop.activities.ask.Urgency;
import org.child.cop.activities.ask.entity.Answer;
import org.child.cop.activities.ask.entity.Question;
import org.child.cop.activities.ask.entity.Vote;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.control.Communities;
import org.child.cop.communities.entity.Community;
import org.child.cop.communities.entity.CommunityMember;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.UnitNames;
import org.child.cop.identity.control.Members;
import org.child.cop.identity.control.OrgUnits;
import org.child.cop.identity.entity.Member;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.Score;
import org.child.cop.lti.control.Grades;

/**
 * Ask the community as members do it from a launch: each act changes the question in one
 * transaction and fires its fact there, so its statement enters the outbox with it. Everything is
 * scoped to the community of the launch's course: a question of another community is answered
 * exactly as one that does not exist.
 */
@ApplicationScoped
public class AskTheCommunity {

  /** The catalogue's id of the activity, which a placed link carries as its custom activity. */
  public static final String TEMPLATE = "ask-the-community";

  /** How many questions a list shows; the newest first. */
  static final int LIST_LIMIT = 100;

  /** Placement ids the tool's deep links give are UUIDs; anything else is derived from the link. */
  private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  @PersistenceContext EntityManager em;
  @Inject Communities communities;
  @Inject Members members;
  @Inject OrgUnits orgUnits;
  @Inject Grades grades;
  @Inject Event<QuestionWasAsked> asked;
  @Inject Event<QuestionWasAnswered> answered;
  @Inject Event<AnswerWasAccepted> accepted;
  @Inject Event<AnswerWasRated> rated;
  @Inject Event<AnswerWasVotedUp> votedUp;
  @Inject Event<AnswerWasApplied> applied;

  /**
   * Who acts, and where: the launch's member in the community of its course, with their community
   * role and their unit now, in the placed activity (the run) they opened.
   */
  public record Participant(
      String communityId,
      String communityName,
      Member member,
      CommunityRole role,
      OrgUnit unit,
      String runId) {

    public String memberId() {
      return member.id();
    }

    AskActor actor() {
      return new AskActor(member.account(), unit, role);
    }
  }

  /** The questions a filter selects, with the names of the units they come from. */
  public record QuestionList(Participant viewer, List<Question> questions, UnitNames units) {}

  /**
   * A question as one member sees it: whose names are shown, the units' names, what they voted,
   * what is due.
   */
  public record QuestionView(
      Question question,
      Participant viewer,
      Map<String, String> shownNames,
      UnitNames units,
      Set<String> votedAnswerIds,
      boolean applyPromptDue) {

    public boolean askedByViewer() {
      return question.isAskedBy(viewer.memberId());
    }
  }

  /** The member and community a launch acts for; refused when the launch has no course. */
  public Participant participant(Launch launch) {
    if (launch.contextId() == null || launch.isDeepLinking()) {
      throw new AskRefused("Ask the community opens from a course of your LMS.");
    }
    Community community =
        communities
            .of(launch.platformId(), launch.contextId())
            .orElseThrow(() -> new AskRefused("Open the activity again from your course."));
    Member member =
        members
            .find(new PlatformAccount(launch.issuer(), launch.subject()))
            .orElseThrow(() -> new AskRefused("Open the activity again from your course."));
    CommunityMember membership =
        em.find(CommunityMember.class, new CommunityMember.Key(community.id(), member.id()));
    CommunityRole role =
        membership == null ? CommunityRole.onEntry(launch.roles()) : membership.role();
    return new Participant(
        community.id(), community.name(), member, role, unitOf(member), runOf(launch));
  }

  /** The community's questions the filter selects, newest first. */
  @Transactional
  public QuestionList questions(Launch launch, QuestionFilter filter) {
    Participant viewer = participant(launch);
    TypedQuery<Question> query =
        switch (filter) {
          case ALL -> em.createNamedQuery(Question.ALL, Question.class);
          case OPEN -> em.createNamedQuery(Question.OPEN, Question.class);
          case ANSWERED -> em.createNamedQuery(Question.ANSWERED, Question.class);
          case MINE ->
              em.createNamedQuery(Question.ASKED_BY, Question.class)
                  .setParameter("memberId", viewer.memberId());
          case MY_UNIT ->
              em.createNamedQuery(Question.FROM_UNIT, Question.class)
                  .setParameter("unitId", viewer.unit().id());
          case OTHER_UNITS ->
              em.createNamedQuery(Question.FROM_OTHER_UNITS, Question.class)
                  .setParameter("unitId", viewer.unit().id());
        };
    List<Question> questions =
        query
            .setParameter("communityId", viewer.communityId())
            .setMaxResults(LIST_LIMIT)
            .getResultList();
    List<OrgUnit> units = new ArrayList<>(List.of(viewer.unit()));
    questions.forEach(question -> units.add(question.askerUnit()));
    return new QuestionList(viewer, questions, orgUnits.namesOf(units));
  }

  /** One question of the launch's community, as its member sees it. */
  @Transactional
  public QuestionView question(Launch launch, String questionId) {
    Participant viewer = participant(launch);
    Question question = inCommunity(viewer, questionId, LockModeType.NONE);
    Map<String, String> names = new LinkedHashMap<>();
    for (Answer answer : question.answers()) {
      if (answer.showsName()) {
        Member answerer = em.find(Member.class, answer.answererId());
        if (answerer != null && answerer.name() != null) {
          names.put(answer.id(), answerer.name());
        }
      }
    }
    Set<String> voted =
        new HashSet<>(
            em.createNamedQuery(Vote.BY_MEMBER_ON_QUESTION, String.class)
                .setParameter("questionId", question.id())
                .setParameter("memberId", viewer.memberId())
                .getResultList());
    List<OrgUnit> units = new ArrayList<>(List.of(viewer.unit(), question.askerUnit()));
    question.answers().forEach(answer -> units.add(answer.answererUnit()));
    boolean promptDue =
        question.isAskedBy(viewer.memberId()) && question.applyPromptDue(Instant.now());
    return new QuestionView(question, viewer, names, orgUnits.namesOf(units), voted, promptDue);
  }

  /** The member asks their community; a graded placement counts it as taking part. */
  @Transactional
  public String ask(
      String launchToken, Launch launch, String title, String body, String tags, String urgency) {
    Participant asker = participant(launch);
    Instant now = Instant.now();
    List<String> tagList = tags == null ? List.of() : Arrays.asList(tags.split("[,\\n]"));
    Question question =
        new Question(
            asker.communityId(),
            asker.memberId(),
            asker.unit(),
            title,
            body,
            tagList,
            Urgency.of(urgency),
            now);
    em.persist(question);
    asked.fire(
        new QuestionWasAsked(
            place(asker, question),
            question.id(),
            asker.actor(),
            question.tags().stream()
                .map(tag -> CapabilityTag.of(asker.communityId(), tag))
                .toList(),
            now));
    tookPart(launchToken, launch, now);
    return question.id();
  }

  /** A colleague answers, with or without their name shown; it counts as taking part. */
  @Transactional
  public String answer(
      String launchToken, Launch launch, String questionId, String body, boolean showName) {
    Participant answerer = participant(launch);
    Question question = inCommunity(answerer, questionId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    Answer answer = question.answer(answerer.memberId(), answerer.unit(), body, showName, now);
    em.persist(answer);
    answered.fire(
        new QuestionWasAnswered(
            place(answerer, question),
            question.id(),
            answer.id(),
            answerer.actor(),
            accountOf(question.askerId()),
            now));
    tookPart(launchToken, launch, now);
    return answer.id();
  }

  /** The asker accepts the answer that helped. */
  @Transactional
  public void accept(Launch launch, String questionId, String answerId) {
    Participant asker = participant(launch);
    Question question = inCommunity(asker, questionId, LockModeType.PESSIMISTIC_WRITE);
    requireAnswer(question, answerId);
    Instant now = Instant.now();
    Answer answer = question.accept(answerId, asker.memberId(), now);
    accepted.fire(
        new AnswerWasAccepted(
            place(asker, question),
            question.id(),
            answer.id(),
            asker.actor(),
            accountOf(answer.answererId()),
            now));
  }

  /** The asker rates the accepted answer: helpfulness 1 to 5 and minutes saved, as typed. */
  @Transactional
  public void rate(Launch launch, String questionId, String helpfulness, String minutesSaved) {
    Participant asker = participant(launch);
    Question question = inCommunity(asker, questionId, LockModeType.PESSIMISTIC_WRITE);
    int stars = whole(helpfulness, "helpfulness", "Rate how helpful the answer was from 1 to 5.");
    int minutes =
        whole(
            minutesSaved,
            "minutes",
            "Say how many minutes the answer saved you, as a whole number (0 if none).");
    Instant now = Instant.now();
    Answer answer = question.rate(asker.memberId(), stars, minutes, now);
    rated.fire(
        new AnswerWasRated(
            place(asker, question),
            question.id(),
            answer.id(),
            asker.actor(),
            accountOf(answer.answererId()),
            stars,
            minutes,
            now));
  }

  /** A member votes a colleague's answer up; once. */
  @Transactional
  public void voteUp(Launch launch, String questionId, String answerId) {
    Participant voter = participant(launch);
    Question question = inCommunity(voter, questionId, LockModeType.PESSIMISTIC_WRITE);
    Answer answer = requireAnswer(question, answerId);
    if (em.find(Vote.class, new Vote.Key(answer.id(), voter.memberId())) != null) {
      throw new AskRefused("You have voted for this answer already.");
    }
    Instant now = Instant.now();
    em.persist(Vote.cast(answer, voter.memberId(), now));
    votedUp.fire(
        new AnswerWasVotedUp(
            place(voter, question),
            question.id(),
            answer.id(),
            voter.actor(),
            accountOf(answer.answererId()),
            now));
  }

  /**
   * The asker's answer to "did you apply it?". Only a yes is a fact for the record (the applied
   * statement); a no is kept with the question.
   */
  @Transactional
  public void applied(Launch launch, String questionId, boolean didApply) {
    Participant asker = participant(launch);
    Question question = inCommunity(asker, questionId, LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    Answer answer = question.applied(asker.memberId(), didApply, now);
    if (didApply) {
      Instant acceptedAt = question.acceptedAt().orElse(now);
      applied.fire(
          new AnswerWasApplied(
              place(asker, question),
              question.id(),
              answer.id(),
              asker.actor(),
              accountOf(answer.answererId()),
              (int) Duration.between(acceptedAt, now).toDays(),
              now));
    }
  }

  /**
   * The member's org unit at the time of an act, from their unit history: what the launch's custom
   * parameters named (recorded at launch), else an administrator's import.
   */
  private OrgUnit unitOf(Member member) {
    return orgUnits.at(member.account(), Instant.now());
  }

  /**
   * The placed activity a launch opened: the placement id its deep link carries; a link placed by
   * hand has none, and its resource link stands for the run.
   */
  static String runOf(Launch launch) {
    String placement = launch.custom().getOrDefault("placement", "").strip();
    if (RUN_ID.matcher(placement).matches()) {
      return placement;
    }
    return UUID.nameUUIDFromBytes(
            ("run\n" + launch.platformId() + "\n" + launch.resourceLinkId())
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  /** One xAPI registration per question ties its statements together. */
  static UUID registrationOf(Question question) {
    return UUID.nameUUIDFromBytes(
        ("ask-registration\n" + question.id()).getBytes(StandardCharsets.UTF_8));
  }

  private static AskPlace place(Participant participant, Question question) {
    return new AskPlace(
        participant.communityId(),
        participant.communityName(),
        participant.runId(),
        registrationOf(question));
  }

  /** The question, if it is one of the participant's community; otherwise as if there were none. */
  private Question inCommunity(Participant participant, String questionId, LockModeType lock) {
    if (questionId == null || questionId.length() > 36) {
      throw new NoSuchQuestion();
    }
    // acts on one question wait for each other (PESSIMISTIC_WRITE): one accept, one rating, one
    // vote per member, however quickly the clicks come
    Question question = em.find(Question.class, questionId, lock);
    if (question == null || !question.communityId().equals(participant.communityId())) {
      throw new NoSuchQuestion();
    }
    return question;
  }

  /** An answer of this question; any other id is as unknown as a missing question. */
  private static Answer requireAnswer(Question question, String answerId) {
    return question.answers().stream()
        .filter(answer -> answer.id().equals(answerId))
        .findFirst()
        .orElseThrow(NoSuchQuestion::new);
  }

  private PlatformAccount accountOf(String memberId) {
    return em.find(Member.class, memberId).account();
  }

  /** A learner's first question or answer in a graded placement gives them its participation. */
  private void tookPart(String launchToken, Launch launch, Instant now) {
    if (launch.hasRole(LtiRole.LEARNER)) {
      grades.recordOnce(launchToken, Score.graded(1.0, 1.0, now), "participation");
    }
  }

  private static int whole(String typed, String field, String message) {
    try {
      return Integer.parseInt(typed == null ? "" : typed.strip());
    } catch (NumberFormatException e) {
      throw new AskRefused(field, message);
    }
  }
}
