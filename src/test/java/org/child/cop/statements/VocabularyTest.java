package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every IRI and keyword the code uses is one the profile defines or reuses, of the right kind. */
class VocabularyTest {

  private static final Pattern EXTENSION_IN_LOCATION = Pattern.compile("extensions\\['([^']+)'\\]");

  @Test
  void profileAndVersionAreTheProfilesOwn() {
    assertThat(Vocabulary.PROFILE.toString()).isEqualTo(ProfileDocument.json().getString("id"));
    assertThat(Vocabulary.PROFILE_VERSION.toString()).isEqualTo(ProfileDocument.currentVersion());
    assertThat(ProfileDocument.typeOf(Vocabulary.PROFILE_ACTIVITY_TYPE.toString()))
        .contains("ActivityType");
  }

  @Test
  void everyVerbIsAVerbOfTheProfileOrReusedWithItsLabel() {
    for (Vocabulary.Verb verb : Vocabulary.Verb.values()) {
      String iri = verb.iri().toString();
      assertThat(ProfileDocument.typeOf(iri)).as(verb.name()).contains("Verb");
      String label =
          ProfileDocument.concept(iri)
              .map(c -> ProfileDocument.english(c, "prefLabel"))
              .orElseGet(() -> ProfileDocument.reusable().get(iri).label());
      assertThat(verb.display()).as(verb.name()).isEqualTo(label);
    }
  }

  @Test
  void everyActivityTypeIsAnActivityTypeOfTheProfileOrReused() {
    assertThat(Vocabulary.ActivityType.values())
        .allSatisfy(
            type ->
                assertThat(ProfileDocument.typeOf(type.iri().toString()))
                    .as(type.name())
                    .contains("ActivityType"));
  }

  @Test
  void everyExtensionIsAnExtensionForThePlaceItGoes() {
    for (Vocabulary.Extension extension : Vocabulary.Extension.values()) {
      String expected =
          extension.place() == Vocabulary.Place.CONTEXT ? "ContextExtension" : "ResultExtension";
      assertThat(ProfileDocument.typeOf(extension.iri().toString()))
          .as(extension.name())
          .contains(expected);
    }
  }

  @Test
  void everyVerbActivityTypeAndExtensionOfTheTemplatesHasAConstant() {
    Set<String> verbs = iris(Vocabulary.Verb.values(), Vocabulary.Verb::iri);
    Set<String> activityTypes =
        iris(Vocabulary.ActivityType.values(), Vocabulary.ActivityType::iri);
    Set<String> extensions = iris(Vocabulary.Extension.values(), Vocabulary.Extension::iri);
    for (JsonObject template : ProfileDocument.templates()) {
      assertThat(verbs).contains(template.getString("verb"));
      assertThat(activityTypes).contains(template.getString("objectActivityType"));
      for (JsonObject rule : template.getJsonArray("rules").getValuesAs(JsonObject.class)) {
        Matcher extension = EXTENSION_IN_LOCATION.matcher(rule.getString("location"));
        while (extension.find()) {
          assertThat(extensions).as(rule.getString("location")).contains(extension.group(1));
        }
      }
    }
  }

  @Test
  void formatKeywordsAreAllowedByTheFormatSchema() {
    assertThat(enumOf(Vocabulary.Extension.ACTIVITY_FORMAT))
        .containsAll(
            Arrays.stream(Vocabulary.ActivityFormat.values())
                .map(Vocabulary.ActivityFormat::keyword)
                .toList());
  }

  @Test
  void roleKeywordsAreExactlyThoseOfTheRoleSchema() {
    assertThat(enumOf(Vocabulary.Extension.ROLE))
        .containsExactlyElementsOf(
            Arrays.stream(Vocabulary.Role.values()).map(Vocabulary.Role::keyword).toList());
  }

  @Test
  void phaseKeywordsMatchThePhaseSchema() {
    String pattern = schema(Vocabulary.Extension.PHASE).getString("pattern");

    assertThat(Vocabulary.Phase.values())
        .allSatisfy(phase -> assertThat(phase.keyword()).matches(pattern));
  }

  private static <E> Set<String> iris(E[] constants, Function<E, URI> iri) {
    return Arrays.stream(constants).map(c -> iri.apply(c).toString()).collect(Collectors.toSet());
  }

  private static JsonObject schema(Vocabulary.Extension extension) {
    String inline =
        ProfileDocument.concept(extension.iri().toString()).orElseThrow().getString("inlineSchema");
    try (JsonReader reader = Json.createReader(new StringReader(inline))) {
      return reader.readObject();
    }
  }

  private static List<String> enumOf(Vocabulary.Extension extension) {
    return schema(extension).getJsonArray("enum").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }
}
