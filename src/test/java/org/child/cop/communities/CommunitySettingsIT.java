package org.child.cop.communities;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.child.cop.Http;
import org.child.cop.lti.FakePlatform;
import org.child.cop.lti.LaunchingTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A facilitator renames their community and links a course of another LMS to it with a code; a
 * learner cannot change settings, and a code works once.
 */
class CommunitySettingsIT extends LaunchingTest {

  private static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
  private static final String INSTRUCTOR =
      "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
  private static final Pattern CODE = Pattern.compile("class=\"code\">([A-Z0-9-]+)<");
  private static final Pattern FORM =
      Pattern.compile("action=\"(/community/[a-z-]+\\?launch=[^\"]+)\"");

  private static FakePlatform moodle;
  private static FakePlatform canvas;

  @BeforeAll
  static void platforms() {
    moodle = new FakePlatform("https://settings-moodle.test");
    canvas = new FakePlatform("https://settings-canvas.test");
  }

  @AfterAll
  static void stop() {
    moodle.close();
    canvas.close();
  }

  @Test
  void aFacilitatorRenamesTheCommunityAndLinksACourseOfAnotherLmsWithACode() {
    registerOnce(moodle, "1");
    registerOnce(canvas, "1");
    String courseA = "course-a-" + System.nanoTime();
    String courseB = "course-b-" + System.nanoTime();

    String settingsA = settings(launchAs(moodle, "fac-a", courseA, "Sepsis CoP", INSTRUCTOR));
    HttpResponse<String> invalid = submit(settingsA, "/community/name", "name=%20%20");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body())
        .contains("role=\"alert\" id=\"name-problem\"", "aria-describedby=\"name-problem\"");
    HttpResponse<String> renamed =
        follow(submit(invalid.body(), "/community/name", "name=Sepsis%20%3CNetwork%3E"));
    assertThat(renamed.body()).contains("The community is renamed.", "Sepsis &lt;Network&gt;");

    HttpResponse<String> issued = submit(renamed.body(), "/community/link-codes", "");
    Matcher code = CODE.matcher(issued.body());
    assertThat(code.find()).as(issued.body()).isTrue();

