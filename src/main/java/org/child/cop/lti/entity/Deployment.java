package org.child.cop.lti.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/** One deployment of the tool on a platform (a site-wide or a course-level install). */
@Entity
@Table(name = "lti_deployment")
public class Deployment {

  /** What an administrator decided about a deployment, or that nobody has yet. */
  public enum Status {
    /** Registered by an administrator or confirmed after it was seen: launches are accepted. */
    CONFIRMED,
    /** First seen on a valid launch; accepted until an administrator confirms or blocks it. */
    RECORDED,
    /** Launches from it are refused. */
    BLOCKED;

    public boolean acceptsLaunches() {
      return this != BLOCKED;
    }
  }

  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "platform_id")
  private Platform platform;

  @Column(name = "deployment_id", nullable = false)
  private String deploymentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "first_seen_at", nullable = false)
  private OffsetDateTime firstSeenAt;

  protected Deployment() {}

  Deployment(Platform platform, String deploymentId, Status status, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.platform = Objects.requireNonNull(platform);
    this.deploymentId = Platform.requireText(deploymentId, "deployment id", 255);
    this.status = Objects.requireNonNull(status);
    this.firstSeenAt = now.atOffset(ZoneOffset.UTC);
  }

  public String deploymentId() {
    return deploymentId;
  }

  public Status status() {
    return status;
  }

  public Instant firstSeenAt() {
    return firstSeenAt.toInstant();
  }

  public boolean acceptsLaunches() {
    return status.acceptsLaunches();
  }

  void decide(Status decision) {
    this.status = Objects.requireNonNull(decision);
  }
}
