package org.child.cop.lti.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ToolKeyTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void aNewKeySignsRs256AndIsNamedByItsThumbprint() throws Exception {
    ToolKey key = ToolKey.generate(NOW);

    assertThat(key.signs()).isTrue();
    assertThat(key.kid()).isEqualTo(key.publicKey().computeThumbprint().toString());
    assertThat(key.publicKey().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
    assertThat(key.publicKey().size()).isEqualTo(2048);
  }

  @Test
  void whatThePrivateKeySignsThePublishedKeyVerifies() throws Exception {
    ToolKey key = ToolKey.generate(NOW);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(),
            new JWTClaimsSet.Builder().issuer("child-cop").build());
    jwt.sign(new RSASSASigner(key.signingKey()));

    // as a platform would: parse the published set, pick the key by kid, verify
    JWKSet published = JWKSet.parse(new JWKSet(key.publicKey()).toString(true));
    RSAKey found = (RSAKey) published.getKeyByKeyId(jwt.getHeader().getKeyID());

    assertThat(SignedJWT.parse(jwt.serialize()).verify(new RSASSAVerifier(found))).isTrue();
  }

  @Test
  void thePublishedHalfHoldsNoPrivateParts() {
    RSAKey published = ToolKey.generate(NOW).publicKey();

    assertThat(published.isPrivate()).isFalse();
    assertThat(published.toJSONString())
        .doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"qi\"");
  }

  @Test
  void aRetiredKeyStopsSigningAndStaysPublishedForTheOverlap() {
    ToolKey key = ToolKey.generate(NOW);

    key.retire(NOW, Duration.ofDays(2));

    assertThat(key.signs()).isFalse();
    assertThat(key.isPublishedAt(NOW.plus(Duration.ofDays(1)))).isTrue();
    assertThat(key.isPublishedAt(NOW.plus(Duration.ofDays(2)))).isFalse();
  }

  @Test
  void retiringTwiceKeepsTheFirstDeadline() {
    ToolKey key = ToolKey.generate(NOW);
    key.retire(NOW, Duration.ofDays(2));

    key.retire(NOW.plus(Duration.ofDays(1)), Duration.ofDays(2));

    assertThat(key.unpublishAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
  }

  @Test
  void printingAKeyShowsOnlyItsId() {
    ToolKey key = ToolKey.generate(NOW);

    assertThat(key.toString()).isEqualTo("ToolKey " + key.kid());
  }

  @Test
  void theLaunchTokenSecretIsTheSameForOneKeyAndDiffersBetweenKeys() {
    ToolKey key = ToolKey.generate(NOW);
    ToolKey other = ToolKey.generate(NOW);

    assertThat(key.tokenSecret()).hasSize(32).isEqualTo(key.tokenSecret());
    assertThat(key.tokenSecret()).isNotEqualTo(other.tokenSecret());
  }
}
