package org.child.cop.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a statement may contain depends on the xAPI version of the request that sends it. */
class StatementJsonVersionTest {

  private static final String WITH_CONTEXT_AGENTS =
      """
      {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},
       "object":{"id":"http://example.org/a"},
       "context":{"contextAgents":[{"objectType":"contextAgent",
                                    "agent":{"mbox":"mailto:b@example.org"}}]}}
      """;

  private static final String LOCAL_TIME =
      """
      {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},
       "object":{"id":"http://example.org/a"},"timestamp":"2026-03-01T10:00:00"}
      """;

  @Test
  void aVersion2RequestMayUseContextAgents() {
    Statement statement = StatementJson.read(WITH_CONTEXT_AGENTS, XapiVersion.V2_0_0);

    assertThat(statement.context().contextAgents()).hasSize(1);
  }

  @Test
  void aVersion1RequestUsingContextAgentsIsRefusedAtThatMember() {
    assertThatThrownBy(() -> StatementJson.read(WITH_CONTEXT_AGENTS, XapiVersion.V1_0_3))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("context.contextAgents: is an xAPI 2.0 property");
  }

  @Test
  void aVersion1BatchUsingContextGroupsInASubStatementIsRefused() {
    String sub =
        """
        [{"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},
          "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:a@example.org"},
            "verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"},
            "context":{"contextGroups":[{"objectType":"contextGroup",
              "group":{"objectType":"Group","mbox":"mailto:g@example.org"}}]}}}]
        """;
    jakarta.json.JsonArray batch =
        jakarta.json.Json.createReader(new java.io.StringReader(sub)).readArray();

    assertThatThrownBy(() -> StatementJson.readList(batch, XapiVersion.V1_0_3))
        .hasMessageContaining("[0].object.context.contextGroups: is an xAPI 2.0 property");
    assertThat(StatementJson.readList(batch, XapiVersion.V2_0_0)).hasSize(1);
  }

  @Test
  void aVersion2RequestNeedsRfc3339TimestampsWithAnOffsetWhileVersion1AcceptsLocalTimes() {
    assertThatThrownBy(() -> StatementJson.read(LOCAL_TIME, XapiVersion.V2_0_0))
        .hasMessageContaining("timestamp: must carry a zone offset");
    assertThat(StatementJson.read(LOCAL_TIME, XapiVersion.V1_0_3).timestamp().text())
        .isEqualTo("2026-03-01T10:00:00");
  }

  @Test
  void aTimestampIsWrittenInUtcForTheSameInstant() {
    assertThat(new Timestamp("2026-03-01T12:00:00.250+02:00").inUtc().text())
        .isEqualTo("2026-03-01T10:00:00.250Z");
    assertThat(new Timestamp("2026-03-01T10:00:00.123456Z").inUtc().text())
        .isEqualTo("2026-03-01T10:00:00.123456Z");
    assertThat(new Timestamp("2026-03-01T10:00:00").inUtc().text())
        .isEqualTo("2026-03-01T10:00:00Z");
  }

  @Test
  void anActorIsReadAloneWithItsViolations() {
    assertThat(StatementJson.readActor("{\"mbox\":\"mailto:a@example.org\"}"))
        .isEqualTo(new Agent(null, Ifi.Mbox.of("a@example.org"), false));
    assertThatThrownBy(() -> StatementJson.readActor("{\"mbox\":\"a@example.org\"}"))
        .hasMessageContaining("mbox: must be a mailto: IRI");
  }
}
