package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.logging.Logger;
import org.child.cop.lti.Launch;
import org.child.cop.lti.control.LaunchRefused;
import org.child.cop.lti.control.LaunchSessions;
import org.child.cop.lti.control.Launches;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;
import org.child.cop.problems.boundary.RequestIds;

/**
 * {@code /lti/launch}: where the platform posts the id_token (the OIDC redirect URI). A verified
 * launch goes on to the activities with a signed launch token; a browser without the state cookie
 * first proves through platform storage that it began the login.
 */
@Path("lti/launch")
public class LaunchResource {

  private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());

  @Inject Launches launches;
  @Inject LaunchSessions sessions;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public Response launch(
      @FormParam("id_token") String idToken,
      @FormParam("state") String state,
      @FormParam("lti_storage_target") String storageTarget) {
    boolean platformStorage = PlatformStorage.isTarget(storageTarget);
    Launches.Verified verified;
    try {
      verified = launches.verify(idToken, state, stateFromBrowser(state), platformStorage);
    } catch (LaunchRefused refused) {
      LOG.warning(
          () -> "LTI launch refused (request " + RequestIds.of(request) + "): " + refused.detail());
      if (!refused.initiationAgain().isEmpty() && prefersHtml()) {
        return newWindowPage(refused);
      }
      throw new NotAuthorizedException(refused.getMessage(), "LTI");
    }
    Launch launch = verified.launch();
    LOG.info(
        () ->
            "LTI launch "
                + verified.session().id()
                + " of "
                + launch.messageType()
                + " for subject "
                + launch.subject()
                + " of platform "
                + launch.platformId()
                + (verified.bindingSecret().isPresent() ? ", awaiting platform storage" : ""));
    if (verified.bindingSecret().isPresent()) {
      return Response.ok(
              storageCheckPage(verified, state, storageTarget, verified.bindingSecret().get()))
          .header(HttpHeaders.CACHE_CONTROL, "no-store")
          .build();
    }
    return Response.seeOther(landing(sessions.tokenFor(verified.session()))).build();
  }

  /**
   * The launch page's script posts here once it read the login's state back from platform storage.
   * JSON only, so a cross-site form cannot post it.
   */
  @POST
  @Path("binding")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public JsonObject bind(JsonObject binding) {
    String session = binding.getString("session", null);
    String secret = binding.getString("secret", null);
    String token =
        sessions
            .bind(session, secret)
            .orElseThrow(
                () ->
                    new NotAuthorizedException(
                        "This launch cannot be confirmed: open the activity again from your"
                            + " course.",
                        "LTI"));
    LOG.info(() -> "LTI launch " + session + " bound through platform storage");
    return Json.createObjectBuilder().add("location", landing(token).toString()).build();
  }

  /** Where every launch goes on: the activities read the launch and decide what to show. */
  static URI landing(String token) {
    return URI.create("/activities?launch=" + token);
  }

  private String storageCheckPage(
      Launches.Verified verified, String state, String target, String secret) {
    return Page.titled("Opening CHILD CoP")
        .body(
            "<h1>Opening CHILD CoP</h1>"
                + "<p id=\"lti-status\" role=\"status\">Checking that this browser began the"
                + " launch…</p>"
                + "<div id=\"lti-failed\" hidden><p>Your browser could not confirm this launch."
                + " Open the activity again from your course, or open it in a new window.</p></div>"
                + PlatformStorage.element(
                    "get",
                    target,
                    verified.platform(),
                    Map.of(
                        "key",
                        "state-" + state,
                        "value",
                        state,
                        "session",
                        verified.session().id(),
                        "secret",
                        secret)))
        .render();
  }

  private Response newWindowPage(LaunchRefused refused) {
    String page =
        Page.titled("Open CHILD CoP in a new window")
            .body(
                "<h1>Open CHILD CoP in a new window</h1><p>"
                    + Html.escape(refused.getMessage())
                    + "</p><p>Your browser keeps no cookies for CHILD CoP inside the course page,"
                    + " and the course platform offers no other way to confirm the launch. In a"
                    + " window of its own, CHILD CoP works.</p>"
                    + PlatformStorage.newWindowLink(refused.initiationAgain())
                    + "<p class=\"reference\">Reference <code>"
                    + Html.escape(RequestIds.of(request))
                    + "</code>.</p>")
            .render();
    return Response.status(Response.Status.UNAUTHORIZED)
        .type(MediaType.TEXT_HTML + ";charset=UTF-8")
        .header(HttpHeaders.WWW_AUTHENTICATE, "LTI")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(page)
        .build();
  }

  private boolean prefersHtml() {
    String accept = headers.getHeaderString(HttpHeaders.ACCEPT);
    return accept != null
        && accept.contains("text/html")
        && (!accept.contains("json") || accept.indexOf("text/html") < accept.indexOf("json"));
  }

  private String stateFromBrowser(String state) {
    if (state == null || state.length() < 12) {
      return null;
    }
    Cookie cookie = headers.getCookies().get(LoginResource.cookieName(state));
    return cookie == null ? null : cookie.getValue();
  }
}
