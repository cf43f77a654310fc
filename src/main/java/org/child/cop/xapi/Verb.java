package org.child.cop.xapi;

import java.util.Objects;

/** What was done: an IRI, with a display text per language. */
public record Verb(String id, LanguageMap display) {

  /** The verb whose statements void another statement. */
  public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

  public Verb {
    Objects.requireNonNull(id, "id");
    Violations violations = new Violations();
    Syntax.requireIri(violations, id, "id");
    violations.throwIfAny();
  }

  public static Verb of(String id) {
    return new Verb(id, null);
  }

  public static Verb of(String id, String tag, String text) {
    return new Verb(id, LanguageMap.of(tag, text));
  }

  public static Verb voided() {
    return of(VOIDED, "en-US", "voided");
  }

  public boolean isVoiding() {
    return VOIDED.equals(id);
  }
}
