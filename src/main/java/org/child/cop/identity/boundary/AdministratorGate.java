package org.child.cop.identity.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ServiceUnavailableException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.child.cop.identity.control.AdministratorCredentials;
import org.child.cop.identity.control.SignIn;
import org.child.cop.pages.CrossSite;

/**
 * Lets a request reach an {@link AdministratorOnly} resource only with the administrator credential
 * (HTTP Basic), refuses addresses that keep guessing, and logs every refusal.
 */
@Provider
@AdministratorOnly
@Priority(Priorities.AUTHENTICATION)
public class AdministratorGate implements ContainerRequestFilter, ContainerResponseFilter {

  static final String CHALLENGE = "Basic realm=\"CHILD CoP administration\", charset=\"UTF-8\"";
  private static final Logger LOG = Logger.getLogger(AdministratorGate.class.getName());

  @Inject AdministratorCredentials credentials;

  @Context HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String address = servletRequest.getRemoteAddr();
    String path = request.getUriInfo().getPath();
    if (CrossSite.change(request)) {
      // a browser holding the Basic credential must not act for another site's page (CSRF)
      LOG.warning(() -> "Cross-site administrator request to /" + path + " refused");
      throw new ForbiddenException(
          "Administrator changes come from the administrator's own tools, not from other sites.");
    }
    var offered = BasicCredentials.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (offered.isEmpty()) {
      throw new NotAuthorizedException(
          "Sign in as the administrator to use this address.", CHALLENGE);
    }
    SignIn outcome = credentials.signIn(address, offered.get().user(), offered.get().password());
    if (outcome instanceof SignIn.Refused refused) {
      LOG.warning(
          () ->
              "Administrator sign-in refused for "
                  + address
                  + " on /"
                  + path
                  + ": wrong credential, "
                  + refused.failures()
                  + " of "
                  + refused.allowed()
                  + " allowed failures");
      throw new NotAuthorizedException("The administrator credential is wrong.", CHALLENGE);
    }
    if (outcome instanceof SignIn.LockedOut locked) {
      long seconds = Math.max(1, locked.retryAfter().toSeconds());
      LOG.warning(
          () ->
              "Administrator sign-in from "
                  + address
                  + " refused: locked out for "
                  + seconds
                  + " s");
      throw new WebApplicationException(
          "Too many failed sign-ins from your address. Try again in " + minutes(seconds) + ".",
          Response.status(Response.Status.TOO_MANY_REQUESTS)
              .header(HttpHeaders.RETRY_AFTER, seconds)
              .build());
    }
    if (outcome instanceof SignIn.Unavailable) {
      throw new ServiceUnavailableException(
          "Administrator sign-in opens once the database is ready. Try again shortly.", 5L);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    // administrator answers never belong in a shared cache or the browser's history
    response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private static String minutes(long seconds) {
    long minutes = (seconds + 59) / 60;
    return minutes == 1 ? "a minute" : minutes + " minutes";
  }
}
