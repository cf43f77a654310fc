package org.child.cop.xapi;

import jakarta.json.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Extensions: absolute IRIs mapped to any JSON value, kept exactly as given. */
public record Extensions(Map<String, JsonValue> values) {

  public Extensions {
    Objects.requireNonNull(values, "values");
    Violations violations = new Violations();
    for (Map.Entry<String, JsonValue> entry : values.entrySet()) {
      violations.require(
          Syntax.isAbsoluteIri(entry.getKey()),
          entry.getKey() == null ? "" : entry.getKey(),
          "an extension key must be an absolute IRI");
      Objects.requireNonNull(entry.getValue(), "value of " + entry.getKey());
    }
    violations.throwIfAny();
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  public static Extensions of(String iri, JsonValue value) {
    return new Extensions(Map.of(iri, value));
  }

  /** A copy with one more (or a replaced) extension. */
  public Extensions with(String iri, JsonValue value) {
    Map<String, JsonValue> copy = new LinkedHashMap<>(values);
    copy.put(iri, value);
    return new Extensions(copy);
  }

  public Optional<JsonValue> get(String iri) {
    return Optional.ofNullable(values.get(iri));
  }
}
