package org.child.cop.retries;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

  @Test
  void eachFailureDoublesTheWait() {
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(120));
    assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(8));
  }

  @Test
  void theWaitNeverExceedsTheLongest() {
    assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.after(1000)).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void jitterKeepsTheWaitBetweenHalfAndAllOfIt() {
    Random random = new Random(7);
    Set<Duration> seen = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      Duration wait = backoff.withJitter(2, random);
      assertThat(wait).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
      seen.add(wait);
    }
    assertThat(seen).hasSizeGreaterThan(100);
  }

  @Test
  void aNonsensicalBackoffIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
