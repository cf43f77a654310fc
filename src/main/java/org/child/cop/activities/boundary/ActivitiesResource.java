package org.child.cop.activities.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.child.cop.activities.ActivityTemplate;
import org.child.cop.activities.ask.control.AskTheCommunity;
import org.child.cop.activities.control.Catalogue;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.control.Communities;
import org.child.cop.identity.control.Members;
import org.child.cop.lti.DeepLink;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.control.DeepLinks;
import org.child.cop.lti.control.LaunchSessions;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;

/**
 * Where every launch lands ({@code /activities?launch=<token>}): a course designer's deep linking
 * request gets the catalogue to place from, anyone else the activity their link names. Each page
 * carries a fresh launch token in its links and forms, never a cookie.
 */
@Path("activities")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class ActivitiesResource {

  static final int MAX_TITLE = 100;

  @Inject LaunchSessions sessions;
  @Inject Catalogue catalogue;
  @Inject DeepLinks deepLinks;
  @Inject Members members;
  @Inject Communities communities;

  /** One transaction for the page's reads, rather than one per read. */
  @GET
  @Transactional
  public Response landing(@QueryParam("launch") String token) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    Launch launch = resumed.launch();
    if (!launch.isDeepLinking()
        && AskTheCommunity.TEMPLATE.equals(launch.custom().get("activity"))) {
      return Response.seeOther(
              URI.create(
                  "/activities/ask/questions?launch="
                      + URLEncoder.encode(resumed.token(), StandardCharsets.UTF_8)))
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .build();
    }
    String page =
        launch.isDeepLinking()
            ? placementPage(resumed.token(), null, "")
            : catalogue
                .template(launch.custom().getOrDefault("activity", Catalogue.COMMUNITY_SPACE))
                .map(template -> communitySpace(launch, resumed.token(), template))
                .orElseGet(() -> unknownActivity(launch));
    return Response.ok(page).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  /** The course designer placed an activity: back to the LMS with a signed deep linking answer. */
  @POST
  @Path("placements")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response place(
      @QueryParam("launch") String token,
      @FormParam("template") String templateId,
      @FormParam("title") String title,
      @FormParam("graded") String graded) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    if (!resumed.launch().isDeepLinking()) {
      throw new BadRequestException("Activities are placed from the course editor of your LMS.");
    }
    ActivityTemplate template = catalogue.template(templateId).orElse(null);
    String name = title == null ? "" : title.strip();
    String problem =
        template == null
            ? "Choose one of the activities."
            : name.isEmpty()
                ? "Give the activity a name learners will see in the course."
                : name.length() > MAX_TITLE
                    ? "Keep the name under " + MAX_TITLE + " characters."
                    : null;
    if (problem != null) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(placementPage(resumed.token(), problem, name))
          .build();
    }
    String placement = UUID.randomUUID().toString();
    DeepLink link =
        new DeepLink(
            name,
            template.description(),
            Map.of("activity", template.id(), "placement", placement),
            template.gradable() && "on".equals(graded)
                ? new DeepLink.GradeColumn(name, 1.0, placement, "participation")
                : null);
    DeepLinks.Answer answer;
    try {
      answer = deepLinks.respond(resumed.token(), List.of(link));
    } catch (DeepLinks.NotAccepted refused) {
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(placementPage(resumed.token(), refused.getMessage(), name))
          .build();
    }
    return Response.ok(returnPage(answer, name))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private String placementPage(String token, String problem, String title) {
    String options =
        catalogue.templates().stream()
            .map(
                template ->
                    "<div class=\"choice\"><input type=\"radio\" name=\"template\" id=\"t-"
                        + Html.escape(template.id())
                        + "\" value=\""
                        + Html.escape(template.id())
                        + "\" required><label for=\"t-"
                        + Html.escape(template.id())
                        + "\"><strong>"
                        + Html.escape(template.title())
                        + "</strong> — "
                        + Html.escape(template.description())
                        + "</label></div>")
            .collect(Collectors.joining());
    boolean anyGradable = catalogue.templates().stream().anyMatch(ActivityTemplate::gradable);
    return Page.titled("Place an activity")
        .body(
            "<h1>Place an activity</h1>"
                + (problem == null
                    ? ""
                    : "<p class=\"error\" role=\"alert\" id=\"problem\">"
                        + Html.escape(problem)
                        + "</p>")
                + "<form method=\"post\" action=\"/activities/placements?launch="
                + Html.escape(token)
                + "\"><fieldset><legend>Activity</legend>"
                + options
                + "</fieldset><p><label for=\"title\">Name in the course</label>"
                + "<input id=\"title\" name=\"title\" required maxlength=\""
                + MAX_TITLE
                + "\" value=\""
                + Html.escape(title)
                + "\""
                + (problem == null ? "" : " aria-describedby=\"problem\"")
                + "></p>"
                + (anyGradable
                    ? "<p><input type=\"checkbox\" id=\"graded\" name=\"graded\"><label"
                        + " for=\"graded\">Graded: taking part gives a score in the grade"
                        + " book</label></p>"
                    : "")
                + "<p><button type=\"submit\">Place it in the course</button></p></form>")
        .render();
  }

  /** Posts the signed answer to the LMS: by script at once, or by the button without script. */
  private static String returnPage(DeepLinks.Answer answer, String title) {
    return Page.titled("Returning to your course")
        .body(
            "<h1>Returning to your course</h1><p>“"
                + Html.escape(title)
                + "” is ready to be added.</p><form method=\"post\" data-autosubmit action=\""
                + Html.escape(answer.returnUrl().toString())
                + "\"><input type=\"hidden\" name=\"JWT\" value=\""
                + Html.escape(answer.jwt())
                + "\"><button type=\"submit\">Return to the course</button></form>"
                + "<script src=\"/static/autosubmit.js\"></script>")
        .render();
  }

  private String communitySpace(Launch launch, String token, ActivityTemplate template) {
    List<Members.TakingPart> present =
        launch.contextId() == null
            ? List.of()
            : members.takingPart(launch.platformId(), launch.contextId());
    String people =
        present.stream()
            .map(
                person ->
                    "<li>"
                        + Html.escape(person.name() == null ? "A member" : person.name())
                        + " <span class=\"roles\">("
                        + Html.escape(roleNames(person.roles()))
                        + ")</span></li>")
            .collect(Collectors.joining("", "<ul class=\"members\">", "</ul>"));
    return Page.titled(template.title())
        .body(
            "<h1>Welcome"
                + (launch.name() == null ? "" : ", " + Html.escape(launch.name()))
                + "</h1><p>You reached CHILD CoP from <strong>"
                + Html.escape(launch.contextTitle() == null ? "your course" : launch.contextTitle())
                + "</strong>"
                + (launch.contextId() == null
                    ? ""
                    : communities
                        .of(launch.platformId(), launch.contextId())
                        .map(
                            community ->
                                ", which leads into the community <strong>"
                                    + Html.escape(community.name())
                                    + "</strong>")
                        .orElse(""))
                + ".</p><p>Your roles there: "
                + Html.escape(
                    launch.roles().isEmpty() ? "none this tool knows" : roleNames(launch.roles()))
                + "</p>"
                + (CommunityRole.onEntry(launch.roles()) == CommunityRole.FACILITATOR
                    ? "<p><a href=\"/community?launch="
                        + Html.escape(token)
                        + "\">Community settings</a>: its name, and the courses that lead"
                        + " into it</p>"
                    : "")
                + "<h2>Who takes part</h2>"
                + (present.isEmpty() ? "<p>Nobody from this course yet.</p>" : people))
        .render();
  }

  private static String unknownActivity(Launch launch) {
    return Page.titled("Activity not available")
        .body(
            "<h1>Activity not available</h1><p>This link opens an activity CHILD CoP does not"
                + " offer (“"
                + Html.escape(launch.custom().get("activity"))
                + "”). Ask the course designer to place it again.</p>")
        .render();
  }

  private static String roleNames(java.util.Set<LtiRole> roles) {
    return roles.stream()
        .sorted()
        .map(role -> role.name().toLowerCase().replace('_', ' '))
        .collect(Collectors.joining(", "));
  }
}
