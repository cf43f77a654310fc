package org.child.cop.lti.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.child.cop.lti.entity.Platform;
import org.child.cop.settings.ToolSettings;

/**
 * The tool's HTTP client for a platform's LTI Advantage services: it obtains access tokens by OAuth
 * 2 client credentials with a {@code private_key_jwt} assertion signed by the tool key, sends
 * service requests with them, and never follows a redirect (a service URL must come from a verified
 * launch, not from wherever a server points).
 */
@ApplicationScoped
public class PlatformServices {

  static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
  static final Duration ASSERTION_LIFETIME = Duration.ofMinutes(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  /** Used when a token response names no lifetime; short, since the platform said nothing. */
  static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(PlatformServices.class.getName());

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  @Inject AccessTokens tokens;
  @Inject ToolKeys keys;
  @Inject ToolSettings settings;

  /**
   * Sends a service request with a token for the scopes. A 401 means the platform no longer takes
   * the cached token: it is dropped and the request is sent once more with a new one.
   */
  HttpResponse<String> call(
      Platform platform, Set<String> scopes, HttpRequest.Builder request, String what) {
    AccessTokens.Key key = AccessTokens.Key.of(platform.issuer(), platform.clientId(), scopes);
    AccessTokens.Token token = token(platform, key);
    HttpResponse<String> response = send(authorized(request, token), what);
    if (response.statusCode() == 401) {
      tokens.drop(key, token);
      LOG.info(
          () ->
              "Platform "
                  + platform.id()
                  + " refused its access token at the "
                  + what
                  + "; asking for a new one");
      response = send(authorized(request, token(platform, key)), what);
    }
    return response;
  }

  /** A URL from a launch claim (or a page link of one), checked by the platform URL rules. */
  URI serviceUrl(String value, String what) {
    try {
      return PlatformUrls.check(value, what, settings.developmentMode());
    } catch (IllegalArgumentException e) {
      throw ServiceCallFailed.permanent("The " + what + " is refused: " + e.getMessage());
    }
  }

  private static HttpRequest.Builder authorized(
      HttpRequest.Builder request, AccessTokens.Token token) {
    return request
        .copy()
        .timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token.value());
  }

  /** One token request per key at a time, so calls performed together share the new token. */
  private AccessTokens.Token token(Platform platform, AccessTokens.Key key) {
    synchronized (tokens.lockFor(key)) {
      Instant now = Instant.now();
      AccessTokens.Token cached = tokens.usable(key, now);
      return cached != null ? cached : newToken(platform, key, now);
    }
  }

  private AccessTokens.Token newToken(Platform platform, AccessTokens.Key key, Instant now) {
    URI tokenUrl = serviceUrl(platform.tokenUrl().toString(), "token URL");
    String form =
        "grant_type=client_credentials&client_assertion_type="
            + encoded(ASSERTION_TYPE)
            + "&client_assertion="
            + encoded(assertion(platform, tokenUrl, now))
            + "&scope="
            + encoded(key.scopes());
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(tokenUrl)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)),
            "token endpoint");
    Map<String, Object> answer = json(response.body());
    if ("invalid_scope".equals(answer.get("error"))) {
      throw ServiceCallFailed.permanent("The platform did not grant the scope " + key.scopes());
    }
    if (response.statusCode() != 200) {
      throw ServiceCallFailed.retryable(
          "HTTP "
              + response.statusCode()
              + " from the platform's token endpoint"
              + oauthError(answer));
    }
    if (!(answer.get("access_token") instanceof String value) || value.isBlank()) {
      throw ServiceCallFailed.retryable("The platform's token endpoint gave no access token");
    }
    requireGranted(answer.get("scope"), key.scopes());
    AccessTokens.Token token = AccessTokens.Token.issued(value, lifetime(answer), now);
    tokens.keep(key, token);
    LOG.fine(() -> "Platform " + platform.id() + " issued an access token for " + key.scopes());
    return token;
  }

  /**
   * The platform may grant fewer scopes than asked (a Canvas administrator can remove them after
   * registration): then the service is not called at all.
   */
  static void requireGranted(Object grantedClaim, String requested) {
    if (!(grantedClaim instanceof String granted) || granted.isBlank()) {
      return; // RFC 6749: no scope in the answer means the scopes asked for
    }
    Set<String> missing = new TreeSet<>(Arrays.asList(requested.split(" ")));
    missing.removeAll(Arrays.asList(granted.strip().split("\\s+")));
    if (!missing.isEmpty()) {
      throw ServiceCallFailed.permanent(
          "The platform did not grant the scope " + String.join(" ", missing));
    }
  }

  private static Duration lifetime(Map<String, Object> answer) {
    Object expiresIn = answer.get("expires_in");
    long seconds;
    if (expiresIn instanceof Number number) {
      seconds = number.longValue();
    } else if (expiresIn instanceof String text && text.matches("\\d{1,9}")) {
      seconds = Long.parseLong(text);
    } else {
      return DEFAULT_TOKEN_LIFETIME;
    }
    return seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_TOKEN_LIFETIME;
  }

  /** The OAuth error code only: a description may echo anything. */
  private static String oauthError(Map<String, Object> answer) {
    return answer.get("error") instanceof String error && error.matches("[a-z_]{1,40}")
        ? " (" + error + ")"
        : "";
  }

  String assertion(Platform platform, URI tokenUrl, Instant now) {
    return keys.sign(
        new JWTClaimsSet.Builder()
            .issuer(platform.clientId())
            .subject(platform.clientId())
            .audience(tokenUrl.toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String what) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw ServiceCallFailed.retryable("The platform's " + what + " did not answer in time");
    } catch (IOException e) {
      throw ServiceCallFailed.retryable(
          "The platform's "
              + what
              + " could not be reached ("
              + e.getClass().getSimpleName()
              + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ServiceCallFailed.retryable("Interrupted while calling the platform's " + what);
    }
  }

  static Map<String, Object> json(String body) {
    try {
      return body == null || body.isBlank() ? Map.of() : JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      return Map.of();
    }
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
