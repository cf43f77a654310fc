package org.child.cop.activities.ask.boundary;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.child.cop.activities.ask.QuestionFilter;
import org.child.cop.activities.ask.Urgency;
import org.child.cop.activities.ask.control.AskTheCommunity.QuestionList;
import org.child.cop.activities.ask.control.AskTheCommunity.QuestionView;
import org.child.cop.activities.ask.entity.Answer;
import org.child.cop.activities.ask.entity.Question;
import org.child.cop.identity.UnitNames;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;

/**
 * The pages of Ask the community, server-rendered and escaped: every link and form carries the
 * launch token, a refused form comes back with what was typed and the message next to its field
 * (announced, described by, focused), and nothing needs a script.
 */
final class AskPages {

  static final String BASE = "/activities/ask/questions";

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  /** What a member typed into a form, and the refusal to show with it (none: a fresh form). */
  record Form(String formId, Map<String, String> typed, String field, String message) {

    static Form fresh(String formId) {
      return new Form(formId, Map.of(), null, null);
    }

    String value(String name) {
      return typed.getOrDefault(name, "");
    }

    boolean refused() {
      return message != null;
    }
  }

  private AskPages() {}

  static String list(String token, QuestionFilter filter, QuestionList list, String notice) {
    String filters =
        Arrays.stream(QuestionFilter.values())
            .map(
                each ->
                    "<li><a href=\""
                        + Html.escape(
                            link(token, BASE)
                                + (each == QuestionFilter.ALL ? "" : "&filter=" + each.parameter()))
                        + "\""
                        + (each == filter ? " aria-current=\"page\"" : "")
                        + ">"
                        + Html.escape(each.label())
                        + "</a></li>")
            .collect(Collectors.joining("", "<ul class=\"filters\">", "</ul>"));
    String items =
        list.questions().isEmpty()
            ? "<p>No questions here yet.</p>"
            : list.questions().stream()
                .map(question -> listItem(token, question, list.units()))
                .collect(Collectors.joining("", "<ul class=\"questions\">", "</ul>"));
    return Page.titled("Ask the community")
        .body(
            "<h1>Ask the community</h1>"
                + noticeOf(notice)
                + "<p>"
                + Html.escape(list.viewer().communityName())
                + " · you take part from <strong>"
                + Html.escape(list.units().of(list.viewer().unit()))
                + "</strong></p><p><a class=\"button\" href=\""
                + Html.escape(link(token, BASE + "/new"))
                + "\">Ask a question</a></p>"
                + "<nav aria-label=\"Which questions\">"
                + filters
                + "</nav><h2>"
                + Html.escape(filter.label())
                + " questions</h2>"
                + items)
        .render();
  }

  private static String listItem(String token, Question question, UnitNames units) {
    int answers = question.answers().size();
    return "<li><h3><a href=\""
        + Html.escape(link(token, BASE + "/" + question.id()))
        + "\">"
        + Html.escape(question.title())
        + "</a></h3><p class=\"meta\">"
        + (question.acceptedAnswer().isPresent()
            ? "<span class=\"badge\">Answered</span>"
            : "<span class=\"badge open\">Open</span>")
        + " "
        + Html.escape(question.urgency().label())
        + " · from "
        + Html.escape(units.of(question.askerUnit()))
        + " · "
        + answers
        + (answers == 1 ? " answer" : " answers")
        + "</p>"
        + tags(question)
        + "</li>";
  }

