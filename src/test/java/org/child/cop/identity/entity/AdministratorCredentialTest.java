package org.child.cop.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdministratorCredentialTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void admitsOnlyTheAdministratorWithTheRightPassword() {
    var credential = new AdministratorCredential("correct horse battery".toCharArray(), NOW);

    assertThat(credential.admits("admin", "correct horse battery".toCharArray())).isTrue();
    assertThat(credential.admits("admin", "correct horse batter".toCharArray())).isFalse();
    assertThat(credential.admits("Admin", "correct horse battery".toCharArray())).isFalse();
    assertThat(credential.admits("", "".toCharArray())).isFalse();
  }

  @Test
  void refusesPasswordsShorterThanTwelveCharacters() {
    assertThatThrownBy(() -> new AdministratorCredential("elevenchars".toCharArray(), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12");
  }

  @Test
  void aChangedPasswordReplacesTheOldOne() {
    var credential = new AdministratorCredential("the first password".toCharArray(), NOW);

    credential.changePassword("the second password".toCharArray(), NOW.plusSeconds(60));

    assertThat(credential.admits("admin", "the first password".toCharArray())).isFalse();
    assertThat(credential.admits("admin", "the second password".toCharArray())).isTrue();
    assertThat(credential.changedAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aTooShortNewPasswordLeavesTheOldOneInPlace() {
    var credential = new AdministratorCredential("the first password".toCharArray(), NOW);

    assertThatThrownBy(() -> credential.changePassword("short".toCharArray(), NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(credential.admits("admin", "the first password".toCharArray())).isTrue();
  }
}
