package org.child.cop.lti.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One OIDC login begun by a platform: the {@code state} that the browser must bring back and the
 * {@code nonce} the id_token must carry, each usable once and only until it expires.
 */
@Entity
@Table(name = "lti_login_state")
public class LoginState {

  /** Longer than any id_token lifetime platforms use, short enough to be useless when stolen. */
  public static final Duration LIFETIME = Duration.ofMinutes(10);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private String state;

  @Column(nullable = false)
  private String nonce;

  // the id alone: logins and launches read the platform through a short-lived cache of its own
  @Column(name = "platform_id", nullable = false)
  private String platformId;

  @Column(name = "target_link_uri", nullable = false)
  private String targetLinkUri;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  // what the platform sent to /lti/login, to begin the same login again in a new window
  @Column(name = "login_hint")
  private String loginHint;

  @Column(name = "message_hint")
  private String messageHint;

  @Column(name = "deployment_id")
  private String deploymentId;

  protected LoginState() {}

  public LoginState(String platformId, URI targetLinkUri, Instant now) {
    this(platformId, targetLinkUri, null, null, null, now);
  }

  public LoginState(
      String platformId,
      URI targetLinkUri,
      String loginHint,
      String messageHint,
      String deploymentId,
      Instant now) {
    this.loginHint = fitting(loginHint, 2000);
    this.messageHint = fitting(messageHint, 4000);
    this.deploymentId = fitting(deploymentId, 255);
    this.state = random();
    this.nonce = random();
    this.platformId = Objects.requireNonNull(platformId);
    this.targetLinkUri = targetLinkUri.toString();
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.expiresAt = now.plus(LIFETIME).atOffset(ZoneOffset.UTC);
  }

  /** Spends the state: true once, while it has not expired; false for a replay or a late return. */
  public boolean use(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt.toInstant())) {
      return false;
    }
    usedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  /**
   * The login initiation to send this browser to again, top-level in a new window where the state
   * cookie is first-party, as the platform with this issuer and client id began it; empty when the
   * platform's hints were too long to keep.
   */
  public Optional<Map<String, String>> initiationAgain(String issuer, String clientId) {
    if (loginHint == null) {
      return Optional.empty();
    }
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("iss", issuer);
    parameters.put("client_id", clientId);
    parameters.put("login_hint", loginHint);
    parameters.put("target_link_uri", targetLinkUri);
    if (messageHint != null) {
      parameters.put("lti_message_hint", messageHint);
    }
    if (deploymentId != null) {
      parameters.put("lti_deployment_id", deploymentId);
    }
    return Optional.of(parameters);
  }

  private static String fitting(String value, int maxLength) {
    return value == null || value.length() > maxLength ? null : value;
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String state() {
    return state;
  }

  public String nonce() {
    return nonce;
  }

  public String platformId() {
    return platformId;
  }

  public URI targetLinkUri() {
    return URI.create(targetLinkUri);
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }
}