  static String askForm(String token, Form form) {
    String urgencies =
        Arrays.stream(Urgency.values())
            .map(
                urgency ->
                    "<div class=\"choice\"><input type=\"radio\" name=\"urgency\" id=\"urgency-"
                        + urgency.name()
                        + "\" value=\""
                        + urgency.name()
                        + "\""
                        + (urgency.name().equals(form.value("urgency"))
                                || (form.value("urgency").isEmpty()
                                    && urgency == Urgency.WHEN_YOU_CAN)
                            ? " checked"
                            : "")
                        + describedBy(form, "urgency", null)
                        + "><label for=\"urgency-"
                        + urgency.name()
                        + "\">"
                        + Html.escape(urgency.label())
                        + "</label></div>")
            .collect(Collectors.joining());
    return Page.titled(form.refused() ? "Check your question" : "Ask a question")
        .body(
            "<h1>Ask a question</h1>"
                + backToList(token)
                + formProblem(form)
                + "<form method=\"post\" action=\""
                + Html.escape(link(token, BASE))
                + "\" novalidate>"
                + "<p><label for=\"title\">Title</label>"
                + "<span class=\"hint\" id=\"title-hint\">Your question in one line, up to "
                + Question.MAX_TITLE
                + " characters.</span>"
                + fieldError(form, "title")
                + "<input id=\"title\" name=\"title\" required maxlength=\""
                + Question.MAX_TITLE
                + "\" value=\""
                + Html.escape(form.value("title"))
                + "\""
                + describedBy(form, "title", "title-hint")
                + "></p>"
                + "<p><label for=\"body\">Details</label>"
                + "<span class=\"hint\" id=\"body-hint\">What you tried and what you need. It"
                + " stays in CHILD CoP; only its id goes to the learning record store.</span>"
                + fieldError(form, "body")
                + "<textarea id=\"body\" name=\"body\" rows=\"6\" required maxlength=\""
                + Question.MAX_BODY
                + "\""
                + describedBy(form, "body", "body-hint")
                + ">"
                + Html.escape(form.value("body"))
                + "</textarea></p>"
                + "<p><label for=\"tags\">Capabilities (optional)</label>"
                + "<span class=\"hint\" id=\"tags-hint\">Up to "
                + Question.MAX_TAGS
                + " capabilities the question is about, separated by commas.</span>"
                + fieldError(form, "tags")
                + "<input id=\"tags\" name=\"tags\" value=\""
                + Html.escape(form.value("tags"))
                + "\""
                + describedBy(form, "tags", "tags-hint")
                + "></p>"
                + "<fieldset><legend>How soon do you need an answer?</legend>"
                + fieldError(form, "urgency")
                + urgencies
                + "</fieldset>"
                + "<p><button type=\"submit\">Ask the community</button></p></form>"
                + focusScript(form))
        .render();
  }

  static String question(String token, QuestionView view, Form form, String notice) {
    Question question = view.question();
    boolean asker = view.askedByViewer();
    StringBuilder body =
        new StringBuilder()
            .append("<h1>")
            .append(Html.escape(question.title()))
            .append("</h1>")
            .append(backToList(token))
            .append(noticeOf(notice))
            .append(form.field() == null ? formProblem(form) : "")
            .append("<p class=\"meta\">Asked from <strong>")
            .append(Html.escape(view.units().of(question.askerUnit())))
            .append("</strong>")
            .append(asker ? " (by you)" : "")
            .append(" · ")
            .append(Html.escape(DAY.format(question.askedAt())))
            .append(" · ")
            .append(Html.escape(question.urgency().label()))
            .append("</p>")
            .append(tags(question))
            .append("<div class=\"text\">")
            .append(Html.escape(question.body()))
            .append("</div>");
    if (view.applyPromptDue()) {
      body.append(applyPrompt(token, question));
    }
    List<Answer> answers = question.answers();
    body.append("<h2>")
        .append(answers.isEmpty() ? "No answers yet" : answers.size() + " answers")
        .append("</h2>");
    for (Answer answer : answers) {
      body.append(answer(token, view, answer));
    }
    if (asker && question.acceptedAnswer().isPresent() && question.helpfulness().isEmpty()) {
      body.append(rateForm(token, question, form));
    }
    if (!asker) {
      body.append(answerForm(token, question, form));
    }
    return Page.titled(question.title()).body(body.append(focusScript(form)).toString()).render();
  }

