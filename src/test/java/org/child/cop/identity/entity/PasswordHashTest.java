package org.child.cop.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashTest {

  @Test
  void matchesTheHashedPasswordAndNothingElse() {
    PasswordHash hash = PasswordHash.of("a long enough secret".toCharArray());

    assertThat(hash.matches("a long enough secret".toCharArray())).isTrue();
    assertThat(hash.matches("a long enough secreT".toCharArray())).isFalse();
    assertThat(hash.matches(new char[0])).isFalse();
  }

  @Test
  void survivesBeingStoredAndReadBack() {
    PasswordHash stored = PasswordHash.of("a long enough secret".toCharArray());

    PasswordHash read = PasswordHash.parse(stored.encoded());

    assertThat(read.matches("a long enough secret".toCharArray())).isTrue();
    assertThat(stored.encoded()).startsWith("pbkdf2-sha256$210000$");
  }

  @Test
  void twoHashesOfOnePasswordDifferBecauseOfTheSalt() {
    char[] password = "a long enough secret".toCharArray();

    assertThat(PasswordHash.of(password).encoded())
        .isNotEqualTo(PasswordHash.of(password).encoded());
  }

  @Test
  void neverShowsTheHashWhenPrinted() {
    PasswordHash hash = PasswordHash.of("a long enough secret".toCharArray());

    assertThat(hash.toString()).doesNotContain(hash.encoded().split("\\$")[3]);
  }

  @Test
  void refusesSomethingThatIsNotOurHashFormat() {
    assertThatThrownBy(() -> PasswordHash.parse("plain-text-password"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PasswordHash.parse("md5$1$c2FsdA$aGFzaA"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
