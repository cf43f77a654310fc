package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.child.cop.statements.entity.QueuedStatement;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.XapiVersion;

/**
 * Where every statement the tool makes goes first: written in the transaction of the domain change
 * it reports, so that either both happen or neither, and expected by every known destination. The
 * relay takes it from there.
 */
@ApplicationScoped
public class StatementOutbox {

  @PersistenceContext EntityManager em;
  @Inject Deliveries deliveries;
  @Inject Event<StatementWasQueued> queued;

  /**
   * Queues a statement (already checked against the specification by its construction) under the id
   * the tool gave it. It is kept in its xAPI 2.0 form, the fuller one; each destination gets the
   * form of its own version.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void queue(Statement statement) {
    UUID id =
        Objects.requireNonNull(statement.id(), "the tool gives every statement its id itself");
    QueuedStatement row =
        new QueuedStatement(id, statement.toJson(XapiVersion.V2_0_0), Instant.now());
    em.persist(row);
    // the row's seq, which the deliveries refer to, is known once it is written
    em.flush();
    deliveries.expect(row.seq());
    queued.fire(new StatementWasQueued(id));
  }
}