  private static String answer(String token, QuestionView view, Answer answer) {
    Question question = view.question();
    boolean isAccepted =
        question.acceptedAnswer().map(a -> a.id().equals(answer.id())).orElse(false);
    boolean own = answer.answererId().equals(view.viewer().memberId());
    String name = view.shownNames().get(answer.id());
    String heading = "answer-" + answer.id();
    StringBuilder html =
        new StringBuilder("<article class=\"answer")
            .append(isAccepted ? " accepted" : "")
            .append("\" id=\"")
            .append(heading)
            .append("\"><h3 id=\"")
            .append(heading)
            .append("-by\">")
            .append(name == null ? "A colleague" : Html.escape(name))
            .append(" from ")
            .append(Html.escape(view.units().of(answer.answererUnit())))
            .append(own ? " (you)" : "")
            .append("</h3>");
    if (isAccepted) {
      html.append("<p class=\"badge\">Accepted by the asker");
      question
          .helpfulness()
          .ifPresent(
              stars ->
                  html.append(" · helpfulness ")
                      .append(stars)
                      .append(" of 5 · saved ")
                      .append(question.minutesSaved().orElse(0))
                      .append(" minutes"));
      html.append("</p>");
    }
    html.append("<div class=\"text\">")
        .append(Html.escape(answer.body()))
        .append("</div><p class=\"meta\">")
        .append(answer.votes())
        .append(answer.votes() == 1 ? " vote" : " votes")
        .append("</p><div class=\"actions\">");
    if (!own && !view.votedAnswerIds().contains(answer.id())) {
      html.append(
          smallForm(
              link(token, BASE + "/" + question.id() + "/answers/" + answer.id() + "/votes"),
              "Vote up",
              heading + "-by"));
    }
    if (view.askedByViewer() && question.acceptedAnswer().isEmpty()) {
      html.append(
          smallForm(
              link(token, BASE + "/" + question.id() + "/answers/" + answer.id() + "/acceptance"),
              "Accept this answer",
              heading + "-by"));
    }
    return html.append("</div></article>").toString();
  }

  private static String answerForm(String token, Question question, Form form) {
    Form mine = "answer".equals(form.formId()) ? form : Form.fresh("answer");
    return "<h2 id=\"your-answer\">Your answer</h2>"
        + "<form method=\"post\" action=\""
        + Html.escape(link(token, BASE + "/" + question.id() + "/answers"))
        + "\" novalidate><p><label for=\"body\">Answer</label>"
        + "<span class=\"hint\" id=\"body-hint\">Up to "
        + Answer.MAX_BODY
        + " characters. Your unit is shown with it.</span>"
        + fieldError(mine, "body")
        + "<textarea id=\"body\" name=\"body\" rows=\"5\" required maxlength=\""
        + Answer.MAX_BODY
        + "\""
        + describedBy(mine, "body", "body-hint")
        + ">"
        + Html.escape(mine.value("body"))
        + "</textarea></p><p><input type=\"checkbox\" id=\"show-name\" name=\"showName\""
        + " value=\"on\""
        + ("on".equals(mine.value("showName")) ? " checked" : "")
        + "><label for=\"show-name\">Show my name with this answer</label></p>"
        + "<p><button type=\"submit\">Post the answer</button></p></form>";
  }

