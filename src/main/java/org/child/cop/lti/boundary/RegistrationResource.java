package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.child.cop.lti.control.DynamicRegistrations;
import org.child.cop.lti.control.RegistrationThrottle;
import org.child.cop.lti.entity.Platform;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;
import org.child.cop.problems.boundary.RequestIds;

/**
 * {@code /lti/register}: LTI Dynamic Registration, opened by an LMS administrator in the LMS's
 * iframe or pop-up. The page says what was registered and tells the LMS the registration is over
 * ({@code static/registration.js}, a file because the page carries no inline script): at once when
 * it took effect, after the button when it awaits approval, so the LMS administrator reads that.
 */
@Path("lti/register")
public class RegistrationResource {

  private static final Logger LOG = Logger.getLogger(RegistrationResource.class.getName());

  private static final Map<String, String> SERVICES =
      Map.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "grade columns (Assignment and Grade Services)",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "reading results (Assignment and Grade Services)",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "sending scores (Assignment and Grade Services)",
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
          "course rosters (Names and Role Provisioning Services)");

  @Inject DynamicRegistrations registrations;
  @Inject RegistrationThrottle throttle;
  @Context HttpServletRequest request;

  /** No @Produces: refusals must still reach API clients as problem+json. */
  @GET
  public Response register(
      @QueryParam("openid_configuration") String configuration,
      @QueryParam("registration_token") String token) {
    throttle.admit(request.getRemoteAddr(), Instant.now());
    DynamicRegistrations.Registered registered = registrations.register(configuration, token);
    Platform platform = registered.platform();
    LOG.info(
        () ->
            "Dynamic registration (request "
                + RequestIds.of(request)
                + ") from "
                + registered.registeredFrom()
                + ": platform "
                + platform.id()
                + ", status "
                + platform.status());
    return Response.ok(page(registered), MediaType.TEXT_HTML + ";charset=UTF-8")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  private static String page(DynamicRegistrations.Registered registered) {
    Platform platform = registered.platform();
    String product = Html.escape(registered.productName());
    boolean pending = platform.awaitsApproval();
    String services =
        platform.grantedScopes().isEmpty()
            ? "<dd>none</dd>"
            : platform.grantedScopes().stream()
                .map(scope -> "<li>" + Html.escape(SERVICES.getOrDefault(scope, scope)) + "</li>")
                .collect(Collectors.joining("", "<dd><ul>", "</ul></dd>"));
    String next =
        pending
            ? "<p class=\"notice\"><strong>A CHILD CoP administrator must approve this registration</strong> before"
                + " anyone can open CHILD CoP from "
                + product
                + ": your LMS is not on CHILD CoP's list of trusted hosts. Give them the"
                + " registration id <code>"
                + Html.escape(platform.id())
                + "</code>.</p>"
            : "<p>CHILD CoP accepts launches from "
                + product
                + " now. "
                + ("Moodle".equals(registered.productName())
                    ? "In Moodle, activate the new tool under Manage tools."
                    : "Finish the installation in " + product + ".")
                + "</p>";
    return Page.titled(pending ? "Registration awaits approval" : "CHILD CoP is registered")
        .body(
            "<h1>"
                + (pending
                    ? "CHILD CoP registration awaits approval"
                    : "CHILD CoP is registered with " + product)
                + "</h1>"
                + next
                + "<h2>What was registered</h2><dl>"
                + "<dt>Platform</dt><dd>"
                + Html.escape(platform.name())
                + "</dd><dt>Issuer</dt><dd><code>"
                + Html.escape(platform.issuer())
                + "</code></dd><dt>Client ID</dt><dd><code>"
                + Html.escape(platform.clientId())
                + "</code></dd><dt>Deployment ID</dt><dd>"
                + registered
                    .deploymentId()
                    .map(id -> "<code>" + Html.escape(id) + "</code>")
                    .orElse("none yet: each deployment is recorded at its first launch")
                + "</dd><dt>Status</dt><dd>"
                + (pending ? "pending approval (switched off)" : "enabled")
                + "</dd><dt>Services granted</dt>"
                + services
                + "</dl>"
                + "<p><button type=\"button\" id=\"finish-registration\""
                + (pending ? "" : " data-close=\"at-once\"")
                + ">Finish and return to "
                + product
                + "</button></p>"
                + "<script src=\"/static/registration.js\"></script>")
        .render();
  }
}
