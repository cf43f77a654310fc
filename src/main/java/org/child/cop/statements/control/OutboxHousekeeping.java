package org.child.cop.statements.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.logging.Logger;
import org.child.cop.storage.SchemaWasMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes statements from the outbox once every destination has them and {@code xapi.outbox.keep}
 * has passed, so the outbox does not grow for ever; a statement some destination still lacks stays,
 * however old. An LRS added later receives what the outbox still holds. Every instance may run it;
 * the deletes are idempotent and go in slices so no transaction grows large.
 */
@Singleton
public class OutboxHousekeeping {

  private static final Logger LOG = Logger.getLogger(OutboxHousekeeping.class.getName());

  static final int SLICE = 5_000;

  /** Statements at least this old have finished their transaction. */
  static final Duration SETTLED = Duration.ofMinutes(1);

  @PersistenceContext EntityManager em;
  @Inject Deliveries deliveries;

  @Inject
  @ConfigProperty(name = "xapi.outbox.keep")
  Duration keep;

  public void atStart(@Observes SchemaWasMigrated schema) {
    purge(Instant.now());
  }

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void everyTenMinutes() {
    purge(Instant.now());
  }

  /**
   * Gives destinations what a race at their creation kept from them, then deletes one slice of what
   * every destination has; returns how many statements went.
   */
  public int purge(Instant now) {
    int repaired = deliveries.repair(now.minus(SETTLED));
    if (repaired > 0) {
      LOG.warning(
          () ->
              "Outbox housekeeping gave destinations "
                  + repaired
                  + " statements written as they were created");
    }
    int deleted =
        em.createNativeQuery(
                "delete from statement_outbox where seq in (select o.seq from statement_outbox o"
                    + " where o.created_at < ?1 and not exists (select 1 from statement_delivery d"
                    + " where d.statement_seq = o.seq and d.status <> 'DELIVERED')"
                    + " order by o.seq fetch first "
                    + SLICE
                    + " rows only)")
            .setParameter(1, now.minus(keep).atOffset(ZoneOffset.UTC))
            .executeUpdate();
    if (deleted > 0) {
      LOG.info(() -> "Outbox housekeeping deleted " + deleted + " delivered statements");
    }
    return deleted;
  }
}
