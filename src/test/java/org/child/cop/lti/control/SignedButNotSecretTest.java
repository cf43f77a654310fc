package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Date;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JDK's Base64url where nimbus would decode in constant time: same claims, same refusals. */
class SignedButNotSecretTest {

  private static RSAKey key;

  @BeforeAll
  static void key() throws Exception {
    key = new RSAKeyGenerator(2048).keyID("k1").generate();
  }

  private static String signed(JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static JWTClaimsSet process(String token) throws Exception {
    SignedButNotSecret.Processor processor = new SignedButNotSecret.Processor();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<SecurityContext>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
    return processor.process(SignedJWT.parse(token), null);
  }

  private static JWTClaimsSet claims() {
    return new JWTClaimsSet.Builder()
        .issuer("https://moodle.example.org")
        .subject("17")
        .claim("name", "Zoë Ångström — ward 3")
        .expirationTime(new Date(System.currentTimeMillis() + 60_000))
        .build();
  }

  @Test
  void theClaimsReadAreTheOnesNimbusReads() throws Exception {
    String token = signed(claims());

    JWTClaimsSet read = process(token);

    assertThat(read.toJSONObject())
        .isEqualTo(SignedJWT.parse(token).getJWTClaimsSet().toJSONObject());
    assertThat(read.getStringClaim("name")).isEqualTo("Zoë Ångström — ward 3");
  }

  @Test
  void aPayloadChangedAfterSigningIsRefused() throws Exception {
    String[] parts = signed(claims()).split("\\.");
    String forged =
        parts[0]
            + "."
            + SignedButNotSecret.encode(claims().toString().replace("\"17\"", "\"1\""))
            + "."
            + parts[2];

    assertThatThrownBy(() -> process(forged)).isInstanceOf(BadJOSEException.class);
  }

  @Test
  void aPayloadThatIsNotBase64urlIsRefused() throws Exception {
    String[] parts = signed(claims()).split("\\.");
    SignedJWT jwt =
        new SignedJWT(new Base64URL(parts[0]), new Base64URL("e30*"), new Base64URL(parts[2]));

    assertThatThrownBy(() -> SignedButNotSecret.claims(jwt)).isInstanceOf(ParseException.class);
    assertThatThrownBy(() -> process(jwt.serialize())).isInstanceOf(Exception.class);
  }

  @Test
  void encodingMatchesNimbus() {
    String json = claims().toString();

    assertThat(SignedButNotSecret.encode(json)).isEqualTo(Base64URL.encode(json));
  }
}
