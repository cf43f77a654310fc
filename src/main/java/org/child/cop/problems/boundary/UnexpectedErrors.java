package org.child.cop.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.problems.Problem;

/** Anything else: logged in full with the request id, answered with the id and no internals. */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String requestId = RequestIds.of(request);
    if (exception instanceof JsonbException) {
      // JSON-B may surface a body it cannot bind without wrapping it
      Problem problem =
          Problem.of(
              400,
              "Unreadable request body",
              "The body is not the JSON this address expects.",
              requestId);
      return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
    }
    LOG.log(Level.SEVERE, "Request " + requestId + " failed", exception);
    Problem problem = Problem.of(500, Statuses.title(500), Statuses.advice(500, null), requestId);
    return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
  }
}
