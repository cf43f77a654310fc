package org.child.cop.activities.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.child.cop.Http;
import org.child.cop.lti.FakePlatform;
import org.child.cop.lti.LaunchingTest;
import org.child.cop.statements.ProfileConformance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Ask the community over HTTP, as members launched from an LMS course use it: two colleagues from
 * different units ask, answer, vote, accept, rate and apply through the pages; each act reaches the
 * tool's LRS as its template's statement; refused input comes back with its message next to the
 * field; another course's member learns nothing of this community's questions and changes none; a
 * graded placement sends a participation score. Each test has its own course.
 */
class AskTheCommunityIT extends LaunchingTest {

  private static final Duration PATIENCE = Duration.ofSeconds(45);
  private static final Pattern QUESTION_ID =
      Pattern.compile("/activities/ask/questions/([0-9a-f-]{36})");

  private static FakePlatform moodle;

  @BeforeAll
  static void platform() {
    moodle = new FakePlatform("https://moodle-ask.fake.test");
  }

  @AfterAll
  static void stop() {
    moodle.close();
  }

  @Test
  void twoColleaguesFromDifferentUnitsAskAnswerVoteAcceptRateAndApply() {
    String course = course();
    Visitor ann = launch(course, "ann", "Ann Asker", "CHILD/NURSING/ASK-WARD-3", null);
    Visitor ben =
        launch(
            course,
            "ben",
            "Ben <Answerer>",
            "CHILD/SURGERY/ASK-THEATRES",
            "Theatres & <Recovery>",
            null);
    Visitor cat = launch(course, "cat", "Cat Colleague", "CHILD/NURSING/ASK-WARD-3", null);

    HttpResponse<String> asked =
        ann.post(
            "/activities/ask/questions",
            form(
                "title", "Heel pressure <ulcers>",
                "body", "What works for heels in theatre?",
                "tags", "Pressure injury prevention, Wound care",
                "urgency", "THIS_WEEK"));
    String question = questionIdOf(asked);
    HttpResponse<String> askedPage = ann.follow(asked);
    assertThat(askedPage.body())
        .contains("Heel pressure &lt;ulcers&gt;", "Your question is posted")
        .contains("CHILD / NURSING / ASK-WARD-3", "This week", "Pressure injury prevention")
        .doesNotContain("<ulcers>", "Accept this answer");

    HttpResponse<String> answered =
        ben.post(
            answersOf(question),
            form("body", "Foam <b>dressings</b> and heel wedges.", "showName", "on"));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(303);
    assertThat(answered.headers().firstValue("Location").orElseThrow())
        .contains("/activities/ask/questions/" + question + "?launch=", "done=answered");
    String answer = answerIdOf(ben.follow(answered).body());
    cat.post(answersOf(question), form("body", "Ask tissue viability."));

    HttpResponse<String> asAnn = ann.get("/activities/ask/questions/" + question);
    assertThat(asAnn.body())
        .as("a unit the LMS named reads as its name; one it did not, as its path of ids")
        .contains("Ben &lt;Answerer&gt; from Theatres &amp; &lt;Recovery&gt;")
        .contains("A colleague from CHILD / NURSING / ASK-WARD-3")
        .contains("Foam &lt;b&gt;dressings&lt;/b&gt;")
        .contains("Accept this answer", "Vote up")
        .doesNotContain("Cat Colleague", "Your answer");
    assertThat(ben.get("/activities/ask/questions/" + question).body())
        .as("no vote for one's own answer, no accepting another's question")
        .contains("Ben &lt;Answerer&gt; from Theatres &amp; &lt;Recovery&gt; (you)")
        .doesNotContain("Accept this answer");

    assertThat(cat.post(voteOn(question, answer), Map.of()).statusCode()).isEqualTo(303);
    assertThat(ann.post(acceptanceOf(question, answer), Map.of()).statusCode()).isEqualTo(303);
    HttpResponse<String> rated =
        ann.post(
            "/activities/ask/questions/" + question + "/rating",
            form("helpfulness", "4", "minutes", "90"));
    assertThat(rated.statusCode()).as(rated.body()).isEqualTo(303);
    assertThat(ann.follow(rated).body())
        .contains("Accepted by the asker · helpfulness 4 of 5 · saved 90 minutes", "1 vote")
        .doesNotContain("Save the rating", "Did you apply it?");
    HttpResponse<String> applied =
        ann.post("/activities/ask/questions/" + question + "/application", form("applied", "yes"));
    assertThat(applied.statusCode()).as(applied.body()).isEqualTo(303);

    Map<String, JsonObject> statements = awaitStatements(question, 7);
    assertThat(statements.keySet())
        .containsExactlyInAnyOrder(
            "asked-question",
            "answered-question",
            "answered-question#2",
            "voted-up-answer",
            "accepted-answer",
            "rated-answer",
            "applied-answer");
    statements.forEach(
        (name, statement) ->
            assertThat(ProfileConformance.problems(name.split("#")[0], statement.toString()))
                .as(name + ": " + statement)
                .isEmpty());
    JsonObject answeredByBen =
        statements.values().stream()
            .filter(s -> s.getJsonObject("object").getString("id").endsWith(question))
            .filter(s -> s.getJsonObject("actor").toString().contains("\"ben\""))
            .findFirst()
            .orElseThrow();
    assertThat(answeredByBen.getJsonObject("context").toString())
        .contains("\"ASK-THEATRES\"", "\"ann\"", course, "ask-the-community", "participant");
    assertThat(statements.get("rated-answer").getJsonObject("result").toString())
        .contains("\"raw\":4", "90");
    assertThat(statements.get("accepted-answer").getJsonObject("object").getString("id"))
        .endsWith(answer);
    assertThat(statements.values().stream().map(JsonObject::toString).collect(joined()))
        .as("free text stays in the tool")
        .doesNotContain("Heel pressure", "Foam", "tissue viability", "Ann Asker", "Ben");
  }

