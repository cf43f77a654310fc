package org.child.cop.lrs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.child.cop.lrs.LrsScope;

/**
 * A client of the embedded LRS: HTTP Basic with a key and a secret the tool made, the scopes it was
 * given and the tenant it belongs to. The secret is shown once and kept only as a hash.
 */
@Entity
@Table(name = "lrs_credential")
@NamedQuery(
    name = LrsCredential.BY_KEY,
    query = "select c from LrsCredential c where c.clientKey = :key")
@NamedQuery(name = LrsCredential.ALL, query = "select c from LrsCredential c order by c.createdAt")
public class LrsCredential {

  public static final String BY_KEY = "LrsCredential.byKey";
  public static final String ALL = "LrsCredential.all";

  /** Tenants are short names: {@code default}, an organisation's or a platform's. */
  public static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private String id;

  @Column(nullable = false)
  private String tenant;

  @Column(nullable = false)
  private String name;

  @Column(name = "client_key", nullable = false)
  private String clientKey;

  @Column(name = "secret_hash", nullable = false)
  private String secretHash;

  @Column(nullable = false)
  private String scopes;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected LrsCredential() {}

  /** A new credential and its secret, which exists only in this value once it is stored. */
  public record Issued(LrsCredential credential, String secret) {}

  public static Issued issue(String tenant, String name, Set<LrsScope> scopes, Instant now) {
    if (tenant == null || !TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException(
          "tenant must be lower-case letters, digits and dashes, such as default");
    }
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name is required (at most 200 characters)");
    }
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("at least one scope is required");
    }
    LrsCredential credential = new LrsCredential();
    credential.id = UUID.randomUUID().toString();
    credential.tenant = tenant;
    credential.name = name.strip();
    credential.clientKey = randomText(18);
    String secret = randomText(32);
    credential.secretHash = sha256(secret);
    credential.scopes =
        scopes.stream().map(LrsScope::text).sorted().collect(Collectors.joining(" "));
    credential.enabled = true;
    credential.createdAt = now.atOffset(ZoneOffset.UTC);
    return new Issued(credential, secret);
  }

  /**
   * The credential of the tool's own statement relay, which hands statements to the LRS in process:
   * a fixed key, and a secret nobody keeps, so it cannot be used over HTTP.
   */
  public static LrsCredential relay(String key, String tenant, Set<LrsScope> scopes, Instant now) {
    LrsCredential credential = issue(tenant, "CHILD CoP statement relay", scopes, now).credential();
    credential.clientKey = key;
    return credential;
  }

  /** Constant-time, so the time an answer takes says nothing about the secret. */
  public boolean accepts(String secret) {
    return enabled
        && secret != null
        && MessageDigest.isEqual(
            sha256(secret).getBytes(StandardCharsets.US_ASCII),
            secretHash.getBytes(StandardCharsets.US_ASCII));
  }

  public void enable(boolean enabled) {
    this.enabled = enabled;
  }

  public String id() {
    return id;
  }

  public String tenant() {
    return tenant;
  }

  public String name() {
    return name;
  }

  public String key() {
    return clientKey;
  }

  public Set<LrsScope> scopes() {
    return LrsScope.parse(scopes);
  }

  public boolean enabled() {
    return enabled;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  private static String randomText(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "LRS credential " + id + " (" + Objects.toString(name) + ", tenant " + tenant + ")";
  }
}
