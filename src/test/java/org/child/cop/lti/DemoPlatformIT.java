package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.child.cop.DemoCourse;
import org.child.cop.Http;
import org.child.cop.ToolUnderTest;
import org.junit.jupiter.api.Test;

/** The development-mode demo course: launches as each kind of person through the real LTI path. */
class DemoPlatformIT extends ToolUnderTest {

  @Test
  void aLearnerAndAFacilitatorLaunchFromTheDemoCourse() {
    assertThat(Http.page(at("/demo")).body())
        .contains("Launch as a learner", "Launch as a facilitator", "Place an activity");

    assertThat(DemoCourse.launch(demoTool(), "LEARNER", null).body())
        .contains(
            "Welcome, Lee Learner", "Demo community of practice", "Your roles there: learner");
    assertThat(DemoCourse.launch(demoTool(), "FACILITATOR", null).body())
        .contains("Welcome, Fran Facilitator", "Your roles there: instructor")
        .contains("Lee Learner");
  }

  @Test
  void aCourseDesignerPlacesAnActivityThatALearnerThenOpens() {
    HttpResponse<String> catalogue = DemoCourse.launch(demoTool(), "COURSE_DESIGNER", null);
    assertThat(catalogue.body()).contains("Place an activity", "Community space");

    HttpResponse<String> answer =
        Http.send(
            Http.request(demoTool().resolve(formAction(catalogue.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(BodyPublishers.ofString("template=community-space&title=Our+space")));
    HttpResponse<String> placed = DemoCourse.submit(demoTool(), answer.body(), null);

    assertThat(placed.statusCode()).isEqualTo(200);
    assertThat(placed.body()).contains("The demo course now holds <strong>Our space</strong>");
    assertThat(placed.body()).contains("/demo/start?as=LEARNER&amp;custom=community-space");
    assertThat(DemoCourse.launch(demoTool(), "LEARNER", "community-space").body())
        .contains("Welcome, Lee Learner", "Who takes part");
  }

  @Test
  void theDemoCourseOpensAskTheCommunityForEachPerson() {
    assertThat(Http.page(at("/demo")).body())
        .contains("/demo/start?as=LEARNER&amp;custom=ask-the-community")
        .contains("/demo/start?as=FACILITATOR&amp;custom=ask-the-community");

    HttpResponse<String> landing = DemoCourse.launch(demoTool(), "LEARNER", "ask-the-community");

    assertThat(landing.statusCode()).isEqualTo(303);
    HttpResponse<String> questions =
        Http.page(demoTool().resolve(landing.headers().firstValue("Location").orElseThrow()));
    assertThat(questions.body())
        .contains("<h1>Ask the community</h1>", "Demo community of practice")
        .as("the demo LMS passes the unit's name as well as its ids")
        .contains("Children&#39;s Hospital / Nursing / Ward 3");
  }

  @Test
  void theDemoCourseTakesBackOnlyAnswersSignedByTheTool() {
    HttpResponse<String> forged =
        Http.send(
            Http.request(at("/demo/return"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(BodyPublishers.ofString("JWT=eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")));

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("not signed by this tool").doesNotContain("placed");
  }

  @Test
  void theDemoPlatformSignsOnlyForTheToolsOwnLogin() {
    HttpResponse<String> elsewhere =
        Http.page(
            at(
                "/demo/auth?client_id=child-cop-demo&login_hint=LEARNER&nonce=n&state=s"
                    + "&redirect_uri="
                    + Http.encoded("https://evil.example.org/collect")));

    assertThat(elsewhere.statusCode()).isEqualTo(400);
    assertThat(elsewhere.body()).doesNotContain("id_token");
  }

  /** The tool at the address it believes it has (the reserved port), as the browser reaches it. */
  private URI demoTool() {
    return URI.create(toolBase());
  }

  private static String formAction(String page) {
    var matcher = java.util.regex.Pattern.compile("<form[^>]* action=\"([^\"]+)\"").matcher(page);
    assertThat(matcher.find()).as(page).isTrue();
    return matcher.group(1).replace("&amp;", "&");
  }
}
