package org.child.bench.launch;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cryptographic work of one launch, alone. {@code verifyIdToken} is the tool's id_token check
 * as {@code Launches.verifiedClaims} does it (parse, RS256 only, a new DefaultJWTProcessor with a
 * JWSVerificationKeySelector over the platform's key set, DefaultJWTClaimsVerifier with audience,
 * issuer and nonce, 60 s skew, then the LTI claim checks), here over an in-memory key set rather
 * than the tool's cached remote one. The others are the RSA-2048 signatures around it: the
 * platform's id_token, and the tool's page token ({@code LaunchSessions.tokenFor}), with and
 * without re-parsing the stored private JWK as {@code ToolKey.signingKey()} does on every call;
 * and the page token check ({@code LaunchSessions.verifiedSubject}) the first page does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-XX:+UseSerialGC"})
public class IdTokenBenchmark {

  static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  static final String TOOL = "http://localhost:18080";

  RSAKey platformKey;
  JWKSource<SecurityContext> platformKeys;
  String issuer = "https://moodle.bench.example.org";
  String clientId = "bench-client";
  String nonce = "q2mNhGzqbJ6tHcBvW0gxPp8rXyA1sdKfLu7eZoYiT3E";
  String idToken;
  JWTClaimsSet idTokenClaims;

  RSAKey toolKey;
  String toolPrivateJwk;
  String toolPublicJwk;
  String pageToken;

  @Setup
  public void setUp() throws Exception {
    platformKey = BenchPlatform.newKey("bench-platform-key-1");
    platformKeys = new ImmutableJWKSet<>(new JWKSet(platformKey.toPublicJWK()));
    JWTClaimsSet moodle =
        BenchPlatform.moodleLaunch(issuer, clientId, "1", TOOL, nonce, 7, 7001, issuer);
    // valid for the whole fork (the load generator's tokens live 60 s)
    idTokenClaims =
        new JWTClaimsSet.Builder(moodle)
            .expirationTime(Date.from(Instant.now().plusSeconds(3600)))
            .build();
    idToken = BenchPlatform.sign(idTokenClaims, platformKey);
    toolKey = BenchPlatform.newKey("tool-key");
    toolPrivateJwk = toolKey.toJSONString();
    toolPublicJwk = toolKey.toPublicJWK().toJSONString();
    pageToken = signPageToken();
    if (!verifyIdToken().getSubject().equals("7001") || !verifyPageToken().equals("session-id")) {
      throw new IllegalStateException("the benchmark tokens do not verify");
    }
  }

  /** Launches.verifiedClaims, minus the key-set cache lookup and the database. */
  @Benchmark
  public JWTClaimsSet verifyIdToken() throws Exception {
    SignedJWT jwt = (SignedJWT) JWTParser.parse(idToken);
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
        || jwt.getHeader().getKeyID() == null) {
      throw new IllegalStateException();
    }
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, platformKeys));
    DefaultJWTClaimsVerifier<SecurityContext> rules =
        new DefaultJWTClaimsVerifier<>(
            clientId,
            new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build(),
            Set.of("sub", "exp", "iat", "nonce"));
    rules.setMaxClockSkew(60);
    processor.setJWTClaimsSetVerifier(rules);
    JWTClaimsSet claims = processor.process(jwt, null);
    Instant issued = claims.getIssueTime().toInstant();
    Instant now = Instant.now();
    if (issued.isBefore(now.minusSeconds(3600))
        || !"1.3.0".equals(claims.getClaim(LTI + "version"))
        || !"LtiResourceLinkRequest".equals(claims.getClaim(LTI + "message_type"))
        || claims.getJSONObjectClaim(LTI + "resource_link").get("id") == null
        || claims.getStringListClaim(LTI + "roles").isEmpty()) {
      throw new IllegalStateException("claims");
    }
    return claims;
  }

  /** The platform's side: one Moodle-shaped id_token, RS256 with a 2048-bit key. */
  @Benchmark
  public String signIdToken() {
    return BenchPlatform.sign(idTokenClaims, platformKey);
  }

  /** LaunchSessions.tokenFor with the private key already parsed. */
  @Benchmark
  public String signPageToken() throws JOSEException {
    return pageToken(toolKey);
  }

  /** LaunchSessions.tokenFor as the tool runs it: ToolKey.signingKey() re-parses the stored JWK. */
  @Benchmark
  public String signPageTokenParsingStoredKey() throws JOSEException, ParseException {
    return pageToken(RSAKey.parse(toolPrivateJwk));
  }

  /** LaunchSessions.verifiedSubject as the first page runs it (public key parsed each time). */
  @Benchmark
  public String verifyPageToken() throws ParseException, BadJOSEException, JOSEException {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(RSAKey.parse(toolPublicJwk)))));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            TOOL + "/pages", new JWTClaimsSet.Builder().issuer(TOOL).build(), Set.of("sub", "exp")));
    return processor.process(pageToken, null).getSubject();
  }

  private String pageToken(RSAKey key) throws JOSEException {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(TOOL)
            .audience(TOOL + "/pages")
            .subject("session-id")
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(1800)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
