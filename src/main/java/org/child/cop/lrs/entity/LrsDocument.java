package org.child.cop.lrs.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * A State, Activity Profile or Agent Profile document of one tenant: its bytes as the client sent
 * them, their content type and ETag, and when it last changed.
 */
@Entity
@Table(name = "lrs_document")
@NamedQuery(
    name = LrsDocument.AT,
    query =
        "select d from LrsDocument d where d.tenant = :tenant and d.scopeKey = :scope"
            + " and d.registration = :registration and d.documentId = :id")
public class LrsDocument {

  public static final String AT = "LrsDocument.at";

  @Id private String id;

  @Column(nullable = false)
  private String tenant;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private DocumentKind kind;

  @Column(name = "scope_key", nullable = false)
  private String scopeKey;

  @Column(name = "activity_id")
  private String activityId;

  @Column(name = "agent_key")
  private String agentKey;

  @Column(nullable = false)
  private String registration;

  @Column(name = "document_id", nullable = false)
  private String documentId;

  @Column(name = "content_type", nullable = false)
  private String contentType;

  // no @Lob: PostgreSQL would make it an oid; a plain byte[] binds as bytea there and H2 alike
  @Column(nullable = false)
  private byte[] content;

  @Column(nullable = false)
  private String etag;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected LrsDocument() {}

  public static LrsDocument store(DocumentAddress address, DocumentContent content, Instant now) {
    Objects.requireNonNull(address, "address");
    LrsDocument document = new LrsDocument();
    document.id = UUID.randomUUID().toString();
    DocumentScope scope = address.scope();
    document.tenant = scope.tenant();
    document.kind = scope.kind();
    document.scopeKey = scope.key();
    document.activityId = scope.activityId();
    document.agentKey = scope.agentKey();
    document.registration = address.storedRegistration();
    document.documentId = address.documentId();
    document.replace(content, now);
    return document;
  }

  /** New content, as a PUT or a merging POST leaves it. */
  public void replace(DocumentContent content, Instant now) {
    Objects.requireNonNull(content, "content");
    this.contentType = content.contentType();
    this.content = content.bytes();
    this.etag = content.etag();
    // milliseconds, as xAPI timestamps go: `since` compares with what clients saw
    this.updatedAt = now.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC);
  }

  public DocumentContent content() {
    return new DocumentContent(contentType, content);
  }

  public String documentId() {
    return documentId;
  }

  /** The SHA-1 hex of the content, unquoted. */
  public String etag() {
    return etag;
  }

  public Instant updated() {
    return updatedAt.toInstant();
  }

  public String tenant() {
    return tenant;
  }

  @Override
  public String toString() {
    return kind + " document " + documentId + " of tenant " + tenant;
  }
}
