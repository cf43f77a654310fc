package org.child.cop.lti;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An LMS's side of LTI Dynamic Registration on a loopback port: its OpenID configuration and its
 * registration endpoint, shaped like Moodle's (older string and newer object {@code
 * messages_supported}) or Canvas's. Like Moodle's registration_helper, it refuses a registration
 * that lacks a field Moodle requires, so a passing test proves the tool sends them; it records
 * every request it receives, so tests can see where the token went.
 */
final class RegistrationPlatform implements AutoCloseable {

  enum Shape {
    OLDER_MOODLE,
    MOODLE,
    CANVAS
  }

  /** One request as the platform saw it. */
  record Received(String method, String path, String authorization, String body) {}

  static final String TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";
  static final String NRPS =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";

  final Shape shape;
  final String host;
  final String token = "eyJ0eXAiOiJKV1QifQ." + UUID.randomUUID() + ".c2lnbmF0dXJl";
  final List<Received> received = new CopyOnWriteArrayList<>();

  /** What the registration endpoint answers as client id; fixed, a platform can repeat it. */
  String clientId = "client-" + UUID.randomUUID();

  /** Replaces the whole configuration document when set (for malformed ones). */
  String configurationBody;

  /** Where the configuration says to register, when not the platform's own endpoint. */
  String registrationEndpoint;

  /** The issuer the configuration claims, when not the platform's own address. */
  String issuer;

  private final HttpServer server;

  RegistrationPlatform(Shape shape, String host) {
    this.shape = shape;
    this.host = host;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(configurationPath(), this::configuration);
    server.createContext(registrationPath(), this::registration);
    server.createContext(
        "/moved",
        exchange -> {
          record(exchange, "");
          exchange.getResponseHeaders().set("Location", "http://169.254.169.254/latest/meta-data");
          exchange.sendResponseHeaders(302, -1);
          exchange.close();
        });
    server.start();
  }

  String base() {
    return "http://" + host + ":" + server.getAddress().getPort();
  }

  String configurationUrl() {
    return base() + configurationPath();
  }

  String issuer() {
    return issuer != null ? issuer : base();
  }

  List<Received> registrations() {
    return received.stream().filter(r -> r.method().equals("POST")).toList();
  }

  List<Received> configurationRequests() {
    return received.stream().filter(r -> r.path().equals(configurationPath())).toList();
  }

  /** The tool's registration as the platform last received it. */
  JsonObject lastRegistration() {
    List<Received> posts = registrations();
    return json(posts.get(posts.size() - 1).body());
  }

  private String configurationPath() {
    return shape == Shape.CANVAS
        ? "/api/lti/security/openid-configuration"
        : "/mod/lti/openid-configuration.php";
  }

  private String registrationPath() {
    return shape == Shape.CANVAS ? "/api/lti/registrations" : "/mod/lti/openid-registration.php";
  }

  private void configuration(HttpExchange exchange) throws IOException {
    record(exchange, "");
    String body = configurationBody != null ? configurationBody : configurationDocument();
    send(exchange, 200, body);
  }

  private String configurationDocument() {
    String base = base();
    String messages =
        switch (shape) {
          case OLDER_MOODLE -> "[\"LtiResourceLinkRequest\", \"LtiDeepLinkingRequest\"]";
          case MOODLE ->
              "[{\"type\": \"LtiResourceLinkRequest\"},"
                  + " {\"type\": \"LtiDeepLinkingRequest\", \"placements\": [\"ContentArea\"]}]";
          case CANVAS ->
              "[{\"type\": \"LtiResourceLinkRequest\", \"placements\": [\"account_navigation\","
                  + " \"course_navigation\", \"global_navigation\"]},"
                  + " {\"type\": \"LtiDeepLinkingRequest\", \"placements\": [\"assignment_selection\","
                  + " \"link_selection\", \"editor_button\"]}]";
        };
    boolean canvas = shape == Shape.CANVAS;
    return """
        {"issuer": "%s",
         "authorization_endpoint": "%s",
         "token_endpoint": "%s",
         "token_endpoint_auth_methods_supported": ["private_key_jwt"],
         "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
         "jwks_uri": "%s",
         "registration_endpoint": "%s",
         "scopes_supported": ["openid", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
         "response_types_supported": ["id_token"],
         "subject_types_supported": ["public", "pairwise"],
         "id_token_signing_alg_values_supported": ["RS256"],
         "claims_supported": ["sub", "iss", "name", "given_name", "family_name", "email"],
         "https://purl.imsglobal.org/spec/lti-platform-configuration": {
           "product_family_code": "%s", "version": "%s",
           "messages_supported": %s,
           "variables": ["ResourceLink.id", "Context.id"]}}
        """
        .formatted(
            issuer(),
            base + (canvas ? "/api/lti/authorize_redirect" : "/mod/lti/auth.php"),
            base + (canvas ? "/login/oauth2/token" : "/mod/lti/token.php"),
            base + (canvas ? "/api/lti/security/jwks" : "/mod/lti/certs.php"),
            registrationEndpoint != null ? registrationEndpoint : base + registrationPath(),
            canvas ? "canvas" : "moodle",
            canvas ? "cloud" : "4.5",
            messages);
  }

