package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
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
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.child.cop.lti.Launch;
import org.child.cop.lti.control.LaunchRefused;
import org.child.cop.lti.control.Launches;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;
import org.child.cop.problems.boundary.RequestIds;

/** {@code /lti/launch}: where the platform posts the id_token (the OIDC redirect URI). */
@Path("lti/launch")
public class LaunchResource {

  private static final Logger LOG = Logger.getLogger(LaunchResource.class.getName());

  @Inject Launches launches;
  @Context HttpHeaders headers;
  @Context HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
  public String launch(@FormParam("id_token") String idToken, @FormParam("state") String state) {
    Launch launch;
    try {
      launch = launches.verify(idToken, state, stateFromBrowser(state));
    } catch (LaunchRefused refused) {
      LOG.warning(
          () -> "LTI launch refused (request " + RequestIds.of(request) + "): " + refused.detail());
      throw new NotAuthorizedException(refused.getMessage(), "LTI");
    }
    LOG.info(
        () ->
            "LTI launch of "
                + launch.messageType()
                + " for subject "
                + launch.subject()
                + " of platform "
                + launch.platformId());
    // the activities arrive with later issues; until then the launch says who and where
    return Page.titled("Welcome")
        .body(
            "<h1>Welcome"
                + (launch.name() == null ? "" : ", " + Html.escape(launch.name()))
                + "</h1><p>You reached CHILD CoP from <strong>"
                + Html.escape(launch.contextTitle() == null ? "your course" : launch.contextTitle())
                + "</strong>.</p><p>Your roles there: "
                + Html.escape(
                    launch.roles().isEmpty()
                        ? "none this tool knows"
                        : launch.roles().stream()
                            .sorted()
                            .map(role -> role.name().toLowerCase().replace('_', ' '))
                            .collect(Collectors.joining(", ")))
                + "</p>")
        .render();
  }

  private String stateFromBrowser(String state) {
    if (state == null || state.length() < 12) {
      return null;
    }
    Cookie cookie = headers.getCookies().get(LoginResource.cookieName(state));
    return cookie == null ? null : cookie.getValue();
  }
}
