package org.child.cop.activities.ask.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.activities.ask.NoSuchQuestion;
import org.child.cop.problems.Problem;
import org.child.cop.problems.boundary.ProblemResponses;
import org.child.cop.problems.boundary.RequestIds;

/**
 * Refusals of Ask the community that no form shows next to a field: a 400 in the words the domain
 * chose. (Forms catch their own and show them with what the member typed.)
 */
@Provider
public class AskRefusals implements ExceptionMapper<AskRefused> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(AskRefused refused) {
    return ProblemResponses.of(
        Problem.of(400, "Not possible", refused.getMessage(), RequestIds.of(request)),
        request.getHeader(HttpHeaders.ACCEPT));
  }

  /**
   * A question id of another community gets the very answer a missing one gets: 404, same words.
   */
  @Provider
  public static class Missing implements ExceptionMapper<NoSuchQuestion> {

    @Context HttpServletRequest request;

    @Override
    public Response toResponse(NoSuchQuestion missing) {
      return ProblemResponses.of(
          Problem.of(404, "Not found", missing.getMessage(), RequestIds.of(request)),
          request.getHeader(HttpHeaders.ACCEPT));
    }
  }
}
