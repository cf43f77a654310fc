package org.child.cop.activities.ask.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.child.cop.activities.ask.QuestionFilter;
import org.child.cop.activities.ask.Urgency;
import org.child.cop.activities.ask.boundary.AskPages.Form;
import org.child.cop.activities.ask.control.AskTheCommunity.Participant;
import org.child.cop.activities.ask.control.AskTheCommunity.QuestionList;
import org.child.cop.activities.ask.control.AskTheCommunity.QuestionView;
import org.child.cop.activities.ask.entity.Answer;
import org.child.cop.activities.ask.entity.Question;
import org.child.cop.communities.CommunityRole;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.UnitNames;
import org.child.cop.identity.entity.Member;
import org.child.cop.identity.entity.PlatformAccount;
import org.junit.jupiter.api.Test;

/** What the pages show whom, rendered without a server; the flows are in AskTheCommunityIT. */
class AskPagesTest {

  private static final Instant NOON = Instant.parse("2026-03-02T12:00:00Z");
  private static final OrgUnit WARD = new OrgUnit("WARD-3", List.of("CHILD", "NURSING", "WARD-3"));
  private static final OrgUnit THEATRE = new OrgUnit("THEATRES", List.of("CHILD", "THEATRES"));

  private static final UnitNames NO_NAMES = new UnitNames(Map.of());

  private final Member asker = member("ann", "Ann");
  private final Member colleague = member("ben", "Ben <b>");

  @Test
  void theAskerIsAskedWhetherTheyAppliedItOnlyWhenThePromptIsDue() {
    Question question = question();
    Answer answer = question.answer(colleague.id(), THEATRE, "Foam.", true, NOON);
    question.accept(answer.id(), asker.id(), NOON);

    String due = AskPages.question("T", view(question, asker, true), Form.fresh("none"), null);
    String notYet = AskPages.question("T", view(question, asker, false), Form.fresh("none"), null);

    assertThat(due)
        .contains("Did you apply it?", "name=\"applied\" value=\"yes\"", "value=\"no\"")
        .contains("action=\"/activities/ask/questions/" + question.id() + "/application?launch=T");
    assertThat(notYet).doesNotContain("Did you apply it?");
    assertThat(question.applyPromptDue(NOON.plus(Duration.ofDays(30)))).isTrue();
  }

  @Test
  void anAnswerShowsItsUnitAlwaysAndItsAuthorsNameOnlyWhenTheyChoseSo() {
    Question question = question();
    Answer named = question.answer(colleague.id(), THEATRE, "Named <i>answer</i>", true, NOON);
    question.answer("someone", WARD, "Unnamed answer", false, NOON);

    String page =
        AskPages.question(
            "T",
            new QuestionView(
                question,
                participant(asker, WARD),
                Map.of(named.id(), colleague.name()),
                new UnitNames(Map.of("THEATRES", "Theatres & <Recovery>")),
                Set.of(),
                false),
            Form.fresh("none"),
            null);

    assertThat(page)
        .as("a named unit reads as its name, escaped; one nobody named as its path of ids")
        .contains("Ben &lt;b&gt; from Theatres &amp; &lt;Recovery&gt;")
        .contains("A colleague from CHILD / NURSING / WARD-3")
        .contains("Named &lt;i&gt;answer&lt;/i&gt;")
        .doesNotContain("<i>answer</i>", "Ben <b>");
  }

  @Test
  void aColleagueSeesNoAcceptButtonAndNoVoteForWhatTheyVotedOrWrote() {
    Question question = question();
    Answer theirs = question.answer(colleague.id(), THEATRE, "Mine.", false, NOON);

    String page =
        AskPages.question(
            "T",
            new QuestionView(
                question, participant(colleague, THEATRE), Map.of(), NO_NAMES, Set.of(), false),
            Form.fresh("none"),
            null);

    assertThat(page)
        .doesNotContain("Accept this answer", "Vote up")
        .contains("(you)", "Post the answer");
    assertThat(theirs.votes()).isZero();
  }

  @Test
  void aRefusedFieldIsDescribedMarkedAndFocusedWithWhatWasTyped() {
    String page =
        AskPages.askForm(
            "T",
            new Form(
                "question",
                Map.of("title", "", "body", "a \"quoted\" <body>", "urgency", "TODAY"),
                "title",
                "The title is empty."));

    assertThat(page)
        .contains("<span class=\"field-error\" id=\"title-error\" role=\"alert\">")
        .contains("aria-describedby=\"title-hint title-error\" aria-invalid=\"true\" autofocus")
        .contains("a &quot;quoted&quot; &lt;body&gt;</textarea>")
        .contains("value=\"TODAY\" checked")
        .contains("<script src=\"/static/focus-refusal.js\"></script>");
    assertThat(AskPages.askForm("T", Form.fresh("question"))).doesNotContain("<script");
  }

  @Test
  void theListMarksTheChosenFilterAndCarriesTheTokenInEveryLink() {
    String page =
        AskPages.list(
            "a.b-c",
            QuestionFilter.MY_UNIT,
            new QuestionList(
                participant(asker, WARD),
                List.of(question()),
                new UnitNames(Map.of("WARD-3", "Ward 3"))),
            null);

    assertThat(page)
        .contains(
            "href=\"/activities/ask/questions?launch=a.b-c&amp;filter=my-unit\""
                + " aria-current=\"page\">My unit</a>")
        .contains("<h2>My unit questions</h2>", "Heels &amp; theatre", "0 answers")
        .contains("you take part from <strong>Ward 3</strong>", "· from Ward 3 ·");
  }

  private Question question() {
    return new Question(
        "community",
        asker.id(),
        WARD,
        "Heels & theatre",
        "What works?",
        List.of("Wound care"),
        Urgency.TODAY,
        NOON);
  }

  private static QuestionView view(Question question, Member viewer, boolean promptDue) {
    return new QuestionView(
        question, participant(viewer, WARD), Map.of(), NO_NAMES, Set.of(), promptDue);
  }

  private static Participant participant(Member member, OrgUnit unit) {
    return new Participant(
        "community", "Wound care", member, CommunityRole.PARTICIPANT, unit, "run-1");
  }

  private static Member member(String subject, String name) {
    return new Member(new PlatformAccount("https://moodle.example.org", subject), name, NOON);
  }
}
