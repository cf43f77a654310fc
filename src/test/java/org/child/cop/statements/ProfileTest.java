package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.child.cop.statements.ProfileDocument.english;
import static org.child.cop.statements.ProfileDocument.strings;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.jayway.jsonpath.JsonPath;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Lint of {@code xapi-profiles/child-cop.jsonld} against the structure rules of xAPI Profiles 1.0
 * and the project's own rules (XAPI.md, DOMAIN.md), since no profile validator is available.
 */
class ProfileTest {

  private static final String NAMESPACE = Vocabulary.PROFILE + "/";
  private static final List<String> OPERATORS =
      List.of("sequence", "alternates", "optional", "oneOrMore", "zeroOrMore");
  private static final Map<String, String> CONCEPT_FOLDERS =
      Map.of(
          "Verb", "verbs/",
          "ActivityType", "activity-types/",
          "ContextExtension", "extensions/",
          "ResultExtension", "extensions/",
          "ActivityExtension", "extensions/");
  private static final Pattern EXTENSION_IN_LOCATION =
      Pattern.compile("\\$\\.(context|result|object\\.definition)\\.extensions\\['([^']+)'\\]");
  private static final Set<String> TWO_PERSON_TEMPLATES =
      Set.of(
          "answered-question",
          "accepted-answer",
          "rated-answer",
          "voted-up-answer",
          "applied-answer",
          "interviewed-partner");

  @Test
  void profileCarriesTheRequiredTopLevelProperties() {
    JsonObject profile = ProfileDocument.json();

    assertThat(profile.getString("@context")).isEqualTo(ProfileDocument.CONTEXT_IRI);
    assertThat(profile.getString("id")).isEqualTo(Vocabulary.PROFILE.toString());
    assertThat(profile.getString("type")).isEqualTo("Profile");
    assertThat(profile.getString("conformsTo")).isEqualTo("https://w3id.org/xapi/profiles#1.0");
    assertThat(english(profile, "prefLabel")).isNotBlank();
    assertThat(english(profile, "definition")).isNotBlank();
    assertThat(profile.getJsonArray("versions")).isNotEmpty();
    assertThat(profile.getJsonObject("author").getString("type")).isEqualTo("Organization");
    assertThat(profile.getJsonObject("author").getString("name")).isEqualTo("CHILD CoP project");
  }

  @Test
  void versionsAreNewestFirstStartingWithTheCurrentVersion() {
    List<JsonObject> versions =
        ProfileDocument.json().getJsonArray("versions").getValuesAs(JsonObject.class);
    List<OffsetDateTime> times =
        versions.stream().map(v -> OffsetDateTime.parse(v.getString("generatedAtTime"))).toList();

    assertThat(ProfileDocument.currentVersion()).isEqualTo(Vocabulary.PROFILE_VERSION.toString());
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(versions).extracting(v -> v.getString("id")).doesNotHaveDuplicates();
    assertThat(versions).allSatisfy(v -> assertThat(v.getString("id")).startsWith(NAMESPACE));
  }

  @Test
  void everyConceptTemplateAndPatternIsInTheCurrentVersion() {
    assertThat(ProfileDocument.all())
        .allSatisfy(
            o ->
                assertThat(o.getString("inScheme", ""))
                    .as(o.getString("id"))
                    .isEqualTo(ProfileDocument.currentVersion()));
  }

  @Test
  void everyConceptTemplateAndPatternHasAnEnglishLabelAndDefinition() {
    assertThat(ProfileDocument.all())
        .allSatisfy(
            o -> {
              assertThat(english(o, "prefLabel")).as(o.getString("id")).isNotBlank();
              assertThat(english(o, "definition")).as(o.getString("id")).isNotBlank();
            });
  }

  @Test
  void idsAreUnique() {
    List<String> ids = ProfileDocument.all().stream().map(o -> o.getString("id")).toList();

    assertThat(ids).doesNotHaveDuplicates().doesNotContain(Vocabulary.PROFILE.toString());
  }

