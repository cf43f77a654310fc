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
public final class FakePlatform implements AutoCloseable {

  public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

  public final String issuer;
  public final String clientId = "client-" + UUID.randomUUID();

  /** The key it signs with now; {@link #rotateKey} replaces it, as a platform's rotation does. */
  volatile RSAKey key;

  private final java.util.concurrent.atomic.AtomicInteger keysetFetches =
      new java.util.concurrent.atomic.AtomicInteger();
  private final HttpServer server;

  public FakePlatform(String issuer) {
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
    serveAdvantageServices();
    server.start();
  }

  // --- the browser loop: a course page framing the tool, login initiation, authorization

  private volatile String toolBase;

  /** The tool these pages launch, e.g. http://localhost:8080. */
  public void launches(String toolBase) {
    this.toolBase = toolBase;
  }

  private volatile java.util.function.Function<String, JWTClaimsSet.Builder> launchClaims;

  /**
   * Who the course page launches from now on: the id_token's claims for a nonce (by default
   * Moodle's instructor launch), so a browser test can be one member after another.
   */
  public void launchesAs(java.util.function.Function<String, JWTClaimsSet.Builder> claims) {
    this.launchClaims = claims;
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
    java.util.function.Function<String, JWTClaimsSet.Builder> claims = launchClaims;
    String idToken =
        sign(
            (claims == null
                    ? moodleLaunch(query.get("nonce"), "1")
                    : claims.apply(query.get("nonce")))
                .build());
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
  public String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  String keysetUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  /** The registration an administrator would enter for this platform. */
  public String registration(String deploymentId) {
    String base = "http://127.0.0.1:" + server.getAddress().getPort();
    return """
        {"name": "Fake %s", "issuer": "%s", "clientId": "%s",
         "authorizationUrl": "%s/auth", "tokenUrl": "%s/token", "keysetUrl": "%s",
         "deploymentIds": ["%s"]}
        """
        .formatted(issuer, issuer, clientId, base, base, keysetUrl(), deploymentId);
  }

  /** A resource link launch as Moodle sends it, for an instructor. */
  public JWTClaimsSet.Builder moodleLaunch(String nonce, String deploymentId) {
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
  public JWTClaimsSet.Builder deepLinkingRequest(String nonce, String deploymentId, String data) {
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

  public String sign(JWTClaimsSet claims) {
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

  // --- LTI Advantage services: the OAuth 2 token endpoint, NRPS rosters, AGS line items and scores

  public static final String AGS_CLAIM = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
  static final String NRPS_CLAIM =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
  static final String AGS_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/";
  public static final String SCORE_SCOPE = AGS_SCOPE + "score";
  public static final String LINE_ITEM_SCOPE = AGS_SCOPE + "lineitem";
  static final String NRPS_SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  static final String NRPS_MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
  static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";

  /** A request a service endpoint accepted, as it arrived. */
  public record Received(String path, String contentType, String body, java.time.Instant at) {}

  /** The scope parameter of each token request whose client assertion was valid. */
  final List<String> tokenRequests = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Why token requests were refused (a bad assertion, a replayed jti): tests expect none. */
  final List<String> tokenRefusals = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Roster pages served, by page number. */
  final List<Integer> rosterPages = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Scores posted with a valid token, and every attempt (failed ones too) with its time. */
  public final List<Received> scores = new java.util.concurrent.CopyOnWriteArrayList<>();

  final List<java.time.Instant> scoreAttempts = new java.util.concurrent.CopyOnWriteArrayList<>();

  final List<Received> lineItemsCreated = new java.util.concurrent.CopyOnWriteArrayList<>();

  private final Map<String, java.util.Set<String>> issuedTokens =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.Set<String> usedAssertionIds =
      java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.concurrent.atomic.AtomicInteger failingScores =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger bearerRefusals =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile java.util.Set<String> grantable =
      java.util.Set.of(SCORE_SCOPE, LINE_ITEM_SCOPE, AGS_SCOPE + "lineitem.readonly", NRPS_SCOPE);
  private volatile String toolKeySet;

  /** Where the tool publishes its keys: client assertions are verified against them. */
  public void trustsToolKeysAt(String jwksUrl) {
    this.toolKeySet = jwksUrl;
  }

  /** The scopes this platform grants, as a Canvas administrator may narrow them. */
  void grantsOnly(String... scopes) {
    grantable = java.util.Set.of(scopes);
  }

  /** The next {@code times} score posts fail with HTTP 500 (Integer.MAX_VALUE: until told). */
  void failScores(int times) {
    failingScores.set(times);
  }

  /** The next service request is refused with 401, as if its token had been revoked. */
  void refuseNextBearerToken() {
    bearerRefusals.set(1);
  }

  /** The NRPS claim a launch from this platform carries for a context. */
  Map<String, Object> nrpsClaim(String contextId) {
    return Map.of(
        "context_memberships_url",
        origin() + "/nrps/" + contextId + "/members",
        "service_versions",
        List.of("2.0"));
  }

  /** The AGS claim of a graded link, Moodle-shaped (the line item URL carries a query). */
  public Map<String, Object> agsClaim(String contextId, String lineItemId, String... scopes) {
    Map<String, Object> claim = new java.util.LinkedHashMap<>();
    claim.put("scope", List.of(scopes));
    claim.put("lineitems", origin() + "/ags/" + contextId + "/lineitems?type_id=1");
    if (lineItemId != null) {
      claim.put(
          "lineitem",
          origin() + "/ags/" + contextId + "/lineitems/" + lineItemId + "/lineitem?type_id=1");
    }
    return claim;
  }

  private void serveAdvantageServices() {
    server.createContext("/token", this::tokenEndpoint);
    server.createContext("/nrps/", this::membershipsEndpoint);
    server.createContext("/ags/", this::gradeBookEndpoint);
  }

  /** Client credentials with a private_key_jwt assertion, checked as a platform checks it. */
  private void tokenEndpoint(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    Map<String, String> form = form(exchange);
    String refusal = assertionRefusal(form);
    if (refusal != null) {
      tokenRefusals.add(refusal);
      respond(exchange, 400, "application/json", "{\"error\":\"invalid_client\"}");
      return;
    }
    java.util.Set<String> granted = new java.util.TreeSet<>();
    for (String scope : form.getOrDefault("scope", "").split(" ")) {
      if (grantable.contains(scope)) {
        granted.add(scope);
      }
    }
    if (granted.isEmpty()) {
      respond(exchange, 400, "application/json", "{\"error\":\"invalid_scope\"}");
      return;
    }
    tokenRequests.add(form.get("scope"));
    String token = UUID.randomUUID().toString();
    issuedTokens.put(token, granted);
    respond(
        exchange,
        200,
        "application/json",
        "{\"access_token\":\""
            + token
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\""
            + String.join(" ", granted)
            + "\"}");
  }

  private String assertionRefusal(Map<String, String> form) {
    if (!"client_credentials".equals(form.get("grant_type"))) {
      return "grant_type " + form.get("grant_type");
    }
    if (!"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
        .equals(form.get("client_assertion_type"))) {
      return "client_assertion_type " + form.get("client_assertion_type");
    }
    try {
      SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
      if (!JWSAlgorithm.RS256.equals(assertion.getHeader().getAlgorithm())) {
        return "alg " + assertion.getHeader().getAlgorithm();
      }
      JWKSet toolKeys =
          JWKSet.parse(org.child.cop.Http.get(java.net.URI.create(toolKeySet)).body());
      var key = toolKeys.getKeyByKeyId(assertion.getHeader().getKeyID());
      if (key == null) {
        return "unknown kid " + assertion.getHeader().getKeyID();
      }
      if (!assertion.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAKey()))) {
        return "signature";
      }
      JWTClaimsSet claims = assertion.getJWTClaimsSet();
      Instant now = Instant.now();
      if (!clientId.equals(claims.getIssuer()) || !clientId.equals(claims.getSubject())) {
        return "iss/sub " + claims.getIssuer() + "/" + claims.getSubject();
      }
      if (!claims.getAudience().contains(origin() + "/token")) {
        return "aud " + claims.getAudience();
      }
      if (claims.getExpirationTime() == null
          || claims.getIssueTime() == null
          || !claims.getExpirationTime().toInstant().isAfter(now)
          || claims.getExpirationTime().toInstant().isAfter(now.plusSeconds(305))
          || claims.getIssueTime().toInstant().isAfter(now.plusSeconds(60))) {
        return "exp/iat";
      }
      if (claims.getJWTID() == null || !usedAssertionIds.add(claims.getJWTID())) {
        return "jti missing or replayed";
      }
      return null;
    } catch (java.text.ParseException | JOSEException | RuntimeException e) {
      return "unreadable assertion: " + e;
    }
  }

  /** The bearer token's scopes allow this, and no refusal was asked for. */
  private boolean authorized(com.sun.net.httpserver.HttpExchange exchange, String... scopes)
      throws IOException {
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    java.util.Set<String> granted =
        header == null || !header.startsWith("Bearer ")
            ? null
            : issuedTokens.get(header.substring("Bearer ".length()));
    if (granted == null || bearerRefusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      if (granted != null) {
        issuedTokens.remove(header.substring("Bearer ".length()));
      }
      respond(exchange, 401, "application/json", "{\"error\":\"invalid_token\"}");
      return false;
    }
    if (java.util.Arrays.stream(scopes).noneMatch(granted::contains)) {
      respond(exchange, 403, "application/json", "{\"error\":\"insufficient_scope\"}");
      return false;
    }
    return true;
  }

  /**
   * Three pages linked by Link headers: Moodle-shaped members, then Canvas-shaped, then leavers.
   */
  private void membershipsEndpoint(com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    if (!authorized(exchange, NRPS_SCOPE)) {
      return;
    }
    if (!NRPS_MEDIA_TYPE.equals(exchange.getRequestHeaders().getFirst("Accept"))) {
      respond(exchange, 406, "text/plain", "Accept " + NRPS_MEDIA_TYPE);
      return;
    }
    String path = exchange.getRequestURI().getPath();
    String url = origin() + path;
    int page = Integer.parseInt(query(exchange).getOrDefault("page", "1"));
    rosterPages.add(page);
    String learner = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
    String instructor = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";
    String members =
        switch (page) {
          case 1 ->
              """
              {"status": "Active", "name": "Ada <Lovelace>", "picture": "https://moodle.example.org/pic/2",
               "given_name": "Ada", "family_name": "Lovelace", "email": "ada@example.org",
               "user_id": "2", "lis_person_sourcedid": "", "roles": ["%s"]},
              {"status": "Active", "name": "Florence Nightingale", "given_name": "Florence",
               "family_name": "Nightingale", "email": "florence@example.org", "user_id": "3",
               "lis_person_sourcedid": "", "roles": ["%s"]}
              """
                  .formatted(instructor, learner);
          case 2 ->
              """
              {"status": "Active", "name": "Grace Hopper", "picture": "https://canvas.example.org/avatar.png",
               "given_name": "Grace", "family_name": "Hopper",
               "user_id": "535fa085f22b4655f48cd5a36a9215f64c062838",
               "lti11_legacy_user_id": "535fa085f22b4655f48cd5a36a9215f64c062838", "roles": ["%s"]},
              {"status": "Active", "name": "Edith Cavell", "user_id": "b3c1d2e4-canvas-ta",
               "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"]}
              """
                  .formatted(learner);
          default ->
              """
              {"status": "Inactive", "name": "Mary Left", "user_id": "left-1", "roles": ["%s"]},
              {"status": "Deleted", "name": "Mary Deleted", "user_id": "deleted-1", "roles": ["%s"]},
              {"name": "No user id", "roles": ["%s"]}
              """
                  .formatted(learner, learner, learner);
        };
    if (page == 1) {
      exchange
          .getResponseHeaders()
          .add("Link", "<" + url + "?page=1>; rel=\"first\", <" + url + "?page=2>; rel=\"next\"");
    } else if (page == 2) {
      exchange.getResponseHeaders().add("Link", "<members?page=3>; rel=next");
      exchange.getResponseHeaders().add("Link", "<" + url + "?page=1>; rel=\"first\"");
    }
    respond(
        exchange,
        200,
        NRPS_MEDIA_TYPE,
        "{\"id\": \""
            + url
            + "\", \"context\": {\"id\": \"x\", \"title\": \"Course\"}, \"members\": ["
            + members
            + "]}");
  }

  /** Line items (found by resource_id, or created) and the scores posted to them. */
  private void gradeBookEndpoint(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (path.endsWith("/scores") && "POST".equals(method)) {
      scoreAttempts.add(Instant.now());
      if (!authorized(exchange, SCORE_SCOPE)) {
        return;
      }
      if (failingScores.getAndUpdate(n -> n == Integer.MAX_VALUE ? n : Math.max(0, n - 1)) > 0) {
        respond(exchange, 500, "text/plain", "grade book unavailable");
        return;
      }
      if (!SCORE_MEDIA_TYPE.equals(contentType)) {
        respond(exchange, 415, "text/plain", "Content-Type " + SCORE_MEDIA_TYPE);
        return;
      }
      scores.add(
          new Received(
              path + "?" + exchange.getRequestURI().getRawQuery(),
              contentType,
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
              Instant.now()));
      respond(exchange, 200, "application/json", "{}");
    } else if (path.endsWith("/lineitems") && "GET".equals(method)) {
      if (authorized(exchange, LINE_ITEM_SCOPE, AGS_SCOPE + "lineitem.readonly")) {
        String wanted = query(exchange).get("resource_id");
        String items =
            lineItemsCreated.stream()
                .filter(item -> wanted == null || item.body().contains("\"" + wanted + "\""))
                .map(Received::body)
                .collect(java.util.stream.Collectors.joining(","));
        respond(
            exchange, 200, "application/vnd.ims.lis.v2.lineitemcontainer+json", "[" + items + "]");
      }
    } else if (path.endsWith("/lineitems") && "POST".equals(method)) {
      if (authorized(exchange, LINE_ITEM_SCOPE)) {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String id = origin() + path + "/" + (lineItemsCreated.size() + 100) + "/lineitem?type_id=1";
        String created = "{\"id\":\"" + id + "\"," + body.strip().substring(1);
        lineItemsCreated.add(new Received(path, contentType, created, Instant.now()));
        respond(exchange, 201, "application/vnd.ims.lis.v2.lineitem+json", created);
      }
    } else {
      respond(exchange, 404, "text/plain", "no such grade book resource");
    }
  }

  private static Map<String, String> form(com.sun.net.httpserver.HttpExchange exchange)
      throws IOException {
    Map<String, String> form = new java.util.HashMap<>();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    for (String pair : body.split("&")) {
      String[] parts = pair.split("=", 2);
      form.put(
          java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length < 2 ? "" : java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return form;
  }

  private static void respond(
      com.sun.net.httpserver.HttpExchange exchange, int status, String type, String text)
      throws IOException {
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