    String settingsB = settings(launchAs(canvas, "fac-b", courseB, "Sepsis (Canvas)", INSTRUCTOR));
    HttpResponse<String> wrong = submit(settingsB, "/community/links", "code=AAAA-AAAA");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body()).contains("That code is not valid", "value=\"AAAA-AAAA\"");
    HttpResponse<String> linked =
        follow(
            submit(
                wrong.body(),
                "/community/links",
                "code=" + Http.encoded(code.group(1).toLowerCase().replace("-", " "))));
    assertThat(linked.body()).contains("This course now leads into Sepsis &lt;Network&gt;.");

    // a learner of the Canvas course now lands in the community of the Moodle course
    HttpResponse<String> learner =
        launchAs(canvas, "learner-b", courseB, "Sepsis (Canvas)", LEARNER);
    assertThat(learner.body())
        .contains("leads into the community <strong>Sepsis &lt;Network&gt;</strong>")
        .doesNotContain("Community settings");
    // the code is used up
    String otherCourse =
        settings(launchAs(canvas, "fac-c", "course-c-" + System.nanoTime(), "Other", INSTRUCTOR));
    assertThat(
            submit(otherCourse, "/community/links", "code=" + Http.encoded(code.group(1)))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aLearnerCannotOpenOrChangeTheSettings() {
    registerOnce(moodle, "1");
    String course = "course-l-" + System.nanoTime();
    HttpResponse<String> facilitator = launchAs(moodle, "fac-l", course, "Falls CoP", INSTRUCTOR);
    String facilitatorSettings = settings(facilitator);
    HttpResponse<String> learner = launchAs(moodle, "learner-l", course, "Falls CoP", LEARNER);
    String token = Http.queryOf(learner.uri().toString()).get("launch");

    HttpResponse<String> page = Http.page(at("/community?launch=" + token));
    HttpResponse<String> rename =
        Http.send(
            Http.request(at("/community/name?launch=" + Http.encoded(token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("name=Hijacked")));
    HttpResponse<String> code =
        Http.send(
            Http.request(at("/community/link-codes?launch=" + Http.encoded(token)))
                .POST(BodyPublishers.noBody()));

    HttpResponse<String> link =
        Http.send(
            Http.request(at("/community/links?launch=" + Http.encoded(token)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("code=ABCD-EFGH")));
    // the facilitator, now only a learner in the LMS, has lost the settings too
    HttpResponse<String> demoted = launchAs(moodle, "fac-l", course, "Falls CoP", LEARNER);

    assertThat(link.statusCode()).isEqualTo(403);
    assertThat(demoted.body()).doesNotContain("Community settings");
    assertThat(
            Http.page(
                    at("/community?launch=" + Http.queryOf(demoted.uri().toString()).get("launch")))
                .statusCode())
        .isEqualTo(403);
    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body()).contains("Only the community&#39;s facilitators");
    assertThat(rename.statusCode()).isEqualTo(403);
    assertThat(code.statusCode()).isEqualTo(403);
    assertThat(code.body()).doesNotContain("class=\"code\"");
    assertThat(facilitatorSettings).contains("value=\"Falls CoP\"");
    assertThat(settings(facilitator)).as("unchanged").contains("value=\"Falls CoP\"");
  }

  @Test
  void guessingLinkCodesIsStoppedAfterAFewWrongOnes() {
    registerOnce(moodle, "1");
    String page =
        settings(
            launchAs(
                moodle,
                "guesser-" + System.nanoTime(),
                "course-g-" + System.nanoTime(),
                "G",
                INSTRUCTOR));
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> wrong = submit(page, "/community/links", "code=ZZZZ-ZZZ" + (i + 2));
      assertThat(wrong.statusCode()).isEqualTo(400);
      page = wrong.body();
    }
    HttpResponse<String> stopped = submit(page, "/community/links", "code=ZZZZ-ZZZ9");

    assertThat(stopped.statusCode()).isEqualTo(429);
    assertThat(stopped.body()).contains("Too many wrong codes");
  }

  private HttpResponse<String> launchAs(
      FakePlatform platform, String subject, String course, String title, String role) {
    Login login = login(platform);
    var claims =
        platform
            .moodleLaunch(login.nonce(), "1")
            .subject(subject)
            .claim(FakePlatform.LTI + "context", Map.of("id", course, "title", title))
            .claim(FakePlatform.LTI + "roles", List.of(role));
    HttpResponse<String> page = landing(launch(platform.sign(claims.build()), login));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page;
  }

  /** The settings page, reached by the link a facilitator's community page shows. */
  private HttpResponse<String> settingsPage(HttpResponse<String> landing) {
    Matcher link = Pattern.compile("href=\"(/community\\?launch=[^\"]+)\"").matcher(landing.body());
    assertThat(link.find()).as("settings link for facilitators").isTrue();
    HttpResponse<String> page = Http.page(at(link.group(1).replace("&amp;", "&")));
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    return page;
  }

  private String settings(HttpResponse<String> landing) {
    return settingsPage(landing).body();
  }

  /** Submits the page's form whose action starts with {@code path}, as the browser would. */
  private HttpResponse<String> submit(String page, String path, String form) {
    Matcher action = FORM.matcher(page);
    while (action.find()) {
      if (action.group(1).startsWith(path + "?")) {
        return Http.send(
            Http.request(at(action.group(1).replace("&amp;", "&")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(BodyPublishers.ofString(form)));
      }
    }
    throw new AssertionError("no form posting to " + path + " on:\n" + page);
  }

  private HttpResponse<String> follow(HttpResponse<String> answer) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
    return Http.page(at(answer.headers().firstValue("Location").orElseThrow()));
  }
}
