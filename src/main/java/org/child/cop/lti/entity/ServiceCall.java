package org.child.cop.lti.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One call to a platform's LTI services, kept from the moment it is asked for until it is done or
 * given up: the relay performs it, and each failed attempt waits longer before the next. Every
 * instance sees the same rows; {@code claim} marks which one is performing it now.
 */
@Entity
@Table(name = "lti_service_call")
@NamedQuery(
    name = ServiceCall.DUE,
    query =
        "select c.id from ServiceCall c where c.status = :pending and c.nextAttemptAt <= :now"
            + " and (c.claimedUntil is null or c.claimedUntil < :now) order by c.nextAttemptAt")
@NamedQuery(
    name = ServiceCall.CLAIM,
    query =
        "update ServiceCall c set c.claim = :claim, c.claimedUntil = :until"
            + " where c.id = :id and c.status = :pending and c.nextAttemptAt <= :now"
            + " and (c.claimedUntil is null or c.claimedUntil < :now)")
@NamedQuery(
    name = ServiceCall.RECENT_IN_CONTEXT,
    query =
        "select count(c) from ServiceCall c where c.platform.id = :platformId"
            + " and c.contextId = :contextId and c.kind = :kind and c.createdAt > :since")
@NamedQuery(
    name = ServiceCall.LATEST_IN_CONTEXT,
    query =
        "select c from ServiceCall c where c.platform.id = :platformId"
            + " and c.contextId = :contextId and c.kind = :kind order by c.createdAt desc")
@NamedQuery(
    name = ServiceCall.BY_ONCE_KEY,
    query = "select count(c) from ServiceCall c where c.onceKey = :onceKey")
@NamedQuery(
    name = ServiceCall.LATEST,
    query = "select c from ServiceCall c order by c.createdAt desc")
@NamedQuery(
    name = ServiceCall.LATEST_WITH_STATUS,
    query = "select c from ServiceCall c where c.status = :status order by c.createdAt desc")
public class ServiceCall {

  public static final String DUE = "ServiceCall.due";
  public static final String CLAIM = "ServiceCall.claim";
  public static final String RECENT_IN_CONTEXT = "ServiceCall.recentInContext";
  public static final String LATEST_IN_CONTEXT = "ServiceCall.latestInContext";
  public static final String BY_ONCE_KEY = "ServiceCall.byOnceKey";
  public static final String LATEST = "ServiceCall.latest";
  public static final String LATEST_WITH_STATUS = "ServiceCall.latestWithStatus";

  /** What the call does. */
  public enum Kind {
    /** Reads a context's roster (NRPS), every page. */
    ROSTER,
    /** Publishes a learner's score to a line item (AGS), finding or creating it if asked. */
    SCORE
  }

  /** Where the call stands. */
  public enum Status {
    PENDING,
    DONE,
    FAILED
  }

  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "platform_id")
  private Platform platform;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Kind kind;

  @Column(name = "context_id")
  private String contextId;

  private String subject;

  @Column(name = "target_url", nullable = false)
  private String targetUrl;

  private String payload;

  @Column(name = "once_key")
  private String onceKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  private String claim;

  @Column(name = "claimed_until")
  private OffsetDateTime claimedUntil;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "finished_at")
  private OffsetDateTime finishedAt;

  protected ServiceCall() {}

  private ServiceCall(
      Platform platform,
      Kind kind,
      String contextId,
      String subject,
      URI target,
      String payload,
      String onceKey,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.platform = Objects.requireNonNull(platform);
    this.kind = Objects.requireNonNull(kind);
    this.contextId = contextId;
    this.subject = subject;
    this.targetUrl = Objects.requireNonNull(target).toString();
    if (targetUrl.length() > 2000 || (payload != null && payload.length() > 4000)) {
      throw new IllegalArgumentException("a service call's URL or payload is too long");
    }
    this.payload = payload;
    this.onceKey = onceKey;
    this.status = Status.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = utc(now);
    this.createdAt = utc(now);
  }

  /** Reads the roster of a context at the memberships URL its launch gave. */
  public static ServiceCall rosterRead(
      Platform platform, String contextId, URI membershipsUrl, Instant now) {
    return new ServiceCall(
        platform,
        Kind.ROSTER,
        Objects.requireNonNull(contextId),
        null,
        membershipsUrl,
        null,
        null,
        now);
  }

  /**
   * Publishes a score for a learner: {@code target} is a line item, or the line items container
   * when the payload says which line item to find or create there.
   */
  public static ServiceCall score(
      Platform platform,
      String contextId,
      String subject,
      URI target,
      String payload,
      String onceKey,
      Instant now) {
    return new ServiceCall(
        platform,
        Kind.SCORE,
        contextId,
        Objects.requireNonNull(subject),
        target,
        Objects.requireNonNull(payload),
        onceKey,
        now);
  }

  /** The attempt this instance claimed succeeded. */
  public void succeeded(Instant now) {
    attempts++;
    status = Status.DONE;
    lastError = null;
    finishedAt = utc(now);
    release();
  }

  /**
   * The attempt failed: try again after {@code wait}, unless it cannot succeed ({@code permanent})
   * or the attempts are used up.
   */
  public void failed(String error, boolean permanent, Duration wait, int maxAttempts, Instant now) {
    attempts++;
    lastError = shortened(error);
    if (permanent || attempts >= maxAttempts) {
      status = Status.FAILED;
      finishedAt = utc(now);
    } else {
      nextAttemptAt = utc(now.plus(wait));
    }
    release();
  }

  /** An administrator asks for it again: a fresh round of attempts, starting now. */
  public void retry(Instant now) {
    if (status == Status.DONE) {
      throw new IllegalStateException("the call " + id + " is done already");
    }
    if (claimedUntil != null && now.isBefore(claimedUntil.toInstant())) {
      throw new IllegalStateException("the call " + id + " is being performed now");
    }
    status = Status.PENDING;
    attempts = 0;
    nextAttemptAt = utc(now);
    finishedAt = null;
    release();
  }

  public boolean isClaimedBy(String claim) {
    return claim != null && claim.equals(this.claim);
  }

  private void release() {
    claim = null;
    claimedUntil = null;
  }

  private static String shortened(String error) {
    if (error == null) {
      return null;
    }
    return error.length() > 500 ? error.substring(0, 497) + "..." : error;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  public String id() {
    return id;
  }

  public Platform platform() {
    return platform;
  }

  public Kind kind() {
    return kind;
  }

  public String contextId() {
    return contextId;
  }

  public String subject() {
    return subject;
  }

  public URI targetUrl() {
    return URI.create(targetUrl);
  }

  public String payload() {
    return payload;
  }

  public Status status() {
    return status;
  }

  public int attempts() {
    return attempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt.toInstant();
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt).map(OffsetDateTime::toInstant);
  }
}
