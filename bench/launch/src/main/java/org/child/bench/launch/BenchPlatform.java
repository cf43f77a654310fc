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
import java.net.URLDecoder;
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
  /** The tool's calls to the platform's services, as Moodle would answer them. */
  final AtomicInteger tokenRequests = new AtomicInteger();
  final AtomicInteger rosterRequests = new AtomicInteger();
  final AtomicInteger scorePosts = new AtomicInteger();
  private final int usersPerCourse;
  private final HttpServer server;

  public BenchPlatform(String issuer) throws IOException {
    this(issuer, 20);
  }

  /**
   * A platform whose token endpoint issues tokens and whose NRPS and AGS endpoints answer, as a
   * working Moodle's do: the tool's service calls after each launch then cost what they cost
   * against a real LMS. (Without them every call failed at the token endpoint and was retried,
   * each time with a new RSA-signed client assertion.)
   */
  public BenchPlatform(String issuer, int usersPerCourse) throws IOException {
    this.issuer = issuer;
    this.usersPerCourse = usersPerCourse;
    this.key = newKey("bench-platform-key-1");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/token",
        exchange -> {
          tokenRequests.incrementAndGet();
          String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String scope = "";
          for (String field : form.split("&")) {
            if (field.startsWith("scope=")) {
              scope = URLDecoder.decode(field.substring(6), StandardCharsets.UTF_8);
            }
          }
          answer(
              exchange,
              200,
              "application/json",
              "{\"access_token\": \"" + UUID.randomUUID() + "\", \"token_type\": \"Bearer\","
                  + " \"expires_in\": 3600, \"scope\": \"" + scope + "\"}");
        });
    server.createContext(
        "/mod/lti/services.php/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          exchange.getRequestBody().readAllBytes();
          if (path.endsWith("/memberships")) {
            rosterRequests.incrementAndGet();
            answer(
                exchange,
                200,
                "application/vnd.ims.lti-nrps.v2.membershipcontainer+json",
                roster(path.split("/")[5]));
          } else if (path.endsWith("/scores")) {
            scorePosts.incrementAndGet();
            answer(exchange, 200, "application/json", "{}");
          } else {
            answer(exchange, 404, "text/plain", "not here");
          }
        });
    server.createContext(
        "/jwks",
        exchange -> {
          keysetFetches.incrementAndGet();
          answer(exchange, 200, "application/json", new JWKSet(key.toPublicJWK()).toString(true));
        });
    server.start();
  }

  /** The course's learners, as the load generator numbers them. */
  private String roster(String course) {
    int number = Integer.parseInt(course);
    StringBuilder members = new StringBuilder();
    for (int user = 1; user <= usersPerCourse; user++) {
      int id = number * 1000 + user;
      members
          .append(user > 1 ? "," : "")
          .append("{\"user_id\": \"")
          .append(id)
          .append("\", \"status\": \"Active\", \"name\": \"Learner Number ")
          .append(id)
          .append("\", \"roles\": [\"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner\"]}");
    }
    return "{\"id\": \"" + base() + "/memberships\", \"context\": {\"id\": \"" + number
        + "\"}, \"members\": [" + members + "]}";
  }

  private static void answer(
      com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
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
   * (names, email, context, resource link, launch presentation, tool platform, custom, AGS, NRPS),
   * its services (AGS, NRPS) at {@code services}.
   */
  static JWTClaimsSet moodleLaunch(
      String issuer,
      String clientId,
      String deploymentId,
      String toolBase,
      String nonce,
      int course,
      int user,
      String services) {
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
    ags.put("lineitems", services + "/mod/lti/services.php/" + course + "/lineitems?type_id=3");
    ags.put(
        "lineitem",
        services + "/mod/lti/services.php/" + course + "/lineitems/" + (100 + course) + "/lineitem?type_id=3");
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
                services + "/mod/lti/services.php/CourseSection/" + course + "/bindings/3/memberships",
                "service_versions", List.of("1.0", "2.0")))
        .build();
  }

  JWTClaimsSet launchClaims(String toolBase, String nonce, int course, int user) {
    return moodleLaunch(issuer, clientId, deploymentId, toolBase, nonce, course, user, base());
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
