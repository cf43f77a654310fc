package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.child.cop.lti.entity.LoginState;
import org.child.cop.settings.ToolSettings;

/**
 * OIDC third-party-initiated login, the first step of every launch: the platform names itself, the
 * tool checks it knows it, stores a state and a nonce, and sends the browser to the platform's
 * authorization endpoint. Nothing is fetched from a platform the tool does not know.
 */
@ApplicationScoped
public class Logins {

  /** What the platform sends to {@code /lti/login}. */
  public record Initiation(
      String issuer,
      String loginHint,
      String targetLinkUri,
      String messageHint,
      String clientId,
      String deploymentId) {}

  /** Where to send the browser, and the state it must bring back to the platform's launch. */
  public record Redirect(URI authorizationRequest, LoginState login, RegisteredPlatform platform) {}

  /** Why a login cannot begin, in words an LMS administrator can act on. */
  public static class Refused extends RuntimeException {
    private final boolean forbidden;

    Refused(String message, boolean forbidden) {
      super(message);
      this.forbidden = forbidden;
    }

    /** True when the platform is known but switched off; otherwise the request is wrong. */
    public boolean forbidden() {
      return forbidden;
    }
  }

  @PersistenceContext EntityManager em;
  @Inject ToolSettings settings;
  @Inject RegisteredPlatforms platforms;

  @Transactional
  public Redirect begin(Initiation initiation) {
    require(initiation.issuer(), "iss");
    require(initiation.loginHint(), "login_hint");
    require(initiation.targetLinkUri(), "target_link_uri");
    RegisteredPlatform platform = platformFor(initiation.issuer(), initiation.clientId());
    if (!platform.enabled()) {
      throw new Refused(platform.whyOff(), true);
    }
    URI target = ownTarget(initiation.targetLinkUri());
    LoginState login =
        new LoginState(
            platform.id(),
            target,
            initiation.loginHint(),
            initiation.messageHint(),
            initiation.deploymentId(),
            Instant.now());
    em.persist(login);
    return new Redirect(authorizationRequest(platform, initiation, login), login, platform);
  }

  private RegisteredPlatform platformFor(String issuer, String clientId) {
    List<RegisteredPlatform> candidates = platforms.byIssuer(issuer, clientId);
    if (candidates.isEmpty()) {
      throw new Refused(
          "No platform with issuer "
              + issuer
              + (clientId == null || clientId.isBlank() ? "" : " and client id " + clientId)
              + " is registered in CHILD CoP. Ask its administrator to register it.",
          false);
    }
    if (candidates.size() > 1) {
      throw new Refused(
          "Several registrations share the issuer "
              + issuer
              + "; the login must name its client_id.",
          false);
    }
    return candidates.get(0);
  }

  /** The launch must come back to this tool, never be steered elsewhere. */
  private URI ownTarget(String targetLinkUri) {
    URI target;
    try {
      target = URI.create(targetLinkUri.strip());
    } catch (IllegalArgumentException e) {
      throw new Refused("The target_link_uri is not a URL.", false);
    }
    URI base = settings.baseUrl();
    boolean ours =
        base.getScheme().equalsIgnoreCase(String.valueOf(target.getScheme()))
            && base.getHost().equalsIgnoreCase(String.valueOf(target.getHost()))
            && port(base) == port(target);
    if (!ours) {
      throw new Refused("The target_link_uri does not point at this tool (" + base + ").", false);
    }
    return target;
  }

  /** An explicit default port (https://host:443/) names the same place as none. */
  private static int port(URI uri) {
    if (uri.getPort() != -1) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  private URI authorizationRequest(
      RegisteredPlatform platform, Initiation initiation, LoginState login) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("scope", "openid");
    parameters.put("response_type", "id_token");
    parameters.put("response_mode", "form_post");
    parameters.put("prompt", "none");
    parameters.put("client_id", platform.clientId());
    parameters.put("redirect_uri", settings.baseUrl() + "/lti/launch");
    parameters.put("login_hint", initiation.loginHint());
    if (initiation.messageHint() != null) {
      parameters.put("lti_message_hint", initiation.messageHint());
    }
    parameters.put("state", login.state());
    parameters.put("nonce", login.nonce());
    String query =
        parameters.entrySet().stream()
            .map(p -> p.getKey() + "=" + URLEncoder.encode(p.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    String endpoint = platform.authorizationUrl().toString();
    return URI.create(endpoint + (endpoint.contains("?") ? "&" : "?") + query);
  }

  private static void require(String value, String parameter) {
    if (value == null || value.isBlank()) {
      throw new Refused("The login request has no " + parameter + ".", false);
    }
  }
}
