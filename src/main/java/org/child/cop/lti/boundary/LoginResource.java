package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.logging.Logger;
import org.child.cop.lti.control.Logins;
import org.child.cop.lti.entity.LoginState;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;

/** {@code /lti/login}: OIDC login initiation, by GET or by form POST as platforms choose. */
@Path("lti/login")
public class LoginResource {

  private static final Logger LOG = Logger.getLogger(LoginResource.class.getName());

  @Inject Logins logins;

  @GET
  public Response byQuery(
      @QueryParam("iss") String issuer,
      @QueryParam("login_hint") String loginHint,
      @QueryParam("target_link_uri") String targetLinkUri,
      @QueryParam("lti_message_hint") String messageHint,
      @QueryParam("client_id") String clientId,
      @QueryParam("lti_deployment_id") String deploymentId,
      @QueryParam("deployment_id") String deploymentIdAlias,
      @QueryParam("lti_storage_target") String storageTarget) {
    return begin(
        new Logins.Initiation(
            issuer,
            loginHint,
            targetLinkUri,
            messageHint,
            clientId,
            deploymentId != null ? deploymentId : deploymentIdAlias),
        storageTarget);
  }

  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response byForm(
      @FormParam("iss") String issuer,
      @FormParam("login_hint") String loginHint,
      @FormParam("target_link_uri") String targetLinkUri,
      @FormParam("lti_message_hint") String messageHint,
      @FormParam("client_id") String clientId,
      @FormParam("lti_deployment_id") String deploymentId,
      @FormParam("deployment_id") String deploymentIdAlias,
      @FormParam("lti_storage_target") String storageTarget) {
    return begin(
        new Logins.Initiation(
            issuer,
            loginHint,
            targetLinkUri,
            messageHint,
            clientId,
            deploymentId != null ? deploymentId : deploymentIdAlias),
        storageTarget);
  }

  private Response begin(Logins.Initiation initiation, String storageTarget) {
    Logins.Redirect redirect;
    try {
      redirect = logins.begin(initiation);
    } catch (Logins.Refused refused) {
      LOG.warning(
          () ->
              "LTI login refused for issuer " + initiation.issuer() + ": " + refused.getMessage());
      throw refused.forbidden()
          ? new ForbiddenException(refused.getMessage())
          : new BadRequestException(refused.getMessage());
    }
    // the cookie is set either way: where the browser keeps it, it is the simplest binding
    Response.ResponseBuilder response =
        PlatformStorage.isTarget(storageTarget)
            ? Response.ok(storingPage(redirect, storageTarget), MediaType.TEXT_HTML_TYPE)
            : Response.seeOther(redirect.authorizationRequest());
    return response
        .header(HttpHeaders.SET_COOKIE, stateCookie(redirect.login()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /**
   * The platform offers storage: a page whose script puts the state there, then goes on to the
   * platform's authorization endpoint (also when storage fails: the cookie may still do).
   */
  private static String storingPage(Logins.Redirect redirect, String target) {
    String state = redirect.login().state();
    String next = redirect.authorizationRequest().toString();
    return Page.titled("Opening CHILD CoP")
        .body(
            "<h1>Opening CHILD CoP</h1><p role=\"status\">Signing you in through your course…</p>"
                + "<p><a href=\""
                + Html.escape(next)
                + "\">Continue</a> if nothing happens.</p>"
                + PlatformStorage.element(
                    "put",
                    target,
                    redirect.platform(),
                    Map.of("key", "state-" + state, "value", state, "next", next)))
        .render();
  }

  /**
   * Binds the state to this browser. The name carries part of the state so that two launches in two
   * tabs do not overwrite each other. SameSite=None and Secure so it survives the platform's
   * cross-site form post; Partitioned so browsers that block third-party cookies still keep it in
   * the LMS iframe.
   */
  static String stateCookie(LoginState login) {
    return cookieName(login.state())
        + "="
        + login.state()
        + "; Path=/lti; Max-Age="
        + LoginState.LIFETIME.toSeconds()
        + "; Secure; HttpOnly; SameSite=None; Partitioned";
  }

  static String cookieName(String state) {
    return "lti_state_" + state.substring(0, 12);
  }
}
