package org.child.cop.activities.ask;

import java.util.Arrays;

/** How soon the asker needs an answer, so colleagues can see what to pick up first. */
public enum Urgency {
  WHEN_YOU_CAN("When you can"),
  THIS_WEEK("This week"),
  TODAY("Today");

  private final String label;

  Urgency(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The urgency a form names, or a refusal the asker can act on. */
  public static Urgency of(String name) {
    return Arrays.stream(values())
        .filter(urgency -> urgency.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AskRefused("urgency", "Choose how soon you need an answer."));
  }
}
