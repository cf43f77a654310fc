package org.child.cop.lti;

import java.util.Map;
import java.util.Objects;

/**
 * One activity a course designer places through deep linking: an LTI resource link whose custom
 * parameters tell the tool, at each later launch, which activity to open; graded placements also
 * ask the platform for a grade-book column (line item).
 */
public record DeepLink(
    String title, String text, Map<String, String> custom, GradeColumn gradeColumn) {

  /** The line item the platform creates with the link. */
  public record GradeColumn(String label, double scoreMaximum, String resourceId, String tag) {}

  public DeepLink {
    Objects.requireNonNull(title, "title");
    custom = Map.copyOf(custom);
  }
}
