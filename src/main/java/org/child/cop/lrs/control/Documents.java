package org.child.cop.lrs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.child.cop.lrs.entity.DocumentAddress;
import org.child.cop.lrs.entity.DocumentContent;
import org.child.cop.lrs.entity.DocumentScope;
import org.child.cop.lrs.entity.LrsDocument;

/**
 * The embedded LRS's documents: stored, merged, listed and deleted under xAPI's concurrency rules.
 * A write locks the document's row while it checks the client's preconditions, so a check and the
 * change it guards cannot be split by another request.
 */
@ApplicationScoped
public class Documents {

  /** The ids in a scope and when the newest of them changed. */
  public record Listing(List<String> ids, Optional<Instant> lastModified) {}

  /** What a PUT without preconditions does to an existing document. */
  public enum Overwrite {
    /** xAPI 1.0.3 State: allowed, "state conflicts are unlikely". */
    ALLOWED,
    /** Profiles, and State in xAPI 2.0: 409 Conflict. */
    NEEDS_PRECONDITION,
    /**
     * Profiles in xAPI 1.0.3, as its conformance suite reads the concurrency rules: a PUT without
     * If-Match or If-None-Match is a conflict over a document (409), and 400 Bad Request where none
     * exists yet.
     */
    ALWAYS_NEEDS_PRECONDITION
  }

  static final String PRECONDITION_REQUIRED =
      "A PUT of a profile needs an If-Match header with the document's ETag, or If-None-Match: *"
          + " to write only where none exists.";

  static final String CONFLICT =
      "A document already exists here. GET it to check its current state, then PUT again with"
          + " If-Match set to its ETag (or If-None-Match: * to write only where none exists).";

  @PersistenceContext EntityManager em;

  public Optional<LrsDocument> find(DocumentAddress address) {
    return at(address, LockModeType.NONE);
  }

  /**
   * Ids in the scope, of one registration or of all ({@code registration} null), changed after
   * {@code since} (exclusive) if given; oldest change first.
   */
  public Listing ids(DocumentScope scope, UUID registration, Instant since) {
    // the filters a client left out are left out of the query, rather than bound as "any"
    var query =
        em.createQuery(
                "select d.documentId, d.updatedAt from LrsDocument d"
                    + inScope(registration)
                    + (since == null ? "" : " and d.updatedAt > :since")
                    + " order by d.updatedAt, d.documentId",
                Object[].class)
            .setParameter("tenant", scope.tenant())
            .setParameter("scope", scope.key());
    if (registration != null) {
      query.setParameter("registration", registration.toString());
    }
    if (since != null) {
      query.setParameter("since", since.atOffset(ZoneOffset.UTC));
    }
    List<Object[]> rows = query.getResultList();
    List<String> ids = rows.stream().map(row -> (String) row[0]).toList();
    Optional<Instant> newest =
        rows.stream().map(row -> ((OffsetDateTime) row[1]).toInstant()).max(Instant::compareTo);
    return new Listing(ids, newest);
  }

  /** Stores the content in place of any document at the address. */
  @Transactional
  public void put(
      DocumentAddress address,
      DocumentContent content,
      Preconditions preconditions,
      Overwrite overwrite) {
    Optional<LrsDocument> existing = at(address, LockModeType.PESSIMISTIC_WRITE);
    require(preconditions, existing);
    if (!preconditions.any() && overwrite != Overwrite.ALLOWED) {
      if (existing.isPresent()) {
        throw new ClientErrorException(CONFLICT, Response.Status.CONFLICT);
      }
      if (overwrite == Overwrite.ALWAYS_NEEDS_PRECONDITION) {
        throw new BadRequestException(PRECONDITION_REQUIRED);
      }
    }
    write(address, existing, content, preconditions);
  }

  /**
   * Stores the content where there is no document; merges it into the one there when both are JSON
   * objects; refuses any other combination with the reason.
   */
  @Transactional
  public void post(DocumentAddress address, DocumentContent content, Preconditions preconditions) {
    Optional<LrsDocument> existing = at(address, LockModeType.PESSIMISTIC_WRITE);
    require(preconditions, existing);
    DocumentContent stored = content;
    if (existing.isPresent()) {
      try {
        stored = existing.get().content().mergedWith(content);
      } catch (IllegalArgumentException notMergeable) {
        throw new BadRequestException(notMergeable.getMessage());
      }
    } else if (content.isJson() && content.jsonObject().isEmpty()) {
      throw new BadRequestException(
          "The posted document is not a JSON object: POST with application/json merges JSON"
              + " objects.");
    }
    write(address, existing, stored, preconditions);
  }

  /** Deletes the document if there is one (a document already gone is no error). */
  @Transactional
  public void delete(DocumentAddress address, Preconditions preconditions) {
    Optional<LrsDocument> existing = at(address, LockModeType.PESSIMISTIC_WRITE);
    require(preconditions, existing);
    existing.ifPresent(em::remove);
  }

  /** Deletes every document of the scope, of one registration or of all. */
  @Transactional
  public int deleteAll(DocumentScope scope, UUID registration) {
    var delete =
        em.createQuery("delete from LrsDocument d" + inScope(registration))
            .setParameter("tenant", scope.tenant())
            .setParameter("scope", scope.key());
    if (registration != null) {
      delete.setParameter("registration", registration.toString());
    }
    return delete.executeUpdate();
  }

  private static String inScope(UUID registration) {
    return " where d.tenant = :tenant and d.scopeKey = :scope"
        + (registration == null ? "" : " and d.registration = :registration");
  }

  private void write(
      DocumentAddress address,
      Optional<LrsDocument> existing,
      DocumentContent content,
      Preconditions preconditions) {
    Instant now = Instant.now();
    if (existing.isPresent()) {
      existing.get().replace(content, now);
      return;
    }
    try {
      em.persist(LrsDocument.store(address, content, now));
      em.flush();
    } catch (PersistenceException createdMeanwhile) {
      // another request created it between our look and our insert: the unique key refused ours
      if (preconditions.any()) {
        throw new ClientErrorException(
            "The document was created by another request just now; GET it and try again.",
            Response.Status.PRECONDITION_FAILED);
      }
      throw new ClientErrorException(CONFLICT, Response.Status.CONFLICT);
    }
  }

  private static void require(Preconditions preconditions, Optional<LrsDocument> existing) {
    if (!preconditions.holdFor(existing.map(LrsDocument::etag))) {
      throw new ClientErrorException(
          existing.isPresent()
              ? "The document is not the one your If-Match or If-None-Match header expects:"
                  + " it changed or exists already. GET it and retry with its current ETag."
              : "There is no document here, but your If-Match header expects one.",
          Response.Status.PRECONDITION_FAILED);
    }
  }

  private Optional<LrsDocument> at(DocumentAddress address, LockModeType lock) {
    return em.createNamedQuery(LrsDocument.AT, LrsDocument.class)
        .setParameter("tenant", address.scope().tenant())
        .setParameter("scope", address.scope().key())
        .setParameter("registration", registrationOf(address))
        .setParameter("id", address.documentId())
        .setLockMode(lock)
        .getResultStream()
        .findFirst();
  }

  private static String registrationOf(DocumentAddress address) {
    return address.registration() == null ? "" : address.registration().toString();
  }
}