  /**
   * The month is real: the test moves the acceptance back in the database, which only the
   * PostgreSQL run can reach (the H2 of the plain build lives inside the server).
   */
  @Test
  void aMonthAfterAcceptingTheAskerIsAskedOnceWhetherTheyAppliedIt() throws SQLException {
    String database = System.getenv("DB_URL");
    Assumptions.assumeTrue(
        database != null && database.startsWith("jdbc:postgresql:"),
        "needs the PostgreSQL database CI names in DB_URL");
    String course = course();
    Visitor ann = launch(course, "ann", "Ann Asker", "CHILD/NURSING/ASK-WARD-3", null);
    Visitor ben = launch(course, "ben", "Ben Answerer", "CHILD/SURGERY/ASK-THEATRES", null);
    String question =
        questionIdOf(
            ann.post(
                "/activities/ask/questions",
                form(
                    "title", "Night shift handover",
                    "body", "What keeps it short?",
                    "urgency", "WHEN_YOU_CAN")));
    String answer = answered(ben, question, "A printed checklist.");
    assertThat(ann.post(acceptanceOf(question, answer), Map.of()).statusCode()).isEqualTo(303);
    assertThat(ann.get("/activities/ask/questions/" + question).body())
        .as("not before the month is out")
        .doesNotContain("Did you apply it?");

    ageAcceptance(question, Duration.ofDays(29));
    assertThat(ann.get("/activities/ask/questions/" + question).body())
        .doesNotContain("Did you apply it?");
    ageAcceptance(question, Duration.ofDays(1));
    assertThat(ann.get("/activities/ask/questions/" + question).body())
        .contains("Did you apply it?", "Yes, I applied it", "No, not yet");
    assertThat(ben.get("/activities/ask/questions/" + question).body())
        .as("only the asker is asked")
        .doesNotContain("Did you apply it?");

    HttpResponse<String> notYet =
        ann.post("/activities/ask/questions/" + question + "/application", form("applied", "no"));
    assertThat(ann.follow(notYet).body())
        .contains("Thank you for telling us")
        .doesNotContain("Did you apply it?");
    HttpResponse<String> again =
        ann.post("/activities/ask/questions/" + question + "/application", form("applied", "yes"));
    assertThat(again.statusCode()).as("asked once, answered once").isEqualTo(400);
    assertThat(again.body()).contains("You have said already whether you applied this answer.");
    Map<String, JsonObject> statements = awaitStatements(question, 3);
    assertThat(statements.keySet())
        .as("a no is kept with the question, not sent as a fact")
        .containsExactlyInAnyOrder("asked-question", "answered-question", "accepted-answer");
  }

