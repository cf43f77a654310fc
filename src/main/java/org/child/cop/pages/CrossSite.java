package org.child.cop.pages;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;

/**
 * Whether a browser says another site's page started a request. Browsers attach an HTTP Basic
 * credential they hold to any request to its site, wherever the page that sends it comes from; a
 * change so started must not be taken as the credential holder's (CSRF).
 */
public final class CrossSite {

  private CrossSite() {}

  /**
   * A change (not GET or HEAD) that another site's page started: Sec-Fetch-Site where browsers send
   * it, else an Origin other than this request's own. Scripts and curl send neither and pass.
   */
  public static boolean change(ContainerRequestContext request) {
    String method = request.getMethod();
    if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
      return false;
    }
    String site = request.getHeaderString("Sec-Fetch-Site");
    if (site != null) {
      return !(site.equals("same-origin") || site.equals("none"));
    }
    String origin = request.getHeaderString("Origin");
    if (origin == null) {
      return false;
    }
    URI own = request.getUriInfo().getBaseUri();
    String expected =
        own.getScheme() + "://" + own.getHost() + (own.getPort() < 0 ? "" : ":" + own.getPort());
    return !origin.equalsIgnoreCase(expected);
  }
}
