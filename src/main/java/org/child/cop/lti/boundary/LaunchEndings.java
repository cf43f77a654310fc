package org.child.cop.lti.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.child.cop.lti.LaunchEnded;
import org.child.cop.problems.Problem;
import org.child.cop.problems.boundary.ProblemResponses;
import org.child.cop.problems.boundary.RequestIds;

/** A page asked for without a valid launch token: 401, and the way back is through the course. */
@Provider
public class LaunchEndings implements ExceptionMapper<LaunchEnded> {

  private static final Logger LOG = Logger.getLogger(LaunchEndings.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(LaunchEnded ended) {
    String requestId = RequestIds.of(request);
    LOG.info(() -> "Launch token refused (request " + requestId + "): " + ended.getMessage());
    Problem problem =
        Problem.of(
            401,
            "Open the activity from your course",
            ended.getMessage() + " Open the activity again from your course in Moodle or Canvas.",
            requestId);
    Response response = ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
    response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "LTI");
    return response;
  }
}