  @Test
  void theFiltersShowOpenAnsweredMineMyUnitAndOtherUnits() {
    String course = course();
    Visitor ward = launch(course, "w1", "Wendy Ward", "CHILD/NURSING/ASK-WARD-3", null);
    Visitor theatre = launch(course, "t1", "Theo Theatre", "CHILD/SURGERY/ASK-THEATRES", null);
    String fromWard = questionIdOf(ward.post("/activities/ask/questions", ask("Ward question")));
    String fromTheatre =
        questionIdOf(theatre.post("/activities/ask/questions", ask("Theatre question")));
    String answer = answered(theatre, fromWard, "Try this.");
    ward.post(acceptanceOf(fromWard, answer), Map.of());

    assertThat(titles(ward, "")).containsExactly("Theatre question", "Ward question");
    assertThat(titles(ward, "open")).containsExactly("Theatre question");
    assertThat(titles(ward, "answered")).containsExactly("Ward question");
    assertThat(titles(ward, "mine")).containsExactly("Ward question");
    assertThat(titles(ward, "my-unit")).containsExactly("Ward question");
    assertThat(titles(ward, "other-units")).containsExactly("Theatre question");
    assertThat(titles(theatre, "mine")).containsExactly("Theatre question");
    assertThat(ward.get("/activities/ask/questions", "filter=my-unit").body())
        .contains("aria-current=\"page\">My unit</a>");
    assertThat(ward.get("/activities/ask/questions", "filter=everything").statusCode())
        .isEqualTo(400);
    assertThat(fromTheatre).isNotEqualTo(fromWard);
  }

