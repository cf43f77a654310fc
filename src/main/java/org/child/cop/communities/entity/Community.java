package org.child.cop.communities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** A community of practice: its name, and an id that statements and reports keep forever. */
@Entity
@Table(name = "community")
public class Community {

  public static final int MAX_NAME = 200;

  @Id private String id;

  @Column(nullable = false)
  private String name;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected Community() {}

  /** A community founded from a course: named after it until a facilitator renames it. */
  public Community(String name, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.name = checkedName(name);
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  public void rename(String name) {
    this.name = checkedName(name);
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  /** A course without a title still founds a community with a name people recognise. */
  private static String checkedName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      return "Community";
    }
    return stripped.length() > MAX_NAME ? stripped.substring(0, MAX_NAME) : stripped;
  }
}