  private static String rateForm(String token, Question question, Form form) {
    Form mine = "rating".equals(form.formId()) ? form : Form.fresh("rating");
    StringBuilder stars = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      stars
          .append("<div class=\"choice\"><input type=\"radio\" name=\"helpfulness\" id=\"h-")
          .append(i)
          .append("\" value=\"")
          .append(i)
          .append("\"")
          .append(String.valueOf(i).equals(mine.value("helpfulness")) ? " checked" : "")
          .append(describedBy(mine, "helpfulness", null))
          .append("><label for=\"h-")
          .append(i)
          .append("\">")
          .append(i)
          .append(i == 1 ? " (not helpful)" : i == 5 ? " (very helpful)" : "")
          .append("</label></div>");
    }
    return "<h2 id=\"rate\">How much did it help?</h2><form method=\"post\" action=\""
        + Html.escape(link(token, BASE + "/" + question.id() + "/rating"))
        + "\" novalidate><fieldset><legend>Helpfulness of the accepted answer</legend>"
        + fieldError(mine, "helpfulness")
        + stars
        + "</fieldset><p><label for=\"minutes\">Minutes it saved you</label>"
        + "<span class=\"hint\" id=\"minutes-hint\">A whole number from 0 to "
        + Question.MAX_MINUTES_SAVED
        + " (a working week).</span>"
        + fieldError(mine, "minutes")
        + "<input id=\"minutes\" name=\"minutes\" inputmode=\"numeric\" value=\""
        + Html.escape(mine.value("minutes"))
        + "\""
        + describedBy(mine, "minutes", "minutes-hint")
        + "></p><p><button type=\"submit\">Save the rating</button></p></form>";
  }

  private static String applyPrompt(String token, Question question) {
    String action = Html.escape(link(token, BASE + "/" + question.id() + "/application"));
    return "<section class=\"notice\" aria-labelledby=\"apply-heading\">"
        + "<h2 id=\"apply-heading\">Did you apply it?</h2><p>A month ago you accepted an answer"
        + " to this question. Did you put it into practice?</p><div class=\"actions\">"
        + "<form method=\"post\" action=\""
        + action
        + "\"><input type=\"hidden\" name=\"applied\" value=\"yes\">"
        + "<button type=\"submit\">Yes, I applied it</button></form>"
        + "<form method=\"post\" action=\""
        + action
        + "\"><input type=\"hidden\" name=\"applied\" value=\"no\">"
        + "<button type=\"submit\">No, not yet</button></form></div></section>";
  }

  private static String smallForm(String action, String label, String describedBy) {
    return "<form method=\"post\" action=\""
        + Html.escape(action)
        + "\"><button type=\"submit\" aria-describedby=\""
        + describedBy
        + "\">"
        + Html.escape(label)
        + "</button></form>";
  }

  /** A refusal about the whole act (not a field), announced at the top. */
  private static String formProblem(Form form) {
    if (!form.refused()) {
      return "";
    }
    return "<div class=\"error-summary\" role=\"alert\" id=\"problem\" tabindex=\"-1\"><p>"
        + Html.escape(form.field() == null ? form.message() : "Please check: " + form.message())
        + "</p></div>";
  }

  private static String fieldError(Form form, String field) {
    return field.equals(form.field())
        ? "<span class=\"field-error\" id=\""
            + field
            + "-error\" role=\"alert\">"
            + Html.escape(form.message())
            + "</span>"
        : "";
  }

  /** The field's hint and error as its description; the refused field is marked and focused. */
  private static String describedBy(Form form, String field, String hint) {
    boolean refused = field.equals(form.field());
    String ids =
        (hint == null ? "" : hint) + (refused ? (hint == null ? "" : " ") + field + "-error" : "");
    return (ids.isEmpty() ? "" : " aria-describedby=\"" + ids + "\"")
        + (refused ? " aria-invalid=\"true\" autofocus" : "");
  }

  /** Only a refused form's page moves the focus; a fresh page leaves it where the reader is. */
  private static String focusScript(Form form) {
    return form.refused() ? "<script src=\"/static/focus-refusal.js\"></script>" : "";
  }

  private static String noticeOf(String notice) {
    return notice == null
        ? ""
        : "<p class=\"notice\" role=\"status\">" + Html.escape(notice) + "</p>";
  }

  private static String backToList(String token) {
    return "<p><a href=\"" + Html.escape(link(token, BASE)) + "\">All questions</a></p>";
  }

  private static String tags(Question question) {
    return question.tags().isEmpty()
        ? ""
        : question.tags().stream()
            .map(tag -> "<li>" + Html.escape(tag) + "</li>")
            .collect(
                Collectors.joining("", "<ul class=\"tags\" aria-label=\"Capabilities\">", "</ul>"));
  }

  static String link(String token, String path) {
    return path + "?launch=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
  }
}
