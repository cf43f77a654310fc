package org.child.cop.statements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;

/**
 * How sending to one learning record store goes, shared by every instance: after a failure the
 * destination rests until {@code nextAttemptAt}, so an LRS that is down is not hammered and the
 * others are not held up.
 */
@Entity
@Table(name = "statement_destination")
public class DestinationState {

  private static final int MAX_ERROR = 500;

  @Id private String name;

  @Column(nullable = false)
  private int failures;

  @Column(name = "next_attempt_at", nullable = false)
  private OffsetDateTime nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "last_error_at")
  private OffsetDateTime lastErrorAt;

  @Column(name = "last_delivered_at")
  private OffsetDateTime lastDeliveredAt;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected DestinationState() {}

  public DestinationState(String name, Instant now) {
    this.name = Objects.requireNonNull(name);
    this.failures = 0;
    this.nextAttemptAt = utc(now);
    this.createdAt = utc(now);
  }

  public String name() {
    return name;
  }

  public boolean isDue(Instant now) {
    return !now.isBefore(nextAttemptAt.toInstant());
  }

  /** Statements reached the LRS: whatever went wrong before is over. */
  public void delivered(Instant now) {
    failures = 0;
    nextAttemptAt = utc(now);
    lastDeliveredAt = utc(now);
  }

  /** The LRS could not be reached, failed, or refused the credentials: rest for {@code wait}. */
  public void failed(String error, Duration wait, Instant now) {
    failures++;
    lastError = shortened(error);
    lastErrorAt = utc(now);
    nextAttemptAt = utc(now.plus(wait));
  }

  /** An administrator asks for an attempt now. */
  public void retryNow(Instant now) {
    nextAttemptAt = utc(now);
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public int failures() {
    return failures;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt.toInstant();
  }

  public Optional<String> lastError() {
    return Optional.ofNullable(lastError);
  }

  public Optional<Instant> lastErrorAt() {
    return Optional.ofNullable(lastErrorAt).map(OffsetDateTime::toInstant);
  }

  public Optional<Instant> lastDeliveredAt() {
    return Optional.ofNullable(lastDeliveredAt).map(OffsetDateTime::toInstant);
  }

  /** Errors are kept short: a status and a reason, never a whole answer. */
  public static String shortened(String error) {
    return error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