  @Test
  void idsLieUnderTheProfileNamespaceByKind() {
    assertThat(ProfileDocument.concepts())
        .allSatisfy(
            c ->
                assertThat(c.getString("id"))
                    .startsWith(NAMESPACE + CONCEPT_FOLDERS.get(c.getString("type"))));
    assertThat(ProfileDocument.templates())
        .allSatisfy(t -> assertThat(t.getString("id")).startsWith(NAMESPACE + "templates/"));
    assertThat(ProfileDocument.patterns())
        .allSatisfy(p -> assertThat(p.getString("id")).startsWith(NAMESPACE + "patterns/"));
  }

  @Test
  void noConceptOfAnotherProfileIsRedefined() {
    assertThat(ProfileDocument.concepts())
        .extracting(c -> c.getString("id"))
        .doesNotContainAnyElementsOf(ProfileDocument.reusable().keySet());
  }

  @Test
  void linksBetweenOurOwnConceptsPointToConceptsOfTheSameKind() {
    for (JsonObject concept : ProfileDocument.concepts()) {
      for (String link : List.of("broader", "narrower", "related")) {
        for (String target : strings(concept, link)) {
          assertThat(ProfileDocument.concept(target))
              .as(concept.getString("id") + " " + link)
              .hasValueSatisfying(
                  c -> assertThat(c.getString("type")).isEqualTo(concept.getString("type")));
        }
      }
    }
  }

  @Test
  void everyExtensionHasAnInlineSchemaThatIsJson() {
    List<JsonObject> extensions =
        ProfileDocument.concepts().stream()
            .filter(c -> c.getString("type").endsWith("Extension"))
            .toList();

    assertThat(extensions).isNotEmpty();
    assertThat(extensions)
        .allSatisfy(
            e -> {
              assertThat(e.containsKey("inlineSchema")).as(e.getString("id")).isTrue();
              try (JsonReader reader =
                  Json.createReader(new StringReader(e.getString("inlineSchema")))) {
                assertThat(reader.readValue().getValueType())
                    .as(e.getString("id"))
                    .isEqualTo(JsonValue.ValueType.OBJECT);
              }
            });
  }

  @Test
  void everyPatternHasExactlyOneOperator() {
    assertThat(ProfileDocument.patterns())
        .allSatisfy(
            p ->
                assertThat(OPERATORS.stream().filter(p::containsKey))
                    .as(p.getString("id"))
                    .hasSize(1));
  }

  @Test
  void patternMembersAreTemplatesOrPatternsOfThisProfile() {
    Set<String> known = new HashSet<>();
    ProfileDocument.templates().forEach(t -> known.add(t.getString("id")));
    ProfileDocument.patterns().forEach(p -> known.add(p.getString("id")));

    assertThat(ProfileDocument.patterns())
        .allSatisfy(p -> assertThat(members(p)).as(p.getString("id")).isSubsetOf(known));
  }

  @Test
  void everyPatternThatIsNotPrimaryIsUsedByAnotherPattern() {
    Set<String> used =
        ProfileDocument.patterns().stream()
            .flatMap(p -> members(p).stream())
            .collect(Collectors.toSet());

    assertThat(ProfileDocument.patterns())
        .filteredOn(p -> !p.getBoolean("primary", false))
        .allSatisfy(p -> assertThat(used).contains(p.getString("id")));
  }

  @Test
  void theAskAndAppreciativeInquiryPatternsArePrimary() {
    assertThat(ProfileDocument.patterns())
        .filteredOn(p -> p.getBoolean("primary", false))
        .extracting(p -> p.getString("id"))
        .containsExactlyInAnyOrder(
            NAMESPACE + "patterns/ask-the-community", NAMESPACE + "patterns/appreciative-inquiry");
  }

  @Test
  void sequencesAndAlternatesHaveAtLeastTwoMembers() {
    assertThat(ProfileDocument.patterns())
        .filteredOn(p -> p.containsKey("sequence") || p.containsKey("alternates"))
        .allSatisfy(p -> assertThat(members(p)).as(p.getString("id")).hasSizeGreaterThan(1));
  }

