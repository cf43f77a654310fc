package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StatementCursorTest {

  @Test
  void aCursorComesBackAsItWasEncoded() {
    StatementFilter filter =
        new StatementFilter(
            "mbox:mailto:a@example.org",
            true,
            "http://example.org/v",
            "http://example.org/a",
            false,
            UUID.randomUUID(),
            Instant.parse("2026-01-01T00:00:00Z"),
            Instant.parse("2026-02-01T00:00:00.123Z"),
            25,
            true);
    StatementCursor cursor = new StatementCursor("credential-1", filter, "ids", true, 41, 99);

    assertThat(StatementCursor.decode(cursor.encode())).contains(cursor);
    assertThat(cursor.encode()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void anythingElseIsNoCursor() {
    assertThat(StatementCursor.decode("not a cursor")).isEmpty();
    assertThat(StatementCursor.decode("e30")).isEmpty();
  }

  @Test
  void aLimitOfZeroOrAboveTheMostIsTheServersLargestPage() {
    assertThat(filterWithLimit(0).limit()).isEqualTo(StatementFilter.MOST);
    assertThat(filterWithLimit(10_000).limit()).isEqualTo(StatementFilter.MOST);
    assertThat(filterWithLimit(7).limit()).isEqualTo(7);
  }

  private static StatementFilter filterWithLimit(int limit) {
    return new StatementFilter(null, false, null, null, false, null, null, null, limit, false);
  }
}
