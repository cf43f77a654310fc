package org.child.cop.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignInThrottleTest {

  private final MutableClock clock = new MutableClock();
  private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15), clock);

  @Test
  void locksAnAddressOutAfterTheAllowedFailures() {
    assertThat(throttle.failed("10.0.0.1")).isEqualTo(1);
    assertThat(throttle.failed("10.0.0.1")).isEqualTo(2);
    assertThat(throttle.lockedOut("10.0.0.1")).isEmpty();

    assertThat(throttle.failed("10.0.0.1")).isEqualTo(3);

    assertThat(throttle.lockedOut("10.0.0.1")).hasValue(Duration.ofMinutes(15));
  }

  @Test
  void otherAddressesAreNotLockedOut() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1");
    }

    assertThat(throttle.lockedOut("10.0.0.2")).isEmpty();
  }

  @Test
  void theLockoutEndsOnceItsTimeHasPassed() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("10.0.0.1");
    }
    clock.advance(Duration.ofMinutes(14));
    assertThat(throttle.lockedOut("10.0.0.1")).hasValue(Duration.ofMinutes(1));

    clock.advance(Duration.ofMinutes(1));

    assertThat(throttle.lockedOut("10.0.0.1")).isEmpty();
    assertThat(throttle.failed("10.0.0.1")).as("a new window starts").isEqualTo(1);
  }

  @Test
  void failuresFarApartDoNotAddUp() {
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");
    clock.advance(Duration.ofMinutes(16));

    assertThat(throttle.failed("10.0.0.1")).isEqualTo(1);
  }

  @Test
  void aSuccessfulSignInClearsTheCount() {
    throttle.failed("10.0.0.1");
    throttle.failed("10.0.0.1");

    throttle.succeeded("10.0.0.1");

    assertThat(throttle.failed("10.0.0.1")).isEqualTo(1);
  }

  @Test
  void manyAddressesCannotExhaustMemoryNorFreeALockedOutOne() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("attacker");
    }
    for (int i = 0; i < SignInThrottle.TRACKED_ADDRESSES + 10; i++) {
      throttle.failed("spray-" + i);
    }

    assertThat(throttle.lockedOut("attacker")).isPresent();
  }

  @Test
  void refusesASenselessConfiguration() {
    assertThatThrownBy(() -> new SignInThrottle(0, Duration.ofMinutes(1), clock))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SignInThrottle(5, Duration.ZERO, clock))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2026-11-26T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
