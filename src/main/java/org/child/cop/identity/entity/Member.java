package org.child.cop.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A person taking part in communities, known by their platform account: the LMS's issuer and the
 * subject it gives them. A subject alone names nobody, since two platforms may use the same one.
 */
@Entity
@Table(name = "member")
@NamedQuery(
    name = Member.BY_ACCOUNT,
    query = "select m from Member m where m.issuer = :issuer and m.subject = :subject")
public class Member {

  public static final String BY_ACCOUNT = "Member.byAccount";

  @Id private String id;

  @Column(nullable = false)
  private String issuer;

  @Column(nullable = false)
  private String subject;

  private String name;

  @Column(name = "first_seen_at", nullable = false)
  private OffsetDateTime firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  private OffsetDateTime lastSeenAt;

  protected Member() {}

  public Member(PlatformAccount account, String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.issuer = account.issuer();
    this.subject = account.subject();
    this.name = shortened(name);
    this.firstSeenAt = now.atOffset(ZoneOffset.UTC);
    this.lastSeenAt = firstSeenAt;
  }

  /** The platform told us about them again; a name it no longer sends is kept. */
  public void seen(String currentName, Instant now) {
    String renamed = currentName == null || currentName.isBlank() ? name : shortened(currentName);
    // to the hour is all anyone reads of it; sparing the row an UPDATE on every launch is not
    if (!java.util.Objects.equals(renamed, name)
        || lastSeenAt.toInstant().plus(LAST_SEEN_PRECISION).isBefore(now)) {
      name = renamed;
      lastSeenAt = now.atOffset(ZoneOffset.UTC);
    }
  }

  /** How stale {@link #lastSeenAt()} may be. */
  public static final java.time.Duration LAST_SEEN_PRECISION = java.time.Duration.ofHours(1);

  private static String shortened(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String text = name.strip();
    return text.length() > 200 ? text.substring(0, 200) : text;
  }

  public String id() {
    return id;
  }

  public PlatformAccount account() {
    return new PlatformAccount(issuer, subject);
  }

  public String name() {
    return name;
  }

  public Instant lastSeenAt() {
    return lastSeenAt.toInstant();
  }
}
