package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.child.cop.lti.Score;
import org.junit.jupiter.api.Test;

class GradesTest {

  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  @Test
  void aStartIsPublishedWithoutAScore() {
    assertThat(Grades.scoreJson("535fa085", Score.started(AT)))
        .containsExactly(
            java.util.Map.entry("userId", "535fa085"),
            java.util.Map.entry("activityProgress", "Started"),
            java.util.Map.entry("gradingProgress", "NotReady"),
            java.util.Map.entry("timestamp", "2026-03-01T10:15:30.000Z"));
  }

  @Test
  void aGradedScoreCarriesItsValueAndMaximum() {
    assertThat(Grades.scoreJson("2", Score.graded(0.5, 1.0, AT.plusMillis(7))))
        .containsEntry("scoreGiven", 0.5)
        .containsEntry("scoreMaximum", 1.0)
        .containsEntry("activityProgress", "Completed")
        .containsEntry("gradingProgress", "FullyGraded")
        .containsEntry("timestamp", "2026-03-01T10:15:30.007Z");
  }

  @Test
  void theScoresUrlKeepsTheLineItemsQuery() {
    assertThat(
            Grades.scoresUrl(
                URI.create(
                    "https://moodle.example.org/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1")))
        .isEqualTo(
            URI.create(
                "https://moodle.example.org/mod/lti/services.php/2/lineitems/3/lineitem/scores?type_id=1"));
    assertThat(
            Grades.scoresUrl(
                URI.create("https://canvas.example.org/api/lti/courses/1/line_items/2/")))
        .isEqualTo(URI.create("https://canvas.example.org/api/lti/courses/1/line_items/2/scores"));
  }

  @Test
  void aQueryIsAddedToAUrlWithOrWithoutOne() {
    assertThat(
            Grades.withQuery(URI.create("https://lms/lineitems?type_id=1"), "resource_id", "a b"))
        .hasToString("https://lms/lineitems?type_id=1&resource_id=a+b");
    assertThat(Grades.withQuery(URI.create("https://lms/lineitems"), "resource_id", "x"))
        .hasToString("https://lms/lineitems?resource_id=x");
  }
}
