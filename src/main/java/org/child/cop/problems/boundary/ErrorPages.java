package org.child.cop.problems.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.problems.Problem;

/**
 * Where the servlet container sends errors that happen outside JAX-RS (a missing stylesheet, a
 * failing filter), so that they too get the problem format instead of the container's page.
 */
@WebServlet("/errors")
public class ErrorPages extends HttpServlet {

  private static final Logger LOG = Logger.getLogger(ErrorPages.class.getName());

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer value ? value : 404;
    String requestId = RequestIds.of(request);
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable throwable) {
      LOG.log(Level.SEVERE, "Request " + requestId + " failed", throwable);
    }
    Problem problem =
        Problem.of(
            status,
            Statuses.title(status),
            Statuses.advice(status, request.getMethod()),
            requestId);
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    boolean html = ProblemResponses.prefersHtml(accept);
    response.setStatus(status);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentType(html ? "text/html" : Problem.MEDIA_TYPE);
    response.setHeader(RequestIds.HEADER, requestId);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response
        .getWriter()
        .write(html ? ProblemResponses.page(problem) : ProblemResponses.json(problem));
  }
}
