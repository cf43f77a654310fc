package org.child.cop.problems.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.problems.Problem;

/**
 * Every {@link WebApplicationException}, ours or the runtime's (no such path, wrong method, wrong
 * media type), as a problem with words a user can act on.
 */
@Provider
public class ClientErrors implements ExceptionMapper<WebApplicationException> {

  private static final Logger LOG = Logger.getLogger(ClientErrors.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    String requestId = RequestIds.of(request);
    if (status >= 500) {
      LOG.log(Level.SEVERE, "Request " + requestId + " failed with " + status, exception);
    }
    Problem problem =
        Problem.of(status, Statuses.title(status), detail(exception, status), requestId);
    Response response = ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
    // keep the headers a client needs to recover: WWW-Authenticate, Retry-After, Allow
    for (String name : new String[] {"WWW-Authenticate", "Retry-After", "Allow"}) {
      Object value = original.getHeaders().getFirst(name);
      if (value != null) {
        response.getHeaders().putSingle(name, value);
      }
    }
    return response;
  }

  private String detail(WebApplicationException exception, int status) {
    String message = exception.getMessage();
    boolean runtimeDefault = message == null || message.startsWith("HTTP " + status);
    if (!runtimeDefault && status < 500) {
      return message;
    }
    return Statuses.advice(status, request.getMethod());
  }
}
