package org.child.cop.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An LMS platform for tests: its own RSA keys, its key set served on a loopback port, and id_tokens
 * shaped like Moodle's and Canvas's.
 */
final class FakePlatform implements AutoCloseable {

  static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

  final String issuer;
  final String clientId = "client-" + UUID.randomUUID();
  final RSAKey key;
  private final HttpServer server;

  FakePlatform(String issuer) {
    this.issuer = issuer;
    this.key = newKey("platform-key-1");
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/jwks",
        exchange -> {
          byte[] body =
              new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String keysetUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  /** The registration an administrator would enter for this platform. */
  String registration(String deploymentId) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return """
        {"name": "Fake %s", "issuer": "%s", "clientId": "%s",
         "authorizationUrl": "%s/auth", "tokenUrl": "%s/token", "keysetUrl": "%s",
         "deploymentIds": ["%s"]}
        """
        .formatted(issuer, issuer, clientId, base, base, keysetUrl(), deploymentId);
  }

  /** A resource link launch as Moodle sends it, for an instructor. */
  JWTClaimsSet.Builder moodleLaunch(String nonce, String deploymentId) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(clientId)
        .subject("2")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", nonce)
        .claim("name", "Ada <Lovelace>")
        .claim("given_name", "Ada")
        .claim(LTI + "deployment_id", deploymentId)
        .claim(LTI + "target_link_uri", "http://localhost:8080/lti/launch")
        .claim(LTI + "message_type", "LtiResourceLinkRequest")
        .claim(LTI + "version", "1.3.0")
        .claim(LTI + "resource_link", Map.of("id", "7", "title", "Ask the community"))
        .claim(
            LTI + "context",
            Map.of("id", "42", "label", "COP101", "title", "Infection control CoP"))
        .claim(
            LTI + "roles",
            List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))
        .claim(
            LTI + "tool_platform",
            Map.of(
                "product_family_code",
                "moodle",
                "version",
                "2024100700",
                "guid",
                "moodle.example.org"));
  }

  /** A resource link launch as Canvas sends it, for a learner: course-level deployment ids. */
  JWTClaimsSet.Builder canvasLaunch(String nonce, String deploymentId) {
    return moodleLaunch(nonce, deploymentId)
        .subject("535fa085f22b4655f48cd5a36a9215f64c062838")
        .claim("name", "Grace Hopper")
        .claim(LTI + "resource_link", Map.of("id", "b6e6ae19-0d1e-4e9c-a3a4-2ae5d2a58a7b"))
        .claim(
            LTI + "context",
            Map.of("id", "4dde05e8ca1973bcca9bffc13e1548820eee93a3", "title", "Wound care CoP"))
        .claim(LTI + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
        .claim(
            LTI + "tool_platform",
            Map.of(
                "product_family_code",
                "canvas",
                "guid",
                "3M2CW3Ftd8vnfSOJjWE1KVvAQAAfwUe4bA7tBRSb:canvas-lms"));
  }

  String sign(JWTClaimsSet claims) {
    return sign(claims, key, key.getKeyID());
  }

  static String sign(JWTClaimsSet claims, RSAKey with, String kid) {
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
