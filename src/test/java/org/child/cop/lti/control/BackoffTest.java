package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
  void aNonsensicalBackoffIsRefused() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofHours(2), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
