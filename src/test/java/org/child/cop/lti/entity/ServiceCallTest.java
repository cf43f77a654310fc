package org.child.cop.lti.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServiceCallTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final Platform PLATFORM =
      new Platform(
          "Moodle",
          "https://moodle.example.org",
          "client",
          URI.create("https://moodle.example.org/auth"),
          URI.create("https://moodle.example.org/token"),
          URI.create("https://moodle.example.org/jwks"),
          NOW);

  private ServiceCall score() {
    return ServiceCall.score(
        PLATFORM, "42", "2", URI.create("https://moodle.example.org/li/1"), "{}", null, NOW);
  }

  @Test
  void aFailedAttemptWaitsForTheNextOne() {
    ServiceCall call = score();

    call.failed("HTTP 500 from the score service", false, Duration.ofSeconds(30), 3, NOW);

    assertThat(call.status()).isEqualTo(ServiceCall.Status.PENDING);
    assertThat(call.attempts()).isEqualTo(1);
    assertThat(call.nextAttemptAt()).isEqualTo(NOW.plusSeconds(30));
    assertThat(call.lastError()).contains("HTTP 500 from the score service");
  }

  @Test
  void theCallIsGivenUpAfterTheLastAttemptOrAPermanentFailure() {
    ServiceCall call = score();
    for (int attempt = 0; attempt < 3; attempt++) {
      call.failed("HTTP 503", false, Duration.ofSeconds(1), 3, NOW);
    }
    assertThat(call.status()).isEqualTo(ServiceCall.Status.FAILED);
    assertThat(call.finishedAt()).contains(NOW);

    ServiceCall refused = score();
    refused.failed("The platform did not grant the scope", true, Duration.ofSeconds(1), 3, NOW);
    assertThat(refused.status()).isEqualTo(ServiceCall.Status.FAILED);
    assertThat(refused.attempts()).isEqualTo(1);
  }

  @Test
  void aRetryStartsAFreshRoundNowButADoneCallIsNotSentAgain() {
    ServiceCall call = score();
    call.failed("HTTP 500", true, Duration.ofSeconds(1), 3, NOW);

    call.retry(NOW.plusSeconds(60));

    assertThat(call.status()).isEqualTo(ServiceCall.Status.PENDING);
    assertThat(call.attempts()).isZero();
    assertThat(call.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
    call.succeeded(NOW.plusSeconds(61));
    assertThat(call.status()).isEqualTo(ServiceCall.Status.DONE);
    assertThatThrownBy(() -> call.retry(NOW.plusSeconds(62)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aLongErrorIsShortened() {
    ServiceCall call = score();
    call.failed("x".repeat(2000), false, Duration.ofSeconds(1), 3, NOW);
    assertThat(call.lastError().orElseThrow()).hasSize(500);
  }
}