  @Test
  void refusedInputComesBackWithItsMessageNextToTheFieldAndNothingIsKept() {
    String course = course();
    Visitor ann = launch(course, "ann", "Ann Asker", "CHILD/NURSING/ASK-WARD-3", null);
    Visitor ben = launch(course, "ben", "Ben Answerer", "CHILD/SURGERY/ASK-THEATRES", null);

    HttpResponse<String> untitled =
        ann.post(
            "/activities/ask/questions",
            form("title", "   ", "body", "My <careful> details", "urgency", "TODAY"));
    assertThat(untitled.statusCode()).isEqualTo(400);
    assertThat(untitled.body())
        .contains("id=\"title-error\" role=\"alert\">The title is empty.")
        .contains("aria-describedby=\"title-hint title-error\" aria-invalid=\"true\" autofocus")
        .contains("My &lt;careful&gt; details</textarea>")
        .contains("id=\"urgency-TODAY\" value=\"TODAY\" checked")
        .doesNotContain("Exception", "at org.");

    assertThat(
            ann.post(
                    "/activities/ask/questions",
                    form("title", "T", "body", "B", "tags", "a,b,c,d,e,f", "urgency", "TODAY"))
                .body())
        .contains("id=\"tags-error\" role=\"alert\">Use at most 5 tags.", "value=\"a,b,c,d,e,f\"");
    assertThat(
            ann.post(
                    "/activities/ask/questions",
                    form("title", "x".repeat(151), "body", "B", "urgency", "TODAY"))
                .body())
        .contains("The title is longer than 150 characters.");
    assertThat(
            ann.post("/activities/ask/questions", form("title", "T", "body", "B", "urgency", "x"))
                .body())
        .contains("id=\"urgency-error\" role=\"alert\">Choose how soon you need an answer.");
    assertThat(titles(ann, "")).isEmpty();

    String question = questionIdOf(ann.post("/activities/ask/questions", ask("Real question")));
    HttpResponse<String> ownAnswer = ann.post(answersOf(question), form("body", "Me"));
    assertThat(ownAnswer.statusCode()).isEqualTo(400);
    assertThat(ownAnswer.body()).contains("role=\"alert\"", "You cannot answer your own question");
    HttpResponse<String> emptyAnswer = ben.post(answersOf(question), form("body", " "));
    assertThat(emptyAnswer.statusCode()).isEqualTo(400);
    assertThat(emptyAnswer.body())
        .contains("id=\"body-error\" role=\"alert\">Your answer is empty.");
    String answer = answered(ben, question, "Do this");

    HttpResponse<String> ownVote = ben.post(voteOn(question, answer), Map.of());
    assertThat(ownVote.statusCode()).isEqualTo(400);
    assertThat(ownVote.body()).contains("You cannot vote for your own answer.");
    assertThat(ben.post(acceptanceOf(question, answer), Map.of()).body())
        .contains("Only the person who asked can accept an answer.");
    assertThat(
            ann.post(
                    "/activities/ask/questions/" + question + "/rating",
                    form("helpfulness", "4", "minutes", "5"))
                .body())
        .contains("Accept an answer first, then rate it.");
    assertThat(ann.post(voteOn(question, answer), Map.of()).statusCode()).isEqualTo(303);
    assertThat(ann.post(voteOn(question, answer), Map.of()).body())
        .contains("You have voted for this answer already.");
    ann.post(acceptanceOf(question, answer), Map.of());
    HttpResponse<String> badRating =
        ann.post(
            "/activities/ask/questions/" + question + "/rating",
            form("helpfulness", "4", "minutes", "lots"));
    assertThat(badRating.statusCode()).isEqualTo(400);
    assertThat(badRating.body())
        .contains("id=\"minutes-error\" role=\"alert\">Say how many minutes")
        .contains("value=\"lots\"", "id=\"h-4\" value=\"4\" checked");
    assertThat(
            ann.post(
                    "/activities/ask/questions/" + question + "/rating",
                    form("helpfulness", "6", "minutes", "5"))
                .body())
        .contains("id=\"helpfulness-error\" role=\"alert\">Rate how helpful");
    assertThat(
            ann.post(
                    "/activities/ask/questions/" + question + "/rating",
                    form("helpfulness", "3", "minutes", "2401"))
                .body())
        .contains("Minutes saved must be between 0 and 2400");

    String page = ann.get("/activities/ask/questions/" + question).body();
    assertThat(page).contains("1 vote", "Save the rating").doesNotContain("helpfulness 3");
  }

