package org.child.cop.lti.control;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;

/**
 * Base64url with the JDK's codec for the parts of a JWT that are signed but not secret: headers and
 * claims. nimbus decodes and encodes every part in constant time, which keys and secrets need and a
 * 3 kB id_token that crossed the browser does not; at ten times the JDK's cost it was a tenth of a
 * launch's CPU. Signatures, keys and secrets stay with nimbus.
 */
final class SignedButNotSecret {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private SignedButNotSecret() {}

  static Base64URL encode(String text) {
    return new Base64URL(ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The claims of a signed JWT, read from its payload as received.
   *
   * @throws ParseException when the payload is not Base64url of a JSON object
   */
  static JWTClaimsSet claims(SignedJWT jwt) throws ParseException {
    Base64URL payload = jwt.getParsedParts()[1];
    String json;
    try {
      json = new String(DECODER.decode(payload.toString()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new ParseException("the JWT's payload is not Base64url: " + e.getMessage(), 0);
    }
    return JWTClaimsSet.parse(json);
  }

  /** nimbus's processor, unchanged but for reading the claims as above. */
  static final class Processor extends DefaultJWTProcessor<SecurityContext> {

    @Override
    protected JWTClaimsSet extractJWTClaimsSet(JWT jwt) throws BadJWTException {
      if (!(jwt instanceof SignedJWT signed) || signed.getParsedParts() == null) {
        return super.extractJWTClaimsSet(jwt);
      }
      try {
        return claims(signed);
      } catch (ParseException e) {
        throw new BadJWTException(e.getMessage(), e);
      }
    }
  }
}
