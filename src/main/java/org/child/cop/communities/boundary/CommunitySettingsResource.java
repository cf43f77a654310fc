package org.child.cop.communities.boundary;

import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.UriBuilder;
import org.child.cop.communities.control.Stewardship;
import org.child.cop.communities.entity.Community;
import org.child.cop.communities.entity.LinkCode;
import org.child.cop.lti.control.LaunchSessions;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;

/**
 * A facilitator's settings of the community their course leads into ({@code /community?launch=}):
 * rename it, issue a code that links another course to it, or enter such a code to link this course
 * to another community. Every page and form carries a fresh launch token, never a cookie.
 */
@Path("community")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CommunitySettingsResource {

  @Inject LaunchSessions sessions;
  @Inject Stewardship stewardship;

  @GET
  public Response settings(@QueryParam("launch") String token, @QueryParam("done") String done) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      Community community = stewardship.stewardedBy(resumed.launch());
      String notice =
          switch (done == null ? "" : done) {
            case "renamed" -> "The community is renamed.";
            case "linked" -> "This course now leads into " + community.name() + ".";
            default -> null;
          };
      return page(page(resumed.token(), community, notice, null, null, null, null));
    } catch (Stewardship.Refused refused) {
      return refusal(refused);
    }
  }

  @POST
  @Path("name")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response rename(@QueryParam("launch") String token, @FormParam("name") String name) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      stewardship.rename(resumed.launch(), name);
      return seeSettings(resumed.token(), "renamed");
    } catch (Stewardship.Refused refused) {
      return refused.status() == 400
          ? invalid(resumed, refused.getMessage(), "name", name)
          : refusal(refused);
    }
  }

  @POST
  @Path("link-codes")
  public Response linkCode(@QueryParam("launch") String token) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      LinkCode.Issued issued = stewardship.linkCode(resumed.launch());
      Community community = stewardship.stewardedBy(resumed.launch());
      // shown once, on this answer: it is not kept, so no later page can show it again
      return page(page(resumed.token(), community, null, issued.code(), null, null, null));
    } catch (Stewardship.Refused refused) {
      return refusal(refused);
    }
  }

  @POST
  @Path("links")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response link(@QueryParam("launch") String token, @FormParam("code") String code) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      stewardship.link(resumed.launch(), code);
      return seeSettings(resumed.token(), "linked");
    } catch (Stewardship.Refused refused) {
      return refused.status() == 400
          ? invalid(resumed, refused.getMessage(), "code", code)
          : refusal(refused);
    }
  }

  private Response invalid(
      LaunchSessions.Resumed resumed, String problem, String field, String value) {
    Community community = stewardship.stewardedBy(resumed.launch());
    return Response.status(Response.Status.BAD_REQUEST)
        .entity(page(resumed.token(), community, null, null, problem, field, value))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private static Response seeSettings(String token, String done) {
    return Response.seeOther(
            UriBuilder.fromPath("/community")
                .queryParam("launch", token)
                .queryParam("done", done)
                .build())
        .build();
  }

  private static Response page(String html) {
    return Response.ok(html).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  private static Response refusal(Stewardship.Refused refused) {
    return Response.status(refused.status())
        .entity(
            Page.titled("Community settings")
                .body(
                    "<h1>Community settings</h1><p role=\"alert\">"
                        + Html.escape(refused.getMessage())
                        + "</p>")
                .render())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /** The settings page; {@code problem} belongs to {@code field}, whose sent value is kept. */
  private static String page(
      String token,
      Community community,
      String notice,
      String issuedCode,
      String problem,
      String field,
      String value) {
    String launch = Html.escape(token);
    String nameValue = "name".equals(field) ? value : community.name();
    String codeValue = "code".equals(field) && value != null ? value : "";
    return Page.titled("Community settings")
        .body(
            "<h1>Community settings</h1>"
                + (notice == null
                    ? ""
                    : "<p class=\"notice\" role=\"status\">" + Html.escape(notice) + "</p>")
                + "<h2>Name</h2><form method=\"post\" action=\"/community/name?launch="
                + launch
                + "\"><p><label for=\"name\">Community name</label><br><input id=\"name\""
                + " name=\"name\" required maxlength=\""
                + Community.MAX_NAME
                + "\" value=\""
                + Html.escape(nameValue == null ? "" : nameValue)
                + "\""
                + describedBy("name", field)
                + "></p>"
                + problem("name", field, problem)
                + "<p><button type=\"submit\">Rename</button></p></form>"
                + "<h2>Link another course</h2><p>A community can be reached from several courses,"
                + " in this LMS or another. Get a code here and enter it in the other course's"
                + " community settings. A code works once, for a day.</p>"
                + (issuedCode == null
                    ? ""
                    : "<p class=\"notice\" role=\"status\">Code for the other course: <strong"
                        + " class=\"code\">"
                        + Html.escape(issuedCode)
                        + "</strong> (shown only now)</p>")
                + "<form method=\"post\" action=\"/community/link-codes?launch="
                + launch
                + "\"><p><button type=\"submit\">Get a link code</button></p></form>"
                + "<h2>Join another community</h2><p>Enter a code from another community's"
                + " settings: this course then leads into that community. What was done here so"
                + " far stays in "
                + Html.escape(community.name())
                + ".</p><form method=\"post\" action=\"/community/links?launch="
                + launch
                + "\"><p><label for=\"code\">Link code</label><br><input id=\"code\" name=\"code\""
                + " required maxlength=\"20\" autocomplete=\"off\" value=\""
                + Html.escape(codeValue)
                + "\""
                + describedBy("code", field)
                + "></p>"
                + problem("code", field, problem)
                + "<p><button type=\"submit\">Link this course</button></p></form>")
        .render();
  }

  private static String describedBy(String name, String field) {
    return name.equals(field)
        ? " aria-invalid=\"true\" aria-describedby=\"" + name + "-problem\""
        : "";
  }

  private static String problem(String name, String field, String problem) {
    return name.equals(field) && problem != null
        ? "<p class=\"error\" role=\"alert\" id=\""
            + name
            + "-problem\">"
            + Html.escape(problem)
            + "</p>"
        : "";
  }
}