  private void registration(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    record(exchange, body);
    if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"error\": \"token_already_used\"}");
      return;
    }
    JsonObject registration;
    try {
      registration = json(body);
    } catch (RuntimeException e) {
      send(exchange, 400, "{\"error\": \"not JSON\"}");
      return;
    }
    String refusal = moodleRefusal(registration);
    if (refusal != null) {
      send(exchange, 400, "{\"error\": \"" + refusal + "\"}");
      return;
    }
    send(
        exchange,
        200,
        shape == Shape.CANVAS ? canvasAnswer(registration) : moodleAnswer(registration));
  }

  /**
   * What Moodle's registration_helper::registration_to_config refuses (LTI.md, "Registrations and
   * deployments"), or null. Canvas fails on the same omissions, less politely.
   */
  static String moodleRefusal(JsonObject registration) {
    for (String required :
        List.of("initiate_login_uri", "client_name", "jwks_uri", "token_endpoint_auth_method")) {
      if (!(registration.get(required) instanceof JsonString value)
          || value.getString().isBlank()) {
        return "missing required attribute " + required;
      }
    }
    if (!(registration.get("response_types") instanceof JsonArray types)
        || !types.contains(Json.createValue("id_token"))) {
      return "invalid_response_types";
    }
    if (!(registration.get("redirect_uris") instanceof JsonArray uris) || uris.isEmpty()) {
      return "invalid_redirect_uris";
    }
    if (!"private_key_jwt".equals(registration.getString("token_endpoint_auth_method"))) {
      return "invalid_token_endpoint_auth_method";
    }
    JsonValue type = registration.get("application_type");
    if (type != null && !Json.createValue("web").equals(type)) {
      return "invalid_application_type";
    }
    if (!(registration.get(TOOL_CONFIGURATION) instanceof JsonObject tool)) {
      return "missing required attribute " + TOOL_CONFIGURATION;
    }
    if (!(tool.get("domain") instanceof JsonString domain)
        || !(tool.get("target_link_uri") instanceof JsonString target)) {
      return "missing required attribute domain or target_link_uri";
    }
    if (!domain.getString().equals(URI.create(target.getString()).getHost())) {
      return "domain does not match the target_link_uri host";
    }
    return null;
  }

  /** As registration_helper::config_to_registration answers, deployment id inside. */
  private String moodleAnswer(JsonObject registration) {
    JsonObject tool = registration.getJsonObject(TOOL_CONFIGURATION);
    return Json.createObjectBuilder()
        .add("client_id", clientId)
        .add("token_endpoint_auth_method", "private_key_jwt")
        .add("response_types", Json.createArrayBuilder().add("id_token"))
        .add("jwks_uri", registration.getString("jwks_uri"))
        .add("initiate_login_uri", registration.getString("initiate_login_uri"))
        .add("grant_types", Json.createArrayBuilder().add("client_credentials").add("implicit"))
        .add("redirect_uris", registration.getJsonArray("redirect_uris"))
        .add("application_type", Json.createArrayBuilder().add("web"))
        .add("client_name", registration.getString("client_name"))
        .add("logo_uri", "")
        .add(
            "scope",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score"
                + " https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly"
                + " https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly"
                + " https://purl.imsglobal.org/spec/lti-ags/scope/lineitem "
                + NRPS)
        .add(
            TOOL_CONFIGURATION,
            Json.createObjectBuilder()
                .add("deployment_id", "7")
                .add("target_link_uri", tool.getString("target_link_uri"))
                .add("domain", tool.getString("domain"))
                .add("description", "")
                .add("claims", Json.createArrayBuilder().add("sub").add("iss").add("name")))
        .build()
        .toString();
  }

  /** As Canvas answers: no deployment id, and its administrator took the roster scope away. */
  private String canvasAnswer(JsonObject registration) {
    String granted =
        String.join(
            " ",
            List.of(registration.getString("scope").split(" ")).stream()
                .filter(scope -> !scope.equals(NRPS))
                .toList());
    return Json.createObjectBuilder(registration)
        .add("client_id", clientId)
        .add("scope", granted)
        .add(
            TOOL_CONFIGURATION,
            Json.createObjectBuilder(registration.getJsonObject(TOOL_CONFIGURATION))
                .add(
                    "https://canvas.instructure.com/lti/registration_config_url",
                    base() + "/api/lti/registrations/1/view"))
        .build()
        .toString();
  }

  private void record(HttpExchange exchange, String body) {
    received.add(
        new Received(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders().getFirst("Authorization"),
            body));
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
