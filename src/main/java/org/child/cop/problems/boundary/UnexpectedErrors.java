package org.child.cop.problems.boundary;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.problems.Problem;

/**
 * Every exception no closer mapper takes. A body that cannot be read as JSON (the runtime wraps the
 * parser's error in whatever it likes) is the client's mistake: 400 with the parser's reason.
 * Anything else is ours: logged in full with the request id, answered with the id and no internals.
 */
@Provider
public class UnexpectedErrors implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrors.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String requestId = RequestIds.of(request);
    Throwable json = jsonCause(exception);
    Problem problem;
    if (json != null) {
      problem =
          Problem.of(
              400,
              "Unreadable request body",
              "The body is not the JSON this address expects: " + firstLine(json.getMessage()),
              requestId);
    } else {
      LOG.log(Level.SEVERE, "Request " + requestId + " failed", exception);
      problem = Problem.of(500, Statuses.title(500), Statuses.advice(500, null), requestId);
    }
    return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
  }

  private static Throwable jsonCause(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
        return cause;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no details";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }
}
