package org.child.cop.lti.control;

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
import org.child.cop.lti.entity.ServiceCall;
import org.child.cop.storage.SchemaWasMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes what launches leave behind once it can serve nothing: login states an hour after they
 * expired (kept a while for the log's sake), launch sessions once they expired, and finished
 * service calls once administrators have had {@code lti.service-call.keep} to look at them. Every
 * instance may run it; the deletes are idempotent.
 */
@Singleton
public class LaunchHousekeeping {

  private static final Logger LOG = Logger.getLogger(LaunchHousekeeping.class.getName());

  static final Duration KEEP_EXPIRED_LOGINS = Duration.ofHours(1);

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "lti.service-call.keep")
  Duration keepServiceCalls;

  public void atStart(@Observes SchemaWasMigrated schema) {
    purge(Instant.now());
  }

  @Schedule(minute = "*/10", hour = "*", persistent = false)
  void everyTenMinutes() {
    purge(Instant.now());
  }

  /** Returns how many rows went. */
  public int purge(Instant now) {
    int logins =
        em.createQuery("delete from LoginState s where s.expiresAt < :cutoff")
            .setParameter("cutoff", now.minus(KEEP_EXPIRED_LOGINS).atOffset(ZoneOffset.UTC))
            .executeUpdate();
    int sessions =
        em.createQuery("delete from LaunchSession s where s.expiresAt < :now")
            .setParameter("now", now.atOffset(ZoneOffset.UTC))
            .executeUpdate();
    // a done once-only call stays: it is what stops the call being asked for again
    int calls =
        em.createQuery(
                "delete from ServiceCall c where c.finishedAt < :cutoff"
                    + " and (c.onceKey is null or c.status <> :done)")
            .setParameter("cutoff", now.minus(keepServiceCalls).atOffset(ZoneOffset.UTC))
            .setParameter("done", ServiceCall.Status.DONE)
            .executeUpdate();
    if (logins + sessions + calls > 0) {
      LOG.info(
          () ->
              "Housekeeping deleted "
                  + logins
                  + " expired login states, "
                  + sessions
                  + " expired launch sessions and "
                  + calls
                  + " finished service calls");
    }
    return logins + sessions + calls;
  }
}
