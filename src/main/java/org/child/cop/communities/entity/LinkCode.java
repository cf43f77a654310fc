package org.child.cop.communities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A code that links another course to a community: short enough to copy from one LMS course to
 * another, random enough (40 bits, one day, once) not to be guessed, and stored only as a hash.
 */
@Entity
@Table(name = "community_link_code")
public class LinkCode {

  public static final Duration LIFETIME = Duration.ofDays(1);

  // no 0/O, 1/I/L: people copy it by eye too
  private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  private static final int LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Id
  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "community_id", nullable = false)
  private String communityId;

  @Column(name = "issued_by", nullable = false)
  private String issuedBy;

  @Column(name = "issued_at", nullable = false)
  private OffsetDateTime issuedAt;

  @Column(name = "expires_at", nullable = false)
  private OffsetDateTime expiresAt;

  @Column(name = "used_at")
  private OffsetDateTime usedAt;

  protected LinkCode() {}

  private LinkCode(String code, String communityId, String issuedBy, Instant now) {
    this.codeHash = hash(code);
    this.communityId = Objects.requireNonNull(communityId);
    this.issuedBy = Objects.requireNonNull(issuedBy);
    this.issuedAt = now.atOffset(ZoneOffset.UTC);
    this.expiresAt = now.plus(LIFETIME).atOffset(ZoneOffset.UTC);
  }

  /** A new code and the row that remembers it; the code itself is shown once and not kept. */
  public record Issued(String code, LinkCode row) {}

  public static Issued issue(String communityId, String issuedBy, Instant now) {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
      if (i == 3) {
        code.append('-');
      }
    }
    return new Issued(code.toString(), new LinkCode(code.toString(), communityId, issuedBy, now));
  }

  /** The key a code entered by someone is looked up under: case, spaces and dashes don't matter. */
  public static String hash(String code) {
    String normal = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Uses the code up; false when it was used already or has expired. */
  public boolean redeem(Instant now) {
    if (usedAt != null || !now.isBefore(expiresAt.toInstant())) {
      return false;
    }
    usedAt = now.atOffset(ZoneOffset.UTC);
    return true;
  }

  public String communityId() {
    return communityId;
  }

  public Instant expiresAt() {
    return expiresAt.toInstant();
  }
}
