package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.Key;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A platform's keys are converted once, and selected exactly as nimbus's own selector does. */
class PlatformKeySetsTest {

  private static RSAKey first;
  private static RSAKey second;

  private final AtomicReference<JWKSet> published = new AtomicReference<>();
  private final JWKSource<SecurityContext> source =
      (selector, context) -> selector.select(published.get());
  private final PlatformKeySets.ConvertedOnce selector = new PlatformKeySets.ConvertedOnce(source);

  @BeforeAll
  static void keys() throws Exception {
    first = new RSAKeyGenerator(2048).keyID("k1").generate();
    second = new RSAKeyGenerator(2048).keyID("k2").generate();
  }

  private static JWSHeader header(JWSAlgorithm algorithm, String kid) {
    return new JWSHeader.Builder(algorithm).keyID(kid).build();
  }

  private List<Key> selected(JWSHeader header) throws Exception {
    return selector.selectJWSKeys(header, null);
  }

  private List<Key> nimbusSelected(JWSHeader header) throws Exception {
    return new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source).selectJWSKeys(header, null);
  }

  @Test
  void aKnownKeyIsConvertedOnceAndIsThePlatformsPublicKey() throws Exception {
    published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));

    List<Key> once = selected(header(JWSAlgorithm.RS256, "k2"));
    List<Key> again = selected(header(JWSAlgorithm.RS256, "k2"));

    assertThat(once).containsExactly(second.toRSAPublicKey());
    assertThat(again.get(0)).isSameAs(once.get(0));
    assertThat(once).isEqualTo(nimbusSelected(header(JWSAlgorithm.RS256, "k2")));
  }

  @Test
  void withoutKidEveryRsaKeyIsACandidateAsWithNimbus() throws Exception {
    published.set(new JWKSet(List.of(first.toPublicJWK(), second.toPublicJWK())));

    assertThat(selected(header(JWSAlgorithm.RS256, null)))
        .containsExactly(first.toRSAPublicKey(), second.toRSAPublicKey())
        .isEqualTo(nimbusSelected(header(JWSAlgorithm.RS256, null)));
  }

  @Test
  void anUnknownKidOtherAlgorithmsAndOtherKeyTypesSelectNothing() throws Exception {
    published.set(
        new JWKSet(
            List.of(
                first.toPublicJWK(),
                new ECKeyGenerator(com.nimbusds.jose.jwk.Curve.P_256)
                    .keyID("ec")
                    .generate()
                    .toPublicJWK())));

    assertThat(selected(header(JWSAlgorithm.RS256, "forged"))).isEmpty();
    assertThat(selected(header(JWSAlgorithm.RS512, "k1"))).isEmpty();
    assertThat(selected(header(JWSAlgorithm.ES256, "ec"))).isEmpty();
    assertThat(selected(header(JWSAlgorithm.RS256, "ec"))).isEmpty();
  }

  @Test
  void aKeyReplacedUnderTheSameKidIsTheNewKey() throws Exception {
    published.set(new JWKSet(first.toPublicJWK()));
    Key before = selected(header(JWSAlgorithm.RS256, "k1")).get(0);
    RSAKey replaced = new RSAKeyGenerator(2048).keyID("k1").generate();

    published.set(new JWKSet(replaced.toPublicJWK()));

    assertThat(selected(header(JWSAlgorithm.RS256, "k1")))
        .containsExactly(replaced.toRSAPublicKey())
        .doesNotContain(before);
  }
}
