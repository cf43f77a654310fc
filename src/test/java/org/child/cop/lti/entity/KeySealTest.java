package org.child.cop.lti.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeySealTest {

  private static final String SECRET = "a-random-secret-of-at-least-32-characters";
  private static final String JWK =
      "{\"kty\":\"RSA\",\"d\":\"private exponent\",\"n\":\"modulus\"}";

  @Test
  void aSealedKeyOpensWithTheSameSecretAndShowsNothingOfTheKey() {
    String sealed = KeySeal.of(SECRET).seal(JWK);

    assertThat(KeySeal.isSealed(sealed)).isTrue();
    assertThat(sealed).startsWith("sealed:v1:").doesNotContain("private", "modulus", "RSA");
    assertThat(new KeySeal(SECRET).open(sealed)).isEqualTo(JWK);
  }

  @Test
  void sealingTheSameKeyTwiceGivesDifferentValues() {
    KeySeal seal = KeySeal.of(SECRET);

    assertThat(seal.seal(JWK)).isNotEqualTo(seal.seal(JWK));
  }

  @Test
  void anotherSecretCannotOpenIt() {
    String sealed = KeySeal.of(SECRET).seal(JWK);

    assertThatThrownBy(() -> new KeySeal(SECRET + "!").open(sealed))
        .isInstanceOf(KeySeal.Refused.class)
        .hasMessageContaining("another LTI_KEY_SEAL_SECRET");
  }

  @Test
  void aSealedKeyAlteredInTheDatabaseIsRefused() {
    String sealed = KeySeal.of(SECRET).seal(JWK);
    byte[] raw = Base64.getDecoder().decode(sealed.substring("sealed:v1:".length()));
    raw[raw.length / 2] ^= 1;
    String altered = "sealed:v1:" + Base64.getEncoder().encodeToString(raw);

    assertThatThrownBy(() -> KeySeal.of(SECRET).open(altered))
        .isInstanceOf(KeySeal.Refused.class)
        .hasMessageContaining("altered");
    assertThatThrownBy(() -> KeySeal.of(SECRET).open("sealed:v1:not base64!"))
        .isInstanceOf(KeySeal.Refused.class)
        .hasMessageContaining("damaged");
  }

  @Test
  void aShortSecretIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> KeySeal.of("short"))
        .isInstanceOf(KeySeal.Refused.class)
        .hasMessageContaining("at least 32 characters");
  }

  @Test
  void plainStoredKeysAreRecognisedAsUnsealed() {
    assertThat(KeySeal.isSealed(JWK)).isFalse();
    assertThat(KeySeal.isSealed(null)).isFalse();
  }
}