  @Test
  void alternatesHoldNeitherOptionalNorZeroOrMorePatterns() {
    Map<String, JsonObject> patterns = patternsById();

    assertThat(ProfileDocument.patterns())
        .filteredOn(p -> p.containsKey("alternates"))
        .allSatisfy(
            p ->
                assertThat(strings(p, "alternates"))
                    .filteredOn(patterns::containsKey)
                    .allSatisfy(
                        member ->
                            assertThat(patterns.get(member).keySet())
                                .as(p.getString("id") + " holds " + member)
                                .doesNotContain("optional", "zeroOrMore")));
  }

  @Test
  void noPatternContainsItself() {
    Map<String, JsonObject> patterns = patternsById();
    for (String id : patterns.keySet()) {
      Set<String> reached = new HashSet<>();
      List<String> next = new ArrayList<>(members(patterns.get(id)));
      while (!next.isEmpty()) {
        String member = next.remove(next.size() - 1);
        assertThat(member).as(id + " contains itself").isNotEqualTo(id);
        if (patterns.containsKey(member) && reached.add(member)) {
          next.addAll(members(patterns.get(member)));
        }
      }
    }
  }

  @Test
  void noTwoTemplatesShareTheirDeterminingProperties() {
    List<String> determining =
        List.of(
            "verb",
            "objectActivityType",
            "contextParentActivityType",
            "contextGroupingActivityType",
            "contextCategoryActivityType",
            "contextOtherActivityType",
            "attachmentUsageType");

    assertThat(ProfileDocument.templates())
        .extracting(
            t -> determining.stream().map(k -> k + "=" + Set.copyOf(strings(t, k))).toList())
        .doesNotHaveDuplicates();
  }

  @Test
  void templateVerbsAndActivityTypesAreDefinedHereOrReusedFromAnotherProfile() {
    for (JsonObject template : ProfileDocument.templates()) {
      String id = template.getString("id");
      assertThat(ProfileDocument.typeOf(template.getString("verb")))
          .as(id + " verb")
          .contains("Verb");
      List<String> activityTypes = new ArrayList<>(strings(template, "objectActivityType"));
      for (String key :
          List.of(
              "contextParentActivityType",
              "contextGroupingActivityType",
              "contextCategoryActivityType",
              "contextOtherActivityType")) {
        activityTypes.addAll(strings(template, key));
      }
      assertThat(activityTypes)
          .allSatisfy(
              type ->
                  assertThat(ProfileDocument.typeOf(type))
                      .as(id + " activity type " + type)
                      .contains("ActivityType"));
    }
  }

  @Test
  void extensionsNamedInRulesExistForThePlaceTheyAreUsed() {
    for (JsonObject template : ProfileDocument.templates()) {
      for (JsonObject rule : rules(template)) {
        Matcher extension = EXTENSION_IN_LOCATION.matcher(rule.getString("location"));
        while (extension.find()) {
          String expected =
              switch (extension.group(1)) {
                case "context" -> "ContextExtension";
                case "result" -> "ResultExtension";
                default -> "ActivityExtension";
              };
          assertThat(ProfileDocument.typeOf(extension.group(2)))
              .as(template.getString("id") + " " + rule.getString("location"))
              .contains(expected);
        }
      }
    }
  }

  @Test
  void everyRuleHasAValidJsonPathAndSomethingToCheck() {
    for (JsonObject template : ProfileDocument.templates()) {
      assertThat(rules(template)).as(template.getString("id")).isNotEmpty();
      for (JsonObject rule : rules(template)) {
        String location = rule.getString("location");
        assertThatCode(() -> JsonPath.compile(location)).as(location).doesNotThrowAnyException();
        // xAPI Profiles allow neither filter nor script expressions, nor deep scans
        assertThat(location).as(location).doesNotContain("?(", "(", "..");
        assertThat(
                rule.containsKey("presence")
                    || rule.containsKey("any")
                    || rule.containsKey("all")
                    || rule.containsKey("none"))
            .as(template.getString("id") + " " + location)
            .isTrue();
        if (rule.containsKey("presence")) {
          assertThat(rule.getString("presence")).isIn("included", "excluded", "recommended");
        }
      }
    }
  }

