package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The schema check behind the golden tests rejects values the profile's schemas forbid. */
class SchemaCheckTest {

  @Test
  void orgUnitWithoutPathIsRejected() {
    assertThat(violations(Vocabulary.Extension.ORG_UNIT, Map.of("id", "MED-CARD-W5")))
        .anyMatch(v -> v.contains("path is missing"));
  }

  @Test
  void counterpartWithAnEmailIsRejected() {
    Map<String, Object> agent =
        Map.of(
            "objectType",
            "Agent",
            "mbox",
            "mailto:nurse@example.org",
            "account",
            Map.of("homePage", "https://moodle.example.org", "name", "2841"));

    assertThat(violations(Vocabulary.Extension.COUNTERPART, agent)).isNotEmpty();
  }

  @Test
  void severalCounterpartsAreAccepted() {
    Map<String, Object> agent =
        Map.of("account", Map.of("homePage", "https://moodle.example.org", "name", "2841"));

    assertThat(violations(Vocabulary.Extension.COUNTERPART, List.of(agent, agent))).isEmpty();
  }

  @Test
  void unknownRoleIsRejected() {
    assertThat(violations(Vocabulary.Extension.ROLE, "head-nurse")).isNotEmpty();
  }

  @Test
  void negativeMinutesSavedAreRejected() {
    assertThat(violations(Vocabulary.Extension.MINUTES_SAVED, -5))
        .anyMatch(v -> v.contains("below the minimum"));
  }

  @Test
  void valueCycleOutsideWengerTraynersFiveIsRejected() {
    assertThat(violations(Vocabulary.Extension.VALUE_CYCLE, List.of("applied", "strategic")))
        .anyMatch(v -> v.contains("strategic"));
  }

  private static List<String> violations(Vocabulary.Extension extension, Object value) {
    String schema =
        ProfileDocument.concept(extension.iri().toString()).orElseThrow().getString("inlineSchema");
    return SchemaCheck.violations(SchemaCheck.parse(schema), value, extension.name());
  }
}
