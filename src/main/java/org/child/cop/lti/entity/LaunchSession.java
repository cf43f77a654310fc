package org.child.cop.lti.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * A verified launch, kept so that the tool's pages carry a short signed token that names it instead
 * of a session cookie. It holds the plain launch values (JSON) and the LTI service claims (JSON)
 * that only the {@code lti} package reads. A launch bound through LTI platform storage is pending
 * until the browser proves it holds the login's state.
 */
@Entity
@Table(name = "lti_launch_session")
public class LaunchSession {

  /** How long one launch serves its pages; a new launch from the LMS starts a new one. */
  public static final Duration LIFETIME = Duration.ofHours(8);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private String id;

  // lazy: a page resumes its launch on every request and reads only the launch's values
  @ManyToOne(optional = false, fetch = FetchType.LAZY)
  @JoinColumn(name = "platform_id")
  private Platform platform;

  @Column(nullable = false)
  private String launch;

  @Column(nullable = false)
  private String services;

  @Column(name = "binding_hash")
  private String bindingHash;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  protected LaunchSession() {}

  public LaunchSession(Platform platform, String launch, String services, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.platform = Objects.requireNonNull(platform);
    this.launch = Objects.requireNonNull(launch);
    this.services = Objects.requireNonNull(services);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
    this.expiresAt = now.plus(LIFETIME).atOffset(ZoneOffset.UTC);
  }

  /**
   * Holds the session back until the browser shows it read the login's state from platform storage;
   * returns the secret the launch page gets to prove it (only its hash is kept).
   */
  public String awaitBrowserBinding() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    bindingHash = hash(secret);
    return secret;
  }

  /** True when the secret is the one handed out; the session then serves pages. */
  public boolean bind(String secret, Instant now) {
    if (bindingHash == null || secret == null || !isLiveAt(now)) {
      return false;
    }
    boolean matches =
        MessageDigest.isEqual(
            bindingHash.getBytes(StandardCharsets.US_ASCII),
            hash(secret).getBytes(StandardCharsets.US_ASCII));
    if (matches) {
      bindingHash = null;
    }
    return matches;
  }

  /** Serves pages: bound to its browser and not expired. */
  public boolean servesAt(Instant now) {
    return bindingHash == null && isLiveAt(now);
  }

  private boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt.toInstant());
  }

  private static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  public String id() {
    return id;
  }

  public Platform platform() {
    return platform;
  }

  public String launch() {
    return launch;
  }

  public String services() {
    return services;
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }
}