  @Test
  void everyTemplateRequiresTheCommunityInGrouping() {
    assertThat(ProfileDocument.templates())
        .allSatisfy(
            t -> {
              assertThat(strings(t, "contextGroupingActivityType"))
                  .containsExactly(Vocabulary.ActivityType.COMMUNITY.iri().toString());
              assertThat(requires(t, "$.context.contextActivities.grouping[*].id")).isTrue();
            });
  }

  @Test
  void everyTemplateRequiresTheProfileVersionInCategory() {
    assertThat(ProfileDocument.templates())
        .allSatisfy(
            t ->
                assertThat(rules(t))
                    .as(t.getString("id"))
                    .anySatisfy(
                        r -> {
                          assertThat(r.getString("location"))
                              .isEqualTo("$.context.contextActivities.category[*].id");
                          assertThat(r.getString("presence")).isEqualTo("included");
                          assertThat(strings(r, "any"))
                              .containsExactly(Vocabulary.PROFILE_VERSION.toString());
                        }));
  }

  @Test
  void everyTemplateRequiresTheOrgUnitAndTheRole() {
    assertThat(ProfileDocument.templates())
        .allSatisfy(
            t -> {
              assertThat(requires(t, extension(Vocabulary.Extension.ORG_UNIT) + ".id")).isTrue();
              assertThat(requires(t, extension(Vocabulary.Extension.ORG_UNIT) + ".path")).isTrue();
              assertThat(requires(t, extension(Vocabulary.Extension.ROLE))).isTrue();
            });
  }

  @Test
  void everyTemplateKeepsFreeTextAndPersonalIdentifiersOut() {
    assertThat(ProfileDocument.templates())
        .allSatisfy(
            t -> {
              assertThat(excludes(t, "$.result.response")).as(t.getString("id")).isTrue();
              assertThat(excludes(t, "$.actor.mbox")).as(t.getString("id")).isTrue();
              assertThat(excludes(t, "$.actor.name")).as(t.getString("id")).isTrue();
              assertThat(requires(t, "$.actor.account.name")).as(t.getString("id")).isTrue();
            });
  }

  @Test
  void everyActivityTemplateRequiresItsFormatParentAndRegistration() {
    assertThat(ProfileDocument.templates())
        .filteredOn(t -> !ProfileDocument.shortName(t).equals("joined-community"))
        .allSatisfy(
            t -> {
              assertThat(requires(t, extension(Vocabulary.Extension.ACTIVITY_FORMAT)))
                  .as(t.getString("id"))
                  .isTrue();
              assertThat(strings(t, "contextParentActivityType"))
                  .containsExactly(Vocabulary.ActivityType.COMMUNITY_ACTIVITY.iri().toString());
              assertThat(requires(t, "$.context.registration")).isTrue();
            });
  }

  @Test
  void everyTwoPersonTemplateRequiresTheCounterpart() {
    assertThat(ProfileDocument.templates())
        .filteredOn(t -> TWO_PERSON_TEMPLATES.contains(ProfileDocument.shortName(t)))
        .hasSize(TWO_PERSON_TEMPLATES.size())
        .allSatisfy(
            t ->
                assertThat(requires(t, extension(Vocabulary.Extension.COUNTERPART)))
                    .as(t.getString("id"))
                    .isTrue());
  }

  @Test
  void expansionWithTheLocalContextSucceedsAndDropsNothing() throws Exception {
    DocumentLoader offline =
        (url, options) -> {
          if (!url.toString().equals(ProfileDocument.CONTEXT_IRI)) {
            throw new JsonLdError(
                JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "no network in tests: " + url);
          }
          try (InputStream context =
              ProfileTest.class.getResourceAsStream(ProfileDocument.LOCAL_CONTEXT)) {
            return JsonDocument.of(context);
          } catch (java.io.IOException e) {
            throw new JsonLdError(JsonLdErrorCode.LOADING_DOCUMENT_FAILED, e.getMessage());
          }
        };

    JsonArray expanded =
        JsonLd.expand(JsonDocument.of(new StringReader(ProfileDocument.text())))
            .loader(offline)
            .get();

    assertThat(expanded).hasSize(1);
    JsonObject profile = expanded.getJsonObject(0);
    assertThat(profile.getString("@id")).isEqualTo(Vocabulary.PROFILE.toString());
    assertThat(properties(profile)).hasSize(properties(ProfileDocument.json()).size());
    assertSameProperties(
        ProfileDocument.concepts(),
        nodes(profile, "https://w3id.org/xapi/profiles/ontology#concepts"));
    assertSameProperties(
        ProfileDocument.templates(),
        nodes(profile, "https://w3id.org/xapi/profiles/ontology#templates"));
    assertSameProperties(
        ProfileDocument.patterns(),
        nodes(profile, "https://w3id.org/xapi/profiles/ontology#patterns"));
  }

