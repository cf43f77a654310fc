package org.child.cop.xapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Text in several languages, keyed by RFC 5646 language tags ({@code en-US}, {@code de}). */
public record LanguageMap(Map<String, String> entries) {

  public LanguageMap {
    Objects.requireNonNull(entries, "entries");
    Violations violations = new Violations();
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      violations.require(
          Syntax.isLanguageTag(entry.getKey()),
          entry.getKey() == null ? "" : entry.getKey(),
          "'" + entry.getKey() + "' is not an RFC 5646 language tag");
      Objects.requireNonNull(entry.getValue(), "text for " + entry.getKey());
    }
    violations.throwIfAny();
    entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
  }

  public static LanguageMap of(String tag, String text) {
    return new LanguageMap(Map.of(tag, text));
  }

  public static LanguageMap of(String tag, String text, String otherTag, String otherText) {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put(tag, text);
    entries.put(otherTag, otherText);
    return new LanguageMap(entries);
  }

  public Optional<String> get(String tag) {
    return Optional.ofNullable(entries.get(tag));
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }
}
