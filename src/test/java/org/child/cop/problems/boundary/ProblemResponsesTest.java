package org.child.cop.problems.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.child.cop.problems.Problem;
import org.junit.jupiter.api.Test;

class ProblemResponsesTest {

  @Test
  void browsersGetHtmlAndProgramsGetJson() {
    assertThat(ProblemResponses.prefersHtml("text/html,application/xhtml+xml,*/*;q=0.8")).isTrue();
    assertThat(ProblemResponses.prefersHtml("application/json")).isFalse();
    assertThat(ProblemResponses.prefersHtml("application/json, text/html")).isFalse();
    assertThat(ProblemResponses.prefersHtml("*/*")).isFalse();
    assertThat(ProblemResponses.prefersHtml(null)).isFalse();
  }

  @Test
  void jsonLeavesOutViolationsWhenThereAreNone() {
    String json = ProblemResponses.json(Problem.of(404, "Not Found", "Nothing here.", "r-1"));

    assertThat(json)
        .contains("\"status\":404", "\"title\":\"Not Found\"", "\"requestId\":\"r-1\"")
        .doesNotContain("violations");
  }

  @Test
  void thePageEscapesEverythingItShows() {
    Problem problem =
        Problem.of(400, "Invalid <input>", "Bad <script>", "<id>")
            .withViolations(List.of(new Problem.Violation("<field>", "<message>")));

    String page = ProblemResponses.page(problem);

    assertThat(page).doesNotContain("<script>", "<field>", "<message>", "<input>", "<id>");
    assertThat(page).contains("&lt;script&gt;", "&lt;field&gt;", "Error 400");
  }
}
