package org.child.cop.lrs.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertUtils;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.child.cop.xapi.Attachment;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementJson;
import org.child.cop.xapi.XapiValidationException;

/**
 * Signed statements: the signature attachment must be a JWS (RS256, RS384 or RS512) whose payload
 * is the statement as it was before the signature was added, and which verifies with the
 * certificate of its {@code x5c} header when it has one.
 */
public final class StatementSignatures {

  public static final String USAGE = "http://adlnet.gov/expapi/attachments/signature";

  private static final Set<JWSAlgorithm> ALGORITHMS =
      Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512);

  private StatementSignatures() {}

  /** What is wrong with the statement's signature; empty when it holds. */
  public static Optional<String> problem(Statement statement, AttachmentContent signature) {
    JWSObject jws;
    try {
      jws = JWSObject.parse(new String(signature.bytes(), StandardCharsets.UTF_8).strip());
    } catch (ParseException e) {
      return Optional.of("the signature attachment is not a JWS");
    }
    if (!ALGORITHMS.contains(jws.getHeader().getAlgorithm())) {
      return Optional.of("the signature must use RS256, RS384 or RS512");
    }
    List<Base64> chain = jws.getHeader().getX509CertChain();
    if (chain != null && !chain.isEmpty()) {
      X509Certificate certificate = X509CertUtils.parse(chain.get(0).decode());
      if (certificate == null || !(certificate.getPublicKey() instanceof RSAPublicKey key)) {
        return Optional.of("the signature's x5c certificate is not an RSA certificate");
      }
      try {
        if (!jws.verify(new RSASSAVerifier(key))) {
          return Optional.of("the signature does not verify with its x5c certificate");
        }
      } catch (JOSEException e) {
        return Optional.of("the signature cannot be verified: " + e.getMessage());
      }
    }
    Statement signed;
    try {
      signed = StatementJson.read(jws.getPayload().toString(), null);
    } catch (XapiValidationException e) {
      return Optional.of("the signature's payload is not a valid statement");
    }
    Statement unsigned = withoutSignature(statement);
    if (signed.id() == null) {
      unsigned = unsigned.toBuilder().id(null).build();
    }
    return SameStatement.as(signed, unsigned)
        ? Optional.empty()
        : Optional.of("the signature's payload is not this statement");
  }

  /** The statement as it was before its signature attachment was added. */
  static Statement withoutSignature(Statement statement) {
    List<Attachment> others =
        statement.attachments().stream().filter(a -> !USAGE.equals(a.usageType())).toList();
    return statement.toBuilder().attachments(others.isEmpty() ? null : others).build();
  }
}
