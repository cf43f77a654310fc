package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RegistrationThrottleTest {

  private static final Instant NOON = Instant.parse("2026-11-27T12:00:00Z");

  private final RegistrationThrottle throttle = new RegistrationThrottle();

  {
    throttle.attemptsPerHour = 3;
  }

  @Test
  void theAttemptAfterTheLimitIsRefusedWithTheTimeLeftInItsWindow() {
    for (int i = 0; i < 3; i++) {
      throttle.admit("203.0.113.9", NOON.plusSeconds(i));
    }

    assertThatThrownBy(() -> throttle.admit("203.0.113.9", NOON.plus(Duration.ofMinutes(20))))
        .isInstanceOfSatisfying(
            RegistrationRefused.class,
            refused -> {
              assertThat(refused.kind()).isEqualTo(RegistrationRefused.Kind.TOO_MANY);
              assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(40));
              assertThat(refused.getMessage()).contains("at most 3 an hour", "40 minutes");
            });
  }

  @Test
  void aNewWindowBeginsAnHourAfterTheFirstAttempt() {
    for (int i = 0; i < 4; i++) {
      try {
        throttle.admit("203.0.113.9", NOON);
      } catch (RegistrationRefused expected) {
        // the fourth
      }
    }

    throttle.admit("203.0.113.9", NOON.plus(Duration.ofHours(1)));
  }

  @Test
  void everyAddressOfOneIpv6Slash64CountsAsOneSource() {
    for (int i = 1; i <= 3; i++) {
      throttle.admit("2001:db8:1:2::" + i, NOON);
    }

    assertThatThrownBy(() -> throttle.admit("2001:db8:1:2:ffff::9", NOON))
        .isInstanceOf(RegistrationRefused.class);
    throttle.admit("2001:db8:1:3::1", NOON);
  }

  @Test
  void differentIpv4AddressesCountApart() {
    for (int i = 0; i < 3; i++) {
      throttle.admit("198.51.100.1", NOON);
    }

    throttle.admit("198.51.100.2", NOON);
    assertThat(RegistrationThrottle.source("198.51.100.2"))
        .isNotEqualTo(RegistrationThrottle.source("198.51.100.1"));
  }

  @Test
  void aFloodFromManySourcesForgetsTheOldestRatherThanRefusingNewcomers() {
    for (int i = 0; i < RegistrationThrottle.MAX_SOURCES; i++) {
      throttle.admit(
          "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), NOON.plusMillis(i));
    }

    throttle.admit("192.0.2.1", NOON.plusSeconds(60));
    throttle.admit("192.0.2.1", NOON.plusSeconds(61));
  }
}
