package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.stream.Collectors;
import org.child.cop.lti.control.DemoPlatform;
import org.child.cop.lti.control.DemoPlatform.Person;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;

/**
 * {@code /demo}: the demo course of the stand-in LMS, in development mode only (404 otherwise). Its
 * buttons launch the tool in a frame of the page through the real {@code /lti/login} and {@code
 * /lti/launch}, as a learner, a facilitator or a course designer.
 */
@Path("demo")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class DemoPlatformResource {

  @Inject DemoPlatform demo;

  @GET
  public String course() {
    on();
    return Page.titled("Demo course")
        .body(
            "<h1>Demo course</h1><p>A stand-in LMS for trying CHILD CoP in development mode."
                + " Each button launches the tool in the frame below through the real LTI login"
                + " and launch, signed with the demo platform's own key.</p>"
                + "<p>"
                + launchButton(Person.LEARNER, "Launch as a learner", Map.of())
                + " "
                + launchButton(Person.FACILITATOR, "Launch as a facilitator", Map.of())
                + " "
                + launchButton(
                    Person.COURSE_DESIGNER, "Place an activity (course designer)", Map.of())
                + "</p><p>"
                + launchButton(
                    Person.LEARNER,
                    "Ask the community as the learner (a ward)",
                    Map.of("custom", "ask-the-community"))
                + " "
                + launchButton(
                    Person.FACILITATOR,
                    "Ask the community as the facilitator (education)",
                    Map.of("custom", "ask-the-community"))
                + "</p>"
                + frame())
        .render();
  }

  /** The login initiation the LMS sends, posted by the browser into the frame. */
  @GET
  @Path("start")
  public String start(@QueryParam("as") String as, @QueryParam("custom") String custom) {
    on();
    Person person = person(as);
    Map<String, String> parameters =
        demo.loginInitiation(person, custom == null ? Map.of() : Map.of("activity", custom));
    return autoPost("/lti/login", parameters, "Signing in to CHILD CoP as " + person.displayName());
  }

  /** The authorization endpoint: answers the tool's login with an id_token, by form_post. */
  @GET
  @Path("auth")
  public String authorize(
      @QueryParam("client_id") String clientId,
      @QueryParam("redirect_uri") String redirectUri,
      @QueryParam("login_hint") String loginHint,
      @QueryParam("lti_message_hint") String messageHint,
      @QueryParam("state") String state,
      @QueryParam("nonce") String nonce) {
    on();
    String idToken =
        demo.idToken(clientId, redirectUri, loginHint, messageHint, nonce)
            .orElseThrow(
                () ->
                    new jakarta.ws.rs.BadRequestException(
                        "The demo platform answers only the tool's own login requests."));
    return autoPost(
        redirectUri, Map.of("id_token", idToken, "state", String.valueOf(state)), "Launching…");
  }

  @GET
  @Path("jwks")
  @Produces(MediaType.APPLICATION_JSON)
  public Map<String, Object> keys() {
    on();
    return demo.publicKeys().toJSONObject(true);
  }

  /** Where the deep linking answer comes back: the demo course now holds the placed activity. */
  @POST
  @Path("return")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public String placed(@FormParam("JWT") String jwt) {
    on();
    DemoPlatform.Placed placed =
        demo.placed(jwt)
            .orElseThrow(
                () ->
                    new jakarta.ws.rs.BadRequestException(
                        "The deep linking answer is not signed by this tool or names no activity."));
    return Page.titled("Activity placed")
        .body(
            "<h1>Activity placed</h1><p>The demo course now holds <strong>"
                + Html.escape(placed.title())
                + "</strong>.</p><p>"
                + launchButton(
                    Person.LEARNER,
                    "Open it as a learner",
                    Map.of("custom", placed.custom().getOrDefault("activity", "")))
                + "</p>")
        .render();
  }

  private void on() {
    if (!demo.isOn()) {
      throw new NotFoundException("There is no demo platform outside development mode.");
    }
  }

  private static Person person(String as) {
    try {
      return Person.valueOf(String.valueOf(as));
    } catch (IllegalArgumentException e) {
      throw new jakarta.ws.rs.BadRequestException(
          "Launch as LEARNER, FACILITATOR or COURSE_DESIGNER.");
    }
  }

  private static String launchButton(Person person, String label, Map<String, String> extra) {
    String query =
        extra.entrySet().stream()
            .map(
                e ->
                    "&"
                        + e.getKey()
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(Collectors.joining());
    return "<a class=\"button\" target=\"tool\" href=\"/demo/start?as="
        + person.name()
        + Html.escape(query)
        + "\">"
        + Html.escape(label)
        + "</a>";
  }

  private static String frame() {
    return "<iframe name=\"tool\" title=\"CHILD CoP\" src=\"about:blank\" class=\"tool-frame\""
        + " width=\"100%\" height=\"640\"></iframe>";
  }

  private static String autoPost(String action, Map<String, String> fields, String heading) {
    String inputs =
        fields.entrySet().stream()
            .map(
                e ->
                    "<input type=\"hidden\" name=\""
                        + Html.escape(e.getKey())
                        + "\" value=\""
                        + Html.escape(e.getValue())
                        + "\">")
            .collect(Collectors.joining());
    return Page.titled(heading)
        .body(
            "<h1>"
                + Html.escape(heading)
                + "</h1><form method=\"post\" data-autosubmit action=\""
                + Html.escape(action)
                + "\">"
                + inputs
                + "<button type=\"submit\">Continue</button></form>"
                + "<script src=\"/static/autosubmit.js\"></script>")
        .render();
  }
}
