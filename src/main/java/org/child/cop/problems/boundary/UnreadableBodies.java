package org.child.cop.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.problems.Problem;

/**
 * A request body that cannot be read (malformed JSON, wrong types) is the client's mistake: 400
 * with the parser's reason, never a 500.
 */
@Provider
public class UnreadableBodies implements ExceptionMapper<ProcessingException> {

  private static final Logger LOG = Logger.getLogger(UnreadableBodies.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ProcessingException exception) {
    String requestId = RequestIds.of(request);
    Throwable cause = exception;
    while (cause != null
        && !(cause instanceof JsonbException)
        && !(cause instanceof JsonParsingException)) {
      cause = cause.getCause();
    }
    if (cause == null) {
      // not about the body: a failure inside the runtime
      LOG.log(Level.SEVERE, "Request " + requestId + " failed", exception);
      Problem problem = Problem.of(500, Statuses.title(500), Statuses.advice(500, null), requestId);
      return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
    }
    Problem problem =
        Problem.of(
            400,
            "Unreadable request body",
            "The body is not the JSON this address expects: " + firstLine(cause.getMessage()),
            requestId);
    return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
