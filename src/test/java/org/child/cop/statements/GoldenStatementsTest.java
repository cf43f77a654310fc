package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template's rules hold for its golden statement, and only for it. */
class GoldenStatementsTest {

  static Stream<String> templates() {
    return ProfileDocument.templates().stream().map(ProfileDocument::shortName);
  }

  @Test
  void everyTemplateHasExactlyOneGoldenStatement() {
    assertThat(GoldenStatements.names()).containsExactlyInAnyOrderElementsOf(templates().toList());
  }

  @ParameterizedTest
  @MethodSource("templates")
  void goldenStatementFollowsItsTemplate(String template) {
    TemplateCheck check = new TemplateCheck(ProfileDocument.template(template));

    assertThat(check.violations(GoldenStatements.of(template))).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void goldenStatementHasTheDeterminingPropertiesOfItsTemplateOnly(String template) {
    String statement = GoldenStatements.of(template);

    assertThat(ProfileDocument.templates())
        .filteredOn(t -> new TemplateCheck(t).appliesTo(statement))
        .extracting(ProfileDocument::shortName)
        .containsExactly(template);
  }

  @ParameterizedTest
  @MethodSource("templates")
  void goldenStatementFollowsNoOtherTemplate(String template) {
    String statement = GoldenStatements.of(template);

    assertThat(ProfileDocument.templates())
        .filteredOn(t -> new TemplateCheck(t).violations(statement).isEmpty())
        .extracting(ProfileDocument::shortName)
        .containsExactly(template);
  }

  @ParameterizedTest
  @MethodSource("templates")
  void goldenStatementUsesOnlyExtensionsOfTheProfileOrReusedOnes(String template) {
    String statement = GoldenStatements.of(template);
    for (String place : List.of("context", "result")) {
      Map<String, Object> extensions =
          JsonPath.using(
                  Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS))
              .parse(statement)
              .read("$." + place + ".extensions", Map.class);
      if (extensions == null) {
        continue;
      }
      String expected = place.equals("context") ? "ContextExtension" : "ResultExtension";
      assertThat(extensions.keySet())
          .allSatisfy(iri -> assertThat(ProfileDocument.typeOf(iri)).as(iri).contains(expected));
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void goldenStatementExtensionValuesFitTheirSchemas(String template) {
    String statement = GoldenStatements.of(template);
    for (String place : List.of("context", "result")) {
      Map<String, Object> extensions =
          JsonPath.using(
                  Configuration.defaultConfiguration().addOptions(Option.SUPPRESS_EXCEPTIONS))
              .parse(statement)
              .read("$." + place + ".extensions", Map.class);
      if (extensions == null) {
        continue;
      }
      extensions.forEach(
          (iri, value) ->
              ProfileDocument.concept(iri)
                  .ifPresent(
                      concept ->
                          assertThat(
                                  SchemaCheck.violations(
                                      SchemaCheck.parse(concept.getString("inlineSchema")),
                                      value,
                                      iri))
                              .isEmpty()));
    }
  }

  @ParameterizedTest
  @MethodSource("templates")
  void goldenStatementNamesItsVerbAsTheVocabularyDoes(String template) {
    String statement = GoldenStatements.of(template);
    String verb = JsonPath.read(statement, "$.verb.id");
    String display = JsonPath.read(statement, "$.verb.display.en");

    assertThat(Vocabulary.Verb.values())
        .filteredOn(v -> v.iri().toString().equals(verb))
        .singleElement()
        .satisfies(v -> assertThat(v.display()).isEqualTo(display));
  }
}
