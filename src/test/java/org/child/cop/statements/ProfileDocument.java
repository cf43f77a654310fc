package org.child.cop.statements;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The project's xAPI profile as the tests read it, and the concepts it may reuse. */
final class ProfileDocument {

  static final Path PATH = Path.of("xapi-profiles", "child-cop.jsonld");
  static final String CONTEXT_IRI = "https://w3id.org/xapi/profiles/context";
  static final String LOCAL_CONTEXT = "/xapi/profile-context.jsonld";

  /** Concepts of the ADL-authored profiles (copied from shared/xapi) and of the ADL TLA profile. */
  private static final List<String> REUSABLE_CONCEPT_LISTS =
      List.of("/xapi/adl-concepts.tsv", "/xapi/tla-concepts.tsv");

  private static final JsonObject PROFILE = read();
  private static final Map<String, Reused> REUSABLE = readReusable();

  /** A concept of another profile: its type (Verb, ActivityType, ContextExtension...) and label. */
  record Reused(String type, String label) {}

  private ProfileDocument() {}

  static JsonObject json() {
    return PROFILE;
  }

  static String text() {
    try {
      return Files.readString(PATH);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonObject> concepts() {
    return objects("concepts");
  }

  static List<JsonObject> templates() {
    return objects("templates");
  }

  static List<JsonObject> patterns() {
    return objects("patterns");
  }

  static List<JsonObject> all() {
    return Stream.of(concepts(), templates(), patterns()).flatMap(List::stream).toList();
  }

  static Optional<JsonObject> concept(String iri) {
    return concepts().stream().filter(c -> c.getString("id").equals(iri)).findFirst();
  }

  static JsonObject template(String shortName) {
    return templates().stream()
        .filter(t -> shortName(t).equals(shortName))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no template " + shortName));
  }

  /** The last segment of a template id, which names its golden statement. */
  static String shortName(JsonObject template) {
    String id = template.getString("id");
    return id.substring(id.lastIndexOf('/') + 1);
  }

  static String currentVersion() {
    return PROFILE.getJsonArray("versions").getJsonObject(0).getString("id");
  }

  /** The type of a concept defined here or reusable from another profile, if it is either. */
  static Optional<String> typeOf(String iri) {
    Optional<String> ours = concept(iri).map(c -> c.getString("type"));
    return ours.isPresent() ? ours : Optional.ofNullable(REUSABLE.get(iri)).map(Reused::type);
  }

  static Map<String, Reused> reusable() {
    return REUSABLE;
  }

  static String english(JsonObject object, String languageMap) {
    JsonObject map = object.getJsonObject(languageMap);
    return map == null || !map.containsKey("en") ? "" : map.getString("en");
  }

  static List<String> strings(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value == null) {
      return List.of();
    }
    if (value instanceof JsonString single) {
      return List.of(single.getString());
    }
    return value.asJsonArray().getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private static List<JsonObject> objects(String key) {
    return PROFILE.getJsonArray(key).getValuesAs(JsonObject.class);
  }

  private static JsonObject read() {
    try (JsonReader reader = Json.createReader(Files.newBufferedReader(PATH))) {
      return reader.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Reused> readReusable() {
    Map<String, Reused> concepts = new HashMap<>();
    for (String list : REUSABLE_CONCEPT_LISTS) {
      List<String> lines = lines(list);
      for (String line : lines.subList(1, lines.size())) {
        String[] columns = line.split("\t", -1);
        concepts.putIfAbsent(columns[2], new Reused(columns[1], columns[3]));
      }
    }
    return Map.copyOf(concepts);
  }

  private static List<String> lines(String resource) {
    try (InputStream in = ProfileDocument.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new ArrayList<>(
          new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