  @Test
  void everyKeyInTheProfileIsATermOfTheContext() {
    Set<String> terms;
    try (JsonReader reader =
        Json.createReader(ProfileTest.class.getResourceAsStream(ProfileDocument.LOCAL_CONTEXT))) {
      terms = reader.readObject().getJsonObject("@context").keySet();
    }
    Set<String> keys = new HashSet<>();
    collectKeys(ProfileDocument.json(), keys);

    assertThat(keys)
        .allSatisfy(k -> assertThat(k.startsWith("@") || terms.contains(k)).as(k).isTrue());
  }

  private static void assertSameProperties(List<JsonObject> compact, List<JsonObject> expanded) {
    assertThat(expanded).hasSameSizeAs(compact);
    Map<String, JsonObject> byId =
        expanded.stream().collect(Collectors.toMap(n -> n.getString("@id"), n -> n));
    for (JsonObject node : compact) {
      JsonObject expandedNode = byId.get(node.getString("id"));
      assertThat(expandedNode).as(node.getString("id")).isNotNull();
      assertThat(properties(expandedNode))
          .as(node.getString("id") + " keeps every property")
          .hasSize(properties(node).size());
      if (node.containsKey("rules")) {
        List<JsonObject> rules =
            nodes(expandedNode, "https://w3id.org/xapi/profiles/ontology#rules");
        assertThat(rules).hasSameSizeAs(rules(node));
        for (int i = 0; i < rules.size(); i++) {
          assertThat(properties(rules.get(i))).hasSize(properties(rules(node).get(i)).size());
        }
      }
    }
  }

  /** Properties other than identity and type, in compact or expanded form. */
  private static Set<String> properties(JsonObject node) {
    return node.keySet().stream()
        .filter(k -> !Set.of("id", "type", "@id", "@type", "@context").contains(k))
        .collect(Collectors.toSet());
  }

  private static List<JsonObject> nodes(JsonObject expanded, String property) {
    return expanded.getJsonArray(property).getValuesAs(JsonObject.class);
  }

  private static void collectKeys(JsonValue value, Set<String> keys) {
    switch (value.getValueType()) {
      case OBJECT -> {
        JsonObject object = value.asJsonObject();
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
          keys.add(entry.getKey());
          // language maps are keyed by language tags, not terms
          if (!Set.of("prefLabel", "definition", "scopeNote").contains(entry.getKey())) {
            collectKeys(entry.getValue(), keys);
          }
        }
      }
      case ARRAY -> value.asJsonArray().forEach(v -> collectKeys(v, keys));
      default -> {}
    }
  }

  private static Map<String, JsonObject> patternsById() {
    return ProfileDocument.patterns().stream()
        .collect(Collectors.toMap(p -> p.getString("id"), p -> p));
  }

  private static List<String> members(JsonObject pattern) {
    return OPERATORS.stream().flatMap(op -> strings(pattern, op).stream()).toList();
  }

  private static List<JsonObject> rules(JsonObject template) {
    return template.getJsonArray("rules").getValuesAs(JsonObject.class);
  }

  private static boolean requires(JsonObject template, String location) {
    return rules(template).stream()
        .anyMatch(
            r ->
                r.getString("location").equals(location)
                    && "included".equals(r.getString("presence", "")));
  }

  private static boolean excludes(JsonObject template, String location) {
    return rules(template).stream()
        .anyMatch(
            r ->
                r.getString("location").equals(location)
                    && "excluded".equals(r.getString("presence", "")));
  }

  private static String extension(Vocabulary.Extension extension) {
    return "$." + extension.place().name().toLowerCase() + ".extensions['" + extension.iri() + "']";
  }
}
