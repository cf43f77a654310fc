package org.child.cop.statements;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks an extension value against its {@code inlineSchema}, for the JSON Schema keywords the
 * profile uses; any other keyword is reported, so a schema cannot silently outgrow the check.
 */
final class SchemaCheck {

  private static final Set<String> KNOWN =
      Set.of(
          "type",
          "enum",
          "pattern",
          // an annotation only, as JSON Schema treats it by default
          "format",
          "minimum",
          "maximum",
          "minLength",
          "minItems",
          "uniqueItems",
          "items",
          "required",
          "properties",
          "additionalProperties",
          "oneOf");

  private SchemaCheck() {}

  static JsonObject parse(String inlineSchema) {
    try (JsonReader reader = Json.createReader(new StringReader(inlineSchema))) {
      return reader.readObject();
    }
  }

  /** Readable reasons why the value (as json-smart reads it) does not fit; empty when it does. */
  static List<String> violations(JsonObject schema, Object value, String where) {
    List<String> violations = new ArrayList<>();
    for (String keyword : schema.keySet()) {
      if (!KNOWN.contains(keyword)) {
        violations.add(where + ": schema keyword " + keyword + " is not checked here");
      }
    }
    if (schema.containsKey("oneOf")) {
      long fits =
          schema.getJsonArray("oneOf").getValuesAs(JsonObject.class).stream()
              .filter(option -> violations(option, value, where).isEmpty())
              .count();
      if (fits != 1) {
        violations.add(where + ": fits " + fits + " of the oneOf schemas, not exactly one");
      }
    }
    if (schema.containsKey("type") && !hasType(value, schema.getString("type"))) {
      violations.add(where + ": " + value + " is not of type " + schema.getString("type"));
      return violations;
    }
    if (schema.containsKey("enum")
        && schema.getJsonArray("enum").stream().noneMatch(e -> same(e, value))) {
      violations.add(where + ": " + value + " is not one of " + schema.getJsonArray("enum"));
    }
    if (value instanceof String text) {
      if (schema.containsKey("pattern") && !text.matches(schema.getString("pattern"))) {
        violations.add(where + ": " + text + " does not match " + schema.getString("pattern"));
      }
      if (text.length() < schema.getInt("minLength", 0)) {
        violations.add(where + ": " + text + " is too short");
      }
    }
    if (value instanceof Number number) {
      BigDecimal decimal = new BigDecimal(number.toString());
      if (schema.containsKey("minimum")
          && decimal.compareTo(schema.getJsonNumber("minimum").bigDecimalValue()) < 0) {
        violations.add(where + ": " + number + " is below the minimum");
      }
      if (schema.containsKey("maximum")
          && decimal.compareTo(schema.getJsonNumber("maximum").bigDecimalValue()) > 0) {
        violations.add(where + ": " + number + " is above the maximum");
      }
    }
    if (value instanceof List<?> list) {
      if (list.size() < schema.getInt("minItems", 0)) {
        violations.add(where + ": fewer than " + schema.getInt("minItems") + " items");
      }
      if (schema.getBoolean("uniqueItems", false) && new HashSet<>(list).size() != list.size()) {
        violations.add(where + ": items repeat");
      }
      if (schema.containsKey("items")) {
        for (int i = 0; i < list.size(); i++) {
          violations.addAll(
              violations(schema.getJsonObject("items"), list.get(i), where + "[" + i + "]"));
        }
      }
    }
    if (value instanceof Map<?, ?> map) {
      for (JsonString required :
          schema.getJsonArray("required") == null
              ? List.<JsonString>of()
              : schema.getJsonArray("required").getValuesAs(JsonString.class)) {
        if (!map.containsKey(required.getString())) {
          violations.add(where + ": " + required.getString() + " is missing");
        }
      }
      JsonObject properties = schema.getJsonObject("properties");
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        String key = entry.getKey().toString();
        if (properties != null && properties.containsKey(key)) {
          violations.addAll(
              violations(properties.getJsonObject(key), entry.getValue(), where + "." + key));
        } else if (schema.get("additionalProperties") == JsonValue.FALSE) {
          violations.add(where + ": " + key + " is not allowed");
        }
      }
    }
    return violations;
  }

  private static boolean hasType(Object value, String type) {
    return switch (type) {
      case "object" -> value instanceof Map;
      case "array" -> value instanceof List;
      case "string" -> value instanceof String;
      case "integer" -> value instanceof Integer || value instanceof Long;
      case "number" -> value instanceof Number;
      case "boolean" -> value instanceof Boolean;
      default -> false;
    };
  }

  private static boolean same(JsonValue allowed, Object value) {
    return switch (allowed.getValueType()) {
      case STRING -> ((JsonString) allowed).getString().equals(value);
      case NUMBER ->
          value instanceof Number number
              && ((JsonNumber) allowed)
                      .bigDecimalValue()
                      .compareTo(new BigDecimal(number.toString()))
                  == 0;
      default -> false;
    };
  }
}
