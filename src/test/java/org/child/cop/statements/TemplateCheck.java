package org.child.cop.statements;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a statement template of an xAPI profile to one statement, as the xAPI Profiles 1.0
 * validation rules describe: the determining properties must match, then every rule must hold. No
 * profile validator is available here, so the tests carry this small one.
 */
final class TemplateCheck {

  private static final Configuration STATEMENT =
      Configuration.builder()
          .options(Option.ALWAYS_RETURN_LIST, Option.SUPPRESS_EXCEPTIONS)
          .build();

  private static final Map<String, String> CONTEXT_ACTIVITY_TYPES =
      Map.of(
          "contextParentActivityType", "parent",
          "contextGroupingActivityType", "grouping",
          "contextCategoryActivityType", "category",
          "contextOtherActivityType", "other");

  private static final List<String> UNSUPPORTED =
      List.of("attachmentUsageType", "objectStatementRefTemplate", "contextStatementRefTemplate");

  private final JsonObject template;

  TemplateCheck(JsonObject template) {
    this.template = template;
  }

  /**
   * Whether the template applies: a statement with the template's determining properties that
   * claims the profile must follow the template's rules.
   */
  boolean appliesTo(String statementJson) {
    return determiningProperties(JsonPath.using(STATEMENT).parse(statementJson)).isEmpty();
  }

  /** Readable reasons why the statement does not follow the template; empty when it does. */
  List<String> violations(String statementJson) {
    DocumentContext statement = JsonPath.using(STATEMENT).parse(statementJson);
    List<String> violations = new ArrayList<>(determiningProperties(statement));
    for (JsonObject rule : template.getJsonArray("rules").getValuesAs(JsonObject.class)) {
      violations.addAll(rule(rule, statement));
    }
    return violations;
  }

  private List<String> determiningProperties(DocumentContext statement) {
    List<String> violations = new ArrayList<>();
    for (String key : UNSUPPORTED) {
      if (template.containsKey(key)) {
        violations.add(key + " is not supported by this check");
      }
    }
    if (template.containsKey("verb")) {
      expectOne(statement, "verb", "$.verb.id", template.getString("verb"), violations);
    }
    if (template.containsKey("objectActivityType")) {
      expectOne(
          statement,
          "objectActivityType",
          "$.object.definition.type",
          template.getString("objectActivityType"),
          violations);
    }
    CONTEXT_ACTIVITY_TYPES.forEach(
        (key, list) -> {
          List<Object> present =
              values(statement, "$.context.contextActivities." + list + "[*].definition.type");
          for (String type : ProfileDocument.strings(template, key)) {
            if (!present.contains(type)) {
              violations.add(
                  key + ": no " + list + " activity of type " + type + " (found " + present + ")");
            }
          }
        });
    return violations;
  }

  private static void expectOne(
      DocumentContext statement,
      String property,
      String location,
      String expected,
      List<String> violations) {
    List<Object> found = values(statement, location);
    if (!found.equals(List.of(expected))) {
      violations.add(property + ": expected " + expected + " at " + location + ", found " + found);
    }
  }

  private static List<String> rule(JsonObject rule, DocumentContext statement) {
    String location = rule.getString("location");
    String presence = rule.getString("presence", null);
    List<Object> values = values(statement, location);
    List<String> violations = new ArrayList<>();
    String where = "rule " + location;
    if ("included".equals(presence)) {
      if (values.isEmpty()) {
        violations.add(where + ": required but missing");
      } else if (values.contains(null)) {
        violations.add(where + ": required but null");
      }
    } else if ("excluded".equals(presence) && !values.isEmpty()) {
      violations.add(where + ": must be absent, found " + values);
    }
    boolean checkValues = !values.isEmpty() || presence == null;
    if (checkValues && rule.containsKey("any")) {
      List<Object> any = allowed(rule, "any");
      if (values.stream().noneMatch(value -> contains(any, value))) {
        violations.add(where + ": none of " + values + " is one of " + any);
      }
    }
    if (checkValues && rule.containsKey("all")) {
      List<Object> all = allowed(rule, "all");
      List<Object> others = values.stream().filter(value -> !contains(all, value)).toList();
      if (values.isEmpty() || !others.isEmpty()) {
        violations.add(where + ": " + values + " must all be among " + all);
      }
    }
    if (rule.containsKey("none")) {
      List<Object> none = allowed(rule, "none");
      List<Object> forbidden = values.stream().filter(value -> contains(none, value)).toList();
      if (!forbidden.isEmpty()) {
        violations.add(where + ": " + forbidden + " must not be used");
      }
    }
    return violations;
  }

  private static List<Object> values(DocumentContext statement, String location) {
    List<Object> values = statement.read(location);
    return values == null ? List.of() : values;
  }

  private static List<Object> allowed(JsonObject rule, String key) {
    return rule.getJsonArray(key).stream().map(TemplateCheck::plain).toList();
  }

  /** Profile values (JSON-P) and statement values (json-smart) compared as plain Java values. */
  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).bigDecimalValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      default -> value.toString();
    };
  }

  private static boolean contains(List<Object> allowed, Object value) {
    Object plain = value instanceof Number number ? new BigDecimal(number.toString()) : value;
    return allowed.stream()
        .anyMatch(
            candidate ->
                candidate instanceof BigDecimal decimal && plain instanceof BigDecimal other
                    ? decimal.compareTo(other) == 0
                    : Objects.equals(candidate, plain));
  }
}
