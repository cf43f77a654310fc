package org.child.cop.lrs.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.child.cop.problems.Problem;
import org.child.cop.problems.boundary.ProblemResponses;
import org.child.cop.problems.boundary.RequestIds;

/** A refused xAPI parameter as the same 400 problem every other bad request gets. */
@Provider
public class InvalidParameters implements ExceptionMapper<InvalidParameter> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(InvalidParameter exception) {
    return ProblemResponses.of(
        Problem.of(400, "Bad Request", exception.getMessage(), RequestIds.of(request)),
        request.getHeader(HttpHeaders.ACCEPT));
  }
}
