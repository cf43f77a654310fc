package org.child.cop.problems.boundary;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import org.child.cop.problems.Problem;

/** Bean Validation failures as a 400 that names each invalid field and what is wrong with it. */
@Provider
public class InvalidInput implements ExceptionMapper<ConstraintViolationException> {

  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    List<Problem.Violation> violations =
        exception.getConstraintViolations().stream()
            .map(v -> new Problem.Violation(field(v), v.getMessage()))
            .sorted(Comparator.comparing(Problem.Violation::field))
            .toList();
    Problem problem =
        Problem.of(
                400,
                "Invalid input",
                "Some values are missing or not acceptable; see violations.",
                RequestIds.of(request))
            .withViolations(violations);
    return ProblemResponses.of(problem, request.getHeader(HttpHeaders.ACCEPT));
  }

  /** The last named node (the field), not the method and parameter names the runtime adds. */
  private static String field(ConstraintViolation<?> violation) {
    String name = "value";
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD) {
        name = node.getName();
      }
    }
    return name;
  }
}
