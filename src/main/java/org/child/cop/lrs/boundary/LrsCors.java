package org.child.cop.lrs.boundary;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;

/**
 * Lets browser-based xAPI clients (learning content on other origins) use the LRS: every answer
 * under {@code /xapi}, preflights included, allows any origin. Credentials travel in the
 * Authorization header, never in cookies, so any origin may ask.
 */
@Provider
public class LrsCors implements ContainerResponseFilter {

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!isLrsPath(request.getUriInfo().getPath())) {
      return;
    }
    MultivaluedMap<String, Object> headers = response.getHeaders();
    headers.putSingle("Access-Control-Allow-Origin", "*");
    headers.putSingle("Access-Control-Allow-Methods", "GET, HEAD, PUT, POST, DELETE, OPTIONS");
    headers.putSingle(
        "Access-Control-Allow-Headers",
        "Authorization, Content-Type, If-Match, If-None-Match, X-Experience-API-Version");
    headers.putSingle(
        "Access-Control-Expose-Headers",
        "ETag, Last-Modified, X-Experience-API-Consistent-Through, X-Experience-API-Version");
    headers.putSingle("Access-Control-Max-Age", "600");
  }

  /**
   * Whether a path, as {@code UriInfo} gives it (with or without its leading slash), is the LRS's.
   */
  static boolean isLrsPath(String path) {
    String relative = path.startsWith("/") ? path.substring(1) : path;
    return relative.equals("xapi") || relative.startsWith("xapi/");
  }
}