  @Test
  void anotherCommunitysMemberGetsA404ForItsQuestionsAndChangesNothing() {
    String course = course();
    Visitor ann = launch(course, "ann", "Ann Asker", "CHILD/NURSING/ASK-WARD-3", null);
    Visitor ben = launch(course, "ben", "Ben Answerer", "CHILD/SURGERY/ASK-THEATRES", null);
    String question = questionIdOf(ann.post("/activities/ask/questions", ask("Private matter")));
    String answer = answered(ben, question, "Mine");
    String before = ann.get("/activities/ask/questions/" + question).body();

    Visitor mallory = launch(course(), "mallory", "Mallory", "CHILD/ELSEWHERE", null);
    String missing = UUID.randomUUID().toString();
    HttpResponse<String> readMissing = mallory.get("/activities/ask/questions/" + missing);
    HttpResponse<String> read = mallory.get("/activities/ask/questions/" + question);
    assertThat(read.statusCode()).isEqualTo(404).isEqualTo(readMissing.statusCode());
    assertThat(detail(read.body())).isEqualTo(detail(readMissing.body()));
    assertThat(read.body()).doesNotContain("Private matter", "Mine", "WARD-3");

    for (HttpResponse<String> attempt :
        List.of(
            mallory.post(answersOf(question), form("body", "Spam")),
            mallory.post(voteOn(question, answer), Map.of()),
            mallory.post(acceptanceOf(question, answer), Map.of()),
            mallory.post(
                "/activities/ask/questions/" + question + "/rating",
                form("helpfulness", "1", "minutes", "0")),
            mallory.post(
                "/activities/ask/questions/" + question + "/application", form("applied", "no")))) {
      assertThat(attempt.statusCode()).as(attempt.body()).isEqualTo(404);
      assertThat(detail(attempt.body())).isEqualTo(detail(readMissing.body()));
    }
    assertThat(titles(mallory, "")).isEmpty();

    // an answer of this community's question named under a question of Mallory's own community
    String own = questionIdOf(mallory.post("/activities/ask/questions", ask("Mallory's")));
    assertThat(mallory.post(voteOn(own, answer), Map.of()).statusCode()).isEqualTo(404);
    assertThat(mallory.post(acceptanceOf(own, answer), Map.of()).statusCode()).isEqualTo(404);

    String after = ann.get("/activities/ask/questions/" + question).body();
    assertThat(withoutTokens(after)).as("nothing changed").isEqualTo(withoutTokens(before));
    assertThat(after).contains("0 votes", "Accept this answer").doesNotContain("Spam");
  }

  @Test
  void aGradedPlacementSendsOneParticipationScoreForTakingPart() {
    moodle.trustsToolKeysAt(at("/lti/jwks").toString());
    String course = course();
    Map<String, Object> ags =
        moodle.agsClaim(course, "7", FakePlatform.LINE_ITEM_SCOPE, FakePlatform.SCORE_SCOPE);
    Visitor gus = launch(course, "gus-" + course, "Gus Graded", "CHILD/EDU", ags);
    Visitor hal = launch(course, "hal-" + course, "Hal", "CHILD/SURGERY", null);
    String hals = questionIdOf(hal.post("/activities/ask/questions", ask("Hal asks")));

    assertThat(questionIdOf(gus.post("/activities/ask/questions", ask("Gus asks")))).isNotBlank();
    assertThat(gus.post(answersOf(hals), form("body", "Gus answers")).statusCode()).isEqualTo(303);

    eventually(() -> scoresFor(course).size() >= 2);
    sleep(3000); // the relay looks every second: a second participation score would be here now
    List<JsonObject> scores = scoresFor(course);
    assertThat(scores)
        .extracting(s -> s.getString("activityProgress"))
        .containsExactlyInAnyOrder("Started", "Completed");
    JsonObject participation =
        scores.stream()
            .filter(s -> s.getString("activityProgress").equals("Completed"))
            .findFirst()
            .orElseThrow();
    assertThat(participation.getString("userId")).isEqualTo("gus-" + course);
    assertThat(participation.getString("gradingProgress")).isEqualTo("FullyGraded");
    assertThat(participation.getJsonNumber("scoreGiven").doubleValue()).isEqualTo(1.0);
    assertThat(participation.getJsonNumber("scoreMaximum").doubleValue()).isEqualTo(1.0);
  }

