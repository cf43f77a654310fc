package org.child.cop.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * The administrator's user name and password hash. There is exactly one (id 1): a second instance
 * starting at the same moment cannot create another.
 */
@Entity
@Table(name = "administrator_credential")
public class AdministratorCredential {

  public static final int THE_ONE = 1;
  public static final String USERNAME = "admin";
  public static final int MINIMUM_PASSWORD_LENGTH = 12;

  @Id private int id;

  @Column(nullable = false)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  // OffsetDateTime, not Instant: EclipseLink 4.0 would serialise an Instant into a blob
  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "changed_at", nullable = false)
  private OffsetDateTime changedAt;

  protected AdministratorCredential() {}

  public AdministratorCredential(char[] password, Instant now) {
    requireAcceptable(password);
    this.id = THE_ONE;
    this.username = USERNAME;
    this.passwordHash = PasswordHash.of(password).encoded();
    this.createdAt = Objects.requireNonNull(now).atOffset(ZoneOffset.UTC);
    this.changedAt = createdAt;
  }

  /** Compares in constant time, and hashes even for a wrong user name, so timing tells nothing. */
  public boolean admits(String candidateUser, char[] candidatePassword) {
    boolean passwordMatches = PasswordHash.parse(passwordHash).matches(candidatePassword);
    boolean userMatches =
        MessageDigest.isEqual(
            username.getBytes(StandardCharsets.UTF_8),
            candidateUser.getBytes(StandardCharsets.UTF_8));
    return passwordMatches && userMatches;
  }

  public void changePassword(char[] password, Instant now) {
    requireAcceptable(password);
    this.passwordHash = PasswordHash.of(password).encoded();
    this.changedAt = Objects.requireNonNull(now).atOffset(ZoneOffset.UTC);
  }

  public Instant changedAt() {
    return changedAt.toInstant();
  }

  public static void requireAcceptable(char[] password) {
    if (password == null || password.length < MINIMUM_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "the administrator password needs at least " + MINIMUM_PASSWORD_LENGTH + " characters");
    }
  }
}
