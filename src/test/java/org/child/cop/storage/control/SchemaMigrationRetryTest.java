package org.child.cop.storage.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SchemaMigrationRetryTest {

  @Test
  void retriesQuicklyAtFirstThenBackOffToFiveMinutes() {
    assertThat(SchemaMigration.retryAfter(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(SchemaMigration.retryAfter(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(SchemaMigration.retryAfter(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(SchemaMigration.retryAfter(7)).isEqualTo(Duration.ofMinutes(5));
    assertThat(SchemaMigration.retryAfter(1_000)).isEqualTo(Duration.ofMinutes(5));
  }
}
