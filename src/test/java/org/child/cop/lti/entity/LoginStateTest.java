package org.child.cop.lti.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginStateTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final String MOODLE = "a-platform-id";

  private static LoginState login() {
    return new LoginState(MOODLE, URI.create("https://cop.example.org/lti/launch"), NOW);
  }

  @Test
  void aStateCanBeUsedOnceOnly() {
    LoginState login = login();

    assertThat(login.use(NOW.plusSeconds(5))).isTrue();
    assertThat(login.use(NOW.plusSeconds(6))).as("replay").isFalse();
  }

  @Test
  void aStateExpiresAfterItsLifetime() {
    LoginState login = login();

    assertThat(login.use(NOW.plus(LoginState.LIFETIME))).isFalse();
  }

  @Test
  void stateAndNonceAreUnguessableAndDistinct() {
    LoginState one = login();
    LoginState two = login();

    assertThat(one.state()).hasSize(43).isNotEqualTo(one.nonce()).isNotEqualTo(two.state());
    assertThat(one.nonce()).hasSize(43).isNotEqualTo(two.nonce());
    assertThat(one.state()).matches("[A-Za-z0-9_-]+");
  }
}
