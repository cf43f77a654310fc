package org.child.cop.statements;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * For tests elsewhere that read statements back from an LRS: does a stored statement follow its
 * profile template, and has it the shape (the same properties, values aside) of its golden fixture?
 */
public final class ProfileConformance {

  /** What an LRS adds to a statement it stores; the tool never sends these. */
  private static final Set<String> STORED_BY_THE_LRS = Set.of("stored", "authority", "version");

  private ProfileConformance() {}

  /** Readable reasons why the statement does not match; empty when it does. */
  public static List<String> problems(String templateShortName, String statementJson) {
    List<String> problems =
        new ArrayList<>(
            new TemplateCheck(ProfileDocument.template(templateShortName))
                .violations(statementJson));
    Set<String> golden = paths(json(GoldenStatements.of(templateShortName)));
    Set<String> stored = paths(json(statementJson));
    for (String path : golden) {
      if (!stored.contains(path)) {
        problems.add("missing " + path + " that the golden " + templateShortName + " has");
      }
    }
    for (String path : stored) {
      if (!golden.contains(path)) {
        problems.add("unexpected " + path + " that the golden " + templateShortName + " lacks");
      }
    }
    return problems;
  }

  /** The verb IRI of a template's golden statement. */
  public static String verbOf(String templateShortName) {
    return json(GoldenStatements.of(templateShortName)).getJsonObject("verb").getString("id");
  }

  private static Set<String> paths(JsonObject statement) {
    Set<String> paths = new TreeSet<>();
    statement.forEach(
        (name, value) -> {
          if (!STORED_BY_THE_LRS.contains(name)) {
            collect("$." + name, value, paths);
          }
        });
    return paths;
  }

  private static void collect(String path, JsonValue value, Set<String> paths) {
    paths.add(path);
    if (value instanceof JsonObject object) {
      object.forEach((name, child) -> collect(path + "." + name, child, paths));
    } else if (value instanceof JsonArray array) {
      array.forEach(child -> collect(path + "[]", child, paths));
    }
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
