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

  /** The key it signs with now; {@link #rotateKey} replaces it, as a platform's rotation does. */
  volatile RSAKey key;

  private final java.util.concurrent.atomic.AtomicInteger keysetFetches =
      new java.util.concurrent.atomic.AtomicInteger();
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
          keysetFetches.incrementAndGet();
          byte[] body =
              new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.createContext("/course", exchange -> html(exchange, coursePage(query(exchange))));
    server.createContext("/frame", exchange -> html(exchange, loginForm(query(exchange))));
    server.createContext("/auth", exchange -> html(exchange, authorizationAnswer(query(exchange))));
    server.start();
  }

  // --- the browser loop: a course page framing the tool, login initiation, authorization

  private volatile String toolBase;

  /** The tool these pages launch, e.g. http://localhost:8080. */
  void launches(String toolBase) {
    this.toolBase = toolBase;
  }

  /**
   * A course page on this origin with the tool in an iframe, and the LMS side of LTI platform
   * storage: it answers lti.capabilities, lti.put_data and lti.get_data, keeps what the tool stores
   * per origin, and logs each message in {@code window.platformLog}. {@code storage=no} makes a
   * platform that offers no storage.
   */
  private String coursePage(Map<String, String> query) {
    String storage = query.getOrDefault("storage", "yes");
    return """
        <!DOCTYPE html><html lang="en"><head><title>Course</title></head><body>
        <h1>Infection control CoP</h1>
        <iframe name="tool" id="tool" title="CHILD CoP" src="/frame?storage=%s" width="900" height="700"></iframe>
        <script>
        window.platformLog = [];
        var stored = {};
        window.addEventListener('message', function (event) {
          var m = event.data || {};
          if (typeof m.subject !== 'string' || m.subject.indexOf('lti.') !== 0) { return; }
          window.platformLog.push(m.subject + ' ' + (m.key || ''));
          var reply = { subject: m.subject + '.response', message_id: m.message_id };
          if (m.subject === 'lti.capabilities') {
            reply.supported_messages = [{ subject: 'lti.put_data' }, { subject: 'lti.get_data' }];
          } else if (m.subject === 'lti.put_data') {
            stored[event.origin + ' ' + m.key] = m.value; reply.key = m.key; reply.value = m.value;
          } else if (m.subject === 'lti.get_data') {
            reply.key = m.key; reply.value = stored[event.origin + ' ' + m.key];
          } else {
            reply.error = { code: 'unsupported_subject', message: 'not supported' };
          }
          event.source.postMessage(reply, event.origin);
        });
        </script></body></html>
        """
        .formatted("no".equals(storage) ? "no" : "yes");
  }

  /** What the LMS puts in the iframe: the login initiation, posted to the tool at once. */
  private String loginForm(Map<String, String> query) {
    boolean storage = !"no".equals(query.get("storage"));
    return autoPost(
        toolBase + "/lti/login",
        fields(
            "iss",
            issuer,
            "login_hint",
            "2",
            "target_link_uri",
            toolBase + "/lti/launch",
            "client_id",
            clientId,
            "lti_message_hint",
            storage ? "storage" : "no-storage",
            "lti_deployment_id",
            "1",
            "lti_storage_target",
            storage ? "_parent" : null));
  }

  /** The authorization endpoint: checks the request as an LMS does, answers with the id_token. */
  private String authorizationAnswer(Map<String, String> query) {
    String redirect = toolBase + "/lti/launch";
    if (!redirect.equals(query.get("redirect_uri")) || !clientId.equals(query.get("client_id"))) {
      return "<p>invalid_request: redirect_uri or client_id</p>";
    }
    boolean storage = "storage".equals(query.get("lti_message_hint"));
    String idToken = sign(moodleLaunch(query.get("nonce"), "1").build());
    return autoPost(
        redirect,
        fields(
            "id_token",
            idToken,
            "state",
            query.get("state"),
            "lti_storage_target",
            storage ? "_parent" : null));
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        fields.put(namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return fields;
  }

  private static String autoPost(String action, Map<String, String> fields) {
    StringBuilder form =
        new StringBuilder("<!DOCTYPE html><html><body><form method=\"post\" action=\"")
            .append(attribute(action))
            .append("\">");
    fields.forEach(
        (name, value) ->
            form.append("<input type=\"hidden\" name=\"")
                .append(attribute(name))
                .append("\" value=\"")
                .append(attribute(value))
                .append("\">"));
    return form.append("</form><script>document.forms[0].submit();</script></body></html>")
        .toString();
  }

  private static String attribute(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
  }

  private static Map<String, String> query(com.sun.net.httpserver.HttpExchange exchange) {
    Map<String, String> query = new java.util.HashMap<>();
    String raw = exchange.getRequestURI().getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] parts = pair.split("=", 2);
        query.put(
            java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
            parts.length < 2 ? "" : java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
      }
    }
    return query;
  }

  private static void html(com.sun.net.httpserver.HttpExchange exchange, String page)
      throws IOException {
    byte[] body = page.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /** A new key pair under a new kid; the key set serves only the new one from now on. */
  void rotateKey(String kid) {
    key = newKey(kid);
  }

  /** How often the tool fetched the key set. */
  int keysetFetches() {
    return keysetFetches.get();
  }

  static RSAKey newKey(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).keyUse(KeyUse.SIGNATURE).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Where its pages and endpoints are: http://127.0.0.1:port. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
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

  /** A course designer's deep linking request as Moodle sends it, from the course editor. */
  JWTClaimsSet.Builder deepLinkingRequest(String nonce, String deploymentId, String data) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("deep_link_return_url", origin() + "/deep-link-return?course=42");
    settings.put("accept_types", List.of("ltiResourceLink"));
    settings.put("accept_presentation_document_targets", List.of("frame", "iframe", "window"));
    settings.put("accept_multiple", true);
    settings.put("auto_create", true);
    if (data != null) {
      settings.put("data", data);
    }
    return moodleLaunch(nonce, deploymentId)
        .claim(LTI + "message_type", "LtiDeepLinkingRequest")
        .claim(LTI + "resource_link", null)
        .claim(
            LTI + "roles",
            List.of(
                "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
                "http://purl.imsglobal.org/vocab/lis/v2/membership#ContentDeveloper"))
        .claim("https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings", settings);
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
