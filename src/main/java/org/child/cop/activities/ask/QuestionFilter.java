package org.child.cop.activities.ask;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a member narrows the community's questions down: those still waiting for an accepted answer,
 * those with one, their own, their unit's, other units' (units as they were when asked).
 */
public enum QuestionFilter {
  ALL("All"),
  OPEN("Open"),
  ANSWERED("Answered"),
  MINE("Mine"),
  MY_UNIT("My unit"),
  OTHER_UNITS("Other units");

  private final String label;

  QuestionFilter(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The name a link carries, e.g. {@code my-unit}. */
  public String parameter() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The filter a link names; no name is {@link #ALL}, an unknown one is refused. */
  public static QuestionFilter of(String parameter) {
    if (parameter == null || parameter.isBlank()) {
      return ALL;
    }
    return Arrays.stream(values())
        .filter(filter -> filter.parameter().equals(parameter))
        .findFirst()
        .orElseThrow(
            () ->
                new AskRefused(
                    "filter", "Show all, open, answered, mine, my-unit or other-units questions."));
  }
}
