package org.child.cop.problems.boundary;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.stream.Collectors;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;
import org.child.cop.problems.Problem;

/** Turns a problem into a response: a page for browsers, problem+json for everything else. */
public final class ProblemResponses {

  private static final Jsonb JSON = JsonbBuilder.create();

  private ProblemResponses() {}

  public static Response of(Problem problem, String accept) {
    boolean html = prefersHtml(accept);
    return Response.status(problem.status())
        .type(html ? MediaType.TEXT_HTML + ";charset=UTF-8" : Problem.MEDIA_TYPE)
        .header(RequestIds.HEADER, problem.requestId())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .entity(html ? page(problem) : json(problem))
        .build();
  }

  public static String json(Problem problem) {
    return JSON.toJson(problem);
  }

  /** Browsers put text/html first; API clients ask for JSON or anything. */
  static boolean prefersHtml(String accept) {
    if (accept == null) {
      return false;
    }
    int html = accept.indexOf("text/html");
    int json = accept.indexOf("json");
    return html >= 0 && (json < 0 || html < json);
  }

  static String page(Problem problem) {
    String violations =
        problem.violations() == null
            ? ""
            : problem.violations().stream()
                .map(
                    v ->
                        "<li><strong>"
                            + Html.escape(v.field())
                            + "</strong>: "
                            + Html.escape(v.message())
                            + "</li>")
                .collect(Collectors.joining("", "<ul>", "</ul>"));
    return Page.titled(problem.title())
        .body(
            "<h1>"
                + Html.escape(problem.title())
                + "</h1><p>"
                + Html.escape(problem.detail())
                + "</p>"
                + violations
                + "<p class=\"reference\">Error "
                + problem.status()
                + ", reference <code>"
                + Html.escape(problem.requestId())
                + "</code>. Quote it when you report this problem.</p>"
                + "<p><a href=\"/\">Go to the CHILD CoP start page</a></p>")
        .render();
  }
}
