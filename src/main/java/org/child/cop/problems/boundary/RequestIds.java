package org.child.cop.problems.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, echoed in {@code X-Request-Id} and in every problem, so that a user's
 * error report leads to the log line. A caller's own id is kept when it is short and plain.
 */
@Provider
@PreMatching
public class RequestIds implements ContainerRequestFilter, ContainerResponseFilter {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName();
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._-]{8,64}");

  @Override
  public void filter(ContainerRequestContext request) {
    String offered = request.getHeaderString(HEADER);
    String id = offered != null && PLAIN.matcher(offered).matches() ? offered : newId();
    // Jersey keeps request properties as servlet attributes, so error pages see them too
    request.setProperty(ATTRIBUTE, id);
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object id = request.getProperty(ATTRIBUTE);
    if (id != null) {
      response.getHeaders().putSingle(HEADER, id);
    }
  }

  /** The id of this request, made up on the spot if the filter has not run (servlet errors). */
  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    if (id instanceof String text) {
      return text;
    }
    String fresh = newId();
    request.setAttribute(ATTRIBUTE, fresh);
    return fresh;
  }

  private static String newId() {
    return UUID.randomUUID().toString();
  }
}