  @Test
  void theCatalogueOffersAskTheCommunityAsAGradableActivity() throws Exception {
    registerOnce(moodle, "1");
    Login designer = login(moodle);
    HttpResponse<String> placing =
        landing(
            launch(
                moodle.sign(moodle.deepLinkingRequest(designer.nonce(), "1", null).build()),
                designer));
    assertThat(placing.statusCode()).isEqualTo(200);
    assertThat(placing.body())
        .contains("value=\"ask-the-community\"", "Ask the community", "asker accepts")
        .contains("id=\"graded\"");
    Matcher action =
        Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(placing.body());
    assertThat(action.find()).isTrue();

    HttpResponse<String> placed =
        Http.send(
            Http.request(at(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(
                    BodyPublishers.ofString(
                        "template=ask-the-community&title=Ask+the+ward&graded=on")));

    assertThat(placed.statusCode()).as(placed.body()).isEqualTo(200);
    Matcher jwt = Pattern.compile("name=\"JWT\" value=\"([^\"]+)\"").matcher(placed.body());
    assertThat(jwt.find()).isTrue();
    @SuppressWarnings("unchecked")
    Map<String, Object> item =
        (Map<String, Object>)
            com.nimbusds.jwt.SignedJWT.parse(jwt.group(1))
                .getJWTClaimsSet()
                .getListClaim("https://purl.imsglobal.org/spec/lti-dl/claim/content_items")
                .get(0);
    assertThat(item.get("custom").toString()).contains("activity=ask-the-community", "placement=");
    assertThat(item.get("lineItem").toString()).contains("participation", "scoreMaximum=1");
  }

  // --- members and their pages

  /** A member's browser in the tool's frame: it holds the launch token the last page gave. */
  private final class Visitor {
    private String token;

    Visitor(String token) {
      this.token = token;
    }

    HttpResponse<String> get(String path) {
      return get(path, null);
    }

    HttpResponse<String> get(String path, String query) {
      return Http.page(
          at(path + "?launch=" + Http.encoded(token) + (query == null ? "" : "&" + query)));
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
      HttpResponse<String> response =
          Http.send(
              Http.request(at(path + "?launch=" + Http.encoded(token)))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .header("Accept", "text/html,application/xhtml+xml")
                  .POST(
                      BodyPublishers.ofString(
                          fields.entrySet().stream()
                              .map(e -> e.getKey() + "=" + Http.encoded(e.getValue()))
                              .collect(Collectors.joining("&")))));
      response.headers().firstValue("Location").ifPresent(this::tokenFrom);
      return response;
    }

    /** Follows a POST's 303 as the browser does. */
    HttpResponse<String> follow(HttpResponse<String> redirect) {
      assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(303);
      String location = redirect.headers().firstValue("Location").orElseThrow();
      return Http.page(at(location.replaceFirst("#.*", "")));
    }

    private void tokenFrom(String location) {
      String fresh = Http.queryOf(location.replaceFirst("#.*", "")).get("launch");
      if (fresh != null) {
        token = fresh;
      }
    }
  }

  /** A learner launches the course's Ask the community link; their unit comes as custom values. */
  private Visitor launch(
      String course, String subject, String name, String unitPath, Map<String, Object> ags) {
    return launch(course, subject, name, unitPath, null, ags);
  }

  private Visitor launch(
      String course,
      String subject,
      String name,
      String unitPath,
      String unitName,
      Map<String, Object> ags) {
    registerOnce(moodle, "1");
    Login login = login(moodle);
    JWTClaimsSet.Builder claims =
        AskCourse.learnerLaunch(moodle, login.nonce(), course, subject, name, unitPath, unitName);
    if (ags != null) {
      claims.claim(FakePlatform.AGS_CLAIM, ags);
    }
    HttpResponse<String> launched = launch(moodle.sign(claims.build()), login);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    HttpResponse<String> landing =
        Http.page(at(launched.headers().firstValue("Location").orElseThrow()));
    assertThat(landing.statusCode()).as(landing.body()).isEqualTo(303);
    String location = landing.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/activities/ask/questions?launch=");
    HttpResponse<String> list = Http.page(at(location));
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    assertThat(list.body()).contains("Ask the community", "Ask a question", "Wound care " + course);
    assertThat(list.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(list.headers().firstValue("Set-Cookie")).as("no cookies in the frame").isEmpty();
    return new Visitor(Http.queryOf(location).get("launch"));
  }

  private static String course() {
    return "ask-" + System.nanoTime();
  }

  private static Map<String, String> form(String... namesAndValues) {
    Map<String, String> form = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      form.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return form;
  }

  private static Map<String, String> ask(String title) {
    return form("title", title, "body", "Details of " + title, "urgency", "TODAY");
  }

  private static String voteOn(String question, String answer) {
    return "/activities/ask/questions/" + question + "/answers/" + answer + "/votes";
  }

  private static String acceptanceOf(String question, String answer) {
    return "/activities/ask/questions/" + question + "/answers/" + answer + "/acceptance";
  }

  private static String questionIdOf(HttpResponse<String> asked) {
    assertThat(asked.statusCode()).as(asked.body()).isEqualTo(303);
    Matcher matcher = QUESTION_ID.matcher(asked.headers().firstValue("Location").orElseThrow());
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  /** The visitor answers the question; the new answer's id. */
  private static String answered(Visitor visitor, String question, String body) {
    return answerIdOf(visitor.follow(visitor.post(answersOf(question), form("body", body))).body());
  }

  private static String answersOf(String question) {
    return "/activities/ask/questions/" + question + "/answers";
  }

  /** The last answer on a question page. */
  private static String answerIdOf(String page) {
    Matcher matcher =
        Pattern.compile("<article class=\"answer[^\"]*\" id=\"answer-([0-9a-f-]{36})\"")
            .matcher(page);
    String last = null;
    while (matcher.find()) {
      last = matcher.group(1);
    }
    assertThat(last).as(page).isNotNull();
    return last;
  }

  private static List<String> titles(Visitor visitor, String filter) {
    HttpResponse<String> list =
        visitor.get("/activities/ask/questions", filter.isEmpty() ? null : "filter=" + filter);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    Matcher matcher =
        Pattern.compile("<h3><a href=\"[^\"]+\">([^<]+)</a></h3>").matcher(list.body());
    List<String> titles = new java.util.ArrayList<>();
    while (matcher.find()) {
      titles.add(matcher.group(1));
    }
    return titles;
  }

  /** Moves the question's acceptance that much into the past, as if the time had gone by. */
  private static void ageAcceptance(String question, Duration by) throws SQLException {
    try (Connection connection =
            DriverManager.getConnection(
                System.getenv("DB_URL"), System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
        PreparedStatement update =
            connection.prepareStatement(
                "update ask_question set accepted_at = accepted_at - make_interval(secs => ?)"
                    + " where id = ?")) {
      update.setLong(1, by.toSeconds());
      update.setString(2, question);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  private static String withoutTokens(String page) {
    return page.replaceAll("launch=[^\"&#]+", "launch=T");
  }

  /** A problem page's explanation, without its request id. */
  private static String detail(String page) {
    return page.replaceAll("(?s).*<main id=\"main\">", "").replaceAll("[0-9a-f-]{36}", "ID");
  }

  // --- the LRS and the grade book

  private String reader;

  /** The question's statements in the tool's own LRS, once there are as many as expected. */
  private Map<String, JsonObject> awaitStatements(String question, int expected) {
    if (reader == null) {
      reader = AskCourse.lrsReader(at("/"), ADMIN);
    }
    Map<String, JsonObject> byTemplate = new LinkedHashMap<>();
    eventually(
        () -> {
          byTemplate.clear();
          byTemplate.putAll(AskCourse.statementsAbout(at("/"), toolBase(), reader, question));
          return byTemplate.size() >= expected;
        });
    return byTemplate;
  }

  private static List<JsonObject> scoresFor(String course) {
    return moodle.scores.stream()
        .filter(score -> score.path().contains("/ags/" + course + "/"))
        .map(score -> Http.json(score.body()))
        .toList();
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joined() {
    return Collectors.joining("\n");
  }

  private static void eventually(BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(PATIENCE);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as("waited %s", PATIENCE).isBefore(deadline);
      sleep(250);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
