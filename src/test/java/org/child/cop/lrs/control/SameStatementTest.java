package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.child.cop.xapi.Statement;
import org.junit.jupiter.api.Test;

class SameStatementTest {

  private static final String SENT =
      """
      {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","actor":{"objectType":"Group",
        "member":[{"mbox":"mailto:a@example.org"},{"mbox":"mailto:b@example.org"}]},
       "verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"},
       "timestamp":"2026-03-01T12:00:00.000+02:00"}
      """;

  @Test
  void whatTheLrsSetsTimestampZonesAndMemberOrderAreNotDifferences() {
    Statement stored =
        Statement.fromJson(
            """
            {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee","actor":{"objectType":"Group",
              "member":[{"mbox":"mailto:b@example.org"},{"mbox":"mailto:a@example.org"}]},
             "verb":{"id":"http://example.org/v"},"object":{"id":"http://example.org/a"},
             "timestamp":"2026-03-01T10:00:00Z","stored":"2026-03-01T10:00:01Z",
             "authority":{"mbox":"mailto:lrs@example.org"},"version":"1.0.0"}
            """);

    assertThat(SameStatement.as(Statement.fromJson(SENT), stored)).isTrue();
  }

  @Test
  void durationsAreComparedToHundredthsOfASecond() {
    String timed =
        SENT.replace("\"timestamp\"", "\"result\":{\"duration\":\"PT1M4.5678S\"},\"timestamp\"");

    assertThat(
            SameStatement.as(
                Statement.fromJson(timed),
                Statement.fromJson(timed.replace("PT1M4.5678S", "PT1M4.56S"))))
        .isTrue();
    assertThat(
            SameStatement.as(
                Statement.fromJson(timed),
                Statement.fromJson(timed.replace("PT1M4.5678S", "PT1M4.57S"))))
        .isFalse();
    assertThat(SameStatement.toHundredths("PT4.50S")).isEqualTo("PT4.5S");
    assertThat(SameStatement.toHundredths("PT4.001S")).isEqualTo("PT4S");
    assertThat(SameStatement.toHundredths("P1DT2H")).isEqualTo("P1DT2H");
    assertThat(SameStatement.toHundredths("PT12S")).isEqualTo("PT12S");
  }

  @Test
  void anotherVerbIsAnotherStatement() {
    Statement other = Statement.fromJson(SENT.replace("example.org/v", "example.org/w"));

    assertThat(SameStatement.as(Statement.fromJson(SENT), other)).isFalse();
  }
}
