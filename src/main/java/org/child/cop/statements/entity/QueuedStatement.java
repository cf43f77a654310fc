package org.child.cop.statements.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

/**
 * A statement in the outbox: written in the transaction of the domain change it reports, under the
 * id the tool gave it, and kept until every destination has it.
 */
@Entity
@Table(name = "statement_outbox")
public class QueuedStatement {

  /** The column's size; the tool's statements hold ids, tags and scores, far below it. */
  public static final int MAX_PAYLOAD = 32_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long seq;

  @Column(name = "statement_id", nullable = false)
  private String statementId;

  @Column(nullable = false)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  protected QueuedStatement() {}

  public QueuedStatement(UUID statementId, String payload, Instant now) {
    this.statementId = Objects.requireNonNull(statementId).toString();
    this.payload = Objects.requireNonNull(payload);
    if (payload.length() > MAX_PAYLOAD) {
      throw new IllegalArgumentException(
          "statement " + statementId + " is " + payload.length() + " characters long");
    }
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /** The outbox's order; known once the row is written. */
  public long seq() {
    return seq;
  }

  public UUID statementId() {
    return UUID.fromString(statementId);
  }

  public String payload() {
    return payload;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }
}
