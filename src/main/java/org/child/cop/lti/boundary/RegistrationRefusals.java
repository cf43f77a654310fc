package org.child.cop.lti.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;
import org.child.cop.lti.control.RegistrationRefused;
import org.child.cop.problems.Problem;
import org.child.cop.problems.boundary.ProblemResponses;
import org.child.cop.problems.boundary.RequestIds;

/**
 * A refused dynamic registration as a problem (a page in the LMS's dialog): 400 for what the LMS
 * handed over, 409 for a duplicate, 429 for too many attempts, 502 when the platform's registration
 * endpoint failed. Mapped here rather than as a WebApplicationException because the 502's message
 * is for the LMS administrator, and the generic mapper hides server-side statuses' messages.
 */
@Provider
public class RegistrationRefusals implements ExceptionMapper<RegistrationRefused> {

  private static final Logger LOG = Logger.getLogger(RegistrationRefusals.class.getName());

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(RegistrationRefused refused) {
    String requestId = RequestIds.of(request);
    LOG.warning(
        () -> "Dynamic registration refused (request " + requestId + "): " + refused.getMessage());
    Problem problem =
        switch (refused.kind()) {
          case REQUEST ->
              Problem.of(400, "Registration not possible", refused.getMessage(), requestId);
          case DUPLICATE -> Problem.of(409, "Registered already", refused.getMessage(), requestId);
          case TOO_MANY ->
              Problem.of(429, "Too many registrations", refused.getMessage(), requestId);
          case PLATFORM ->
              Problem.of(
                  502,
                  "The platform did not complete the registration",
                  refused.getMessage(),
                  requestId);
        };
    Response response = ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
    if (refused.kind() == RegistrationRefused.Kind.TOO_MANY) {
      return Response.fromResponse(response)
          .header(HttpHeaders.RETRY_AFTER, Math.max(1, refused.retryAfter().toSeconds()))
          .build();
    }
    return response;
  }
}
