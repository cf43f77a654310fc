package org.child.cop.xapi;

/** The interaction types of SCORM-like question activities, as the specification names them. */
public enum InteractionType {
  TRUE_FALSE("true-false"),
  CHOICE("choice"),
  FILL_IN("fill-in"),
  LONG_FILL_IN("long-fill-in"),
  MATCHING("matching"),
  PERFORMANCE("performance"),
  SEQUENCING("sequencing"),
  LIKERT("likert"),
  NUMERIC("numeric"),
  OTHER("other");

  private final String json;

  InteractionType(String json) {
    this.json = json;
  }

  public String json() {
    return json;
  }

  /** The type written as {@code text}, or null if there is none. */
  static InteractionType fromJson(String text) {
    for (InteractionType type : values()) {
      if (type.json.equals(text)) {
        return type;
      }
    }
    return null;
  }
}
