package org.child.bench.launch;

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
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The LMS side of the benchmark: its own RSA-2048 key, its key set on a loopback port, and
 * id_tokens shaped like Moodle 4.5's resource link launches. Signing is thread-safe (one
 * {@link RSASSASigner} per call, as a platform would do per request).
 */
public final class BenchPlatform implements AutoCloseable {

  static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

  final String issuer;
  final String clientId = "bench-" + UUID.randomUUID();
  final String deploymentId = "1";
  final RSAKey key;
  final AtomicInteger keysetFetches = new AtomicInteger();
  private final HttpServer server;

  public BenchPlatform(String issuer) throws IOException {
    this.issuer = issuer;
    this.key = newKey("bench-platform-key-1");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          keysetFetches.incrementAndGet();
          byte[] body = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
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

  String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String authorizationUrl() {
    return base() + "/auth";
  }

  /** The JSON an administrator posts to /api/admin/lti/platforms. */
  String registration() {
    return """
        {"name": "Bench Moodle", "issuer": "%s", "clientId": "%s",
         "authorizationUrl": "%s/auth", "tokenUrl": "%s/token", "keysetUrl": "%s/jwks",
         "deploymentIds": ["%s"]}
        """
        .formatted(issuer, clientId, base(), base(), base(), deploymentId);
  }

  /**
   * A Moodle 4.5 resource link launch for a learner of a course, with the claims Moodle sends
   * (names, email, context, resource link, launch presentation, tool platform, custom, AGS, NRPS).
   */
  static JWTClaimsSet moodleLaunch(
      String issuer,
      String clientId,
      String deploymentId,
      String toolBase,
      String nonce,
      int course,
      int user) {
    Instant now = Instant.now();
    String moodle = issuer;
    Map<String, Object> ags = new LinkedHashMap<>();
    ags.put(
        "scope",
        List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score"));
    ags.put("lineitems", moodle + "/mod/lti/services.php/" + course + "/lineitems?type_id=3");
    ags.put(
        "lineitem",
        moodle + "/mod/lti/services.php/" + course + "/lineitems/" + (100 + course) + "/lineitem?type_id=3");
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .audience(clientId)
        .subject(String.valueOf(user))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(60)))
        .claim("nonce", nonce)
        .claim("https://purl.imsglobal.org/spec/lti/claim/lis",
            Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
        .claim("given_name", "Learner")
        .claim("family_name", "Number " + user)
        .claim("middle_name", "")
        .claim("picture", moodle + "/theme/image.php/boost/core/1/u/f1")
        .claim("email", "learner" + user + "@example.org")
        .claim("name", "Learner Number " + user)
        .claim(LTI + "deployment_id", deploymentId)
        .claim(LTI + "target_link_uri", toolBase + "/lti/launch")
        .claim(LTI + "message_type", "LtiResourceLinkRequest")
        .claim(LTI + "version", "1.3.0")
        .claim(
            LTI + "resource_link",
            Map.of("title", "Ask the community", "description", "", "id", String.valueOf(1000 + course)))
        .claim(
            LTI + "context",
            Map.of(
                "id", String.valueOf(course),
                "label", "COP" + course,
                "title", "Infection control CoP " + course,
                "type", List.of("CourseSection")))
        .claim(
            LTI + "roles",
            List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"))
        .claim(
            LTI + "tool_platform",
            Map.of(
                "product_family_code", "moodle",
                "version", "2024100700",
                "guid", "moodle.example.org",
                "name", "Bench Moodle",
                "description", "Bench Moodle"))
        .claim(
            LTI + "launch_presentation",
            Map.of(
                "locale", "en",
                "document_target", "iframe",
                "return_url", moodle + "/mod/lti/return.php?course=" + course + "&launch_container=3&instanceid=" + (1000 + course) + "&sesskey=Bx6pCzHpTb"))
        .claim(LTI + "custom", Map.of("activity", "community-space"))
        .claim("https://purl.imsglobal.org/spec/lti-ags/claim/endpoint", ags)
        .claim(
            "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice",
            Map.of(
                "context_memberships_url",
                moodle + "/mod/lti/services.php/CourseSection/" + course + "/bindings/3/memberships",
                "service_versions", List.of("1.0", "2.0")))
        .build();
  }

  JWTClaimsSet launchClaims(String toolBase, String nonce, int course, int user) {
    return moodleLaunch(issuer, clientId, deploymentId, toolBase, nonce, course, user);
  }

  static String sign(JWTClaimsSet claims, RSAKey with) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).type(com.nimbusds.jose.JOSEObjectType.JWT).build(),
              claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(JWTClaimsSet claims) {
    return sign(claims, key);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
