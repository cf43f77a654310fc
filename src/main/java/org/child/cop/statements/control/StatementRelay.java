package org.child.cop.statements.control;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.storage.SchemaWasMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves statements from the outbox to every destination, outside any request: at once after a
 * statement's transaction commits, and every {@code xapi.relay.interval} for what is left (a
 * destination that was resting, statements of other instances). Each batch is its own transaction
 * ({@link DestinationRelay}); relays of several instances share the work through row locks. At most
 * two looks at a time per instance, each bounded in time, so a slow LRS cannot pile looks up.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class StatementRelay {

  private static final Logger LOG = Logger.getLogger(StatementRelay.class.getName());

  /** A look hands over to the next after this long, so every destination gets its turn. */
  static final Duration LOOK_BUDGET = Duration.ofSeconds(10);

  @Resource TimerService timers;

  @Inject Destinations destinations;
  @Inject Deliveries deliveries;
  @Inject DestinationRelay relay;

  @Inject
  @ConfigProperty(name = "xapi.relay.interval")
  Duration interval;

  @Inject
  @ConfigProperty(name = "xapi.relay.batch-size")
  int batchSize;

  private final AtomicBoolean started = new AtomicBoolean();

  /**
   * Looks that may run at once: two, so that with a backlog one batch is claimed and recorded while
   * another is on its way to the LRS (row locks keep them on different statements).
   */
  private final Semaphore lookers = new Semaphore(2);

  private final AtomicBoolean soon = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  /**
   * Once the schema is there: every destination that can receive gets its state (and the history
   * the outbox holds), then the looks begin. One that cannot receive yet gets no statements either;
   * it is given the outbox's history when it can.
   */
  public void start(@Observes SchemaWasMigrated schema) {
    Instant now = Instant.now();
    for (Destination destination : destinations.all()) {
      if (destination.available()) {
        ensure(destination, now);
      }
    }
    if (started.compareAndSet(false, true)) {
      long every = Math.max(100, interval.toMillis());
      timers.createIntervalTimer(every, every, new TimerConfig(null, false));
      LOG.info(() -> "Statement relay started; it looks for statements every " + every + " ms");
    }
  }

  private void ensure(Destination destination, Instant now) {
    try {
      deliveries.ensure(destination.name(), now);
    } catch (RuntimeException e) {
      // another instance may have created it at the same moment: then its state is there now
      if (deliveries.state(destination.name()).isEmpty()) {
        LOG.log(
            Level.SEVERE,
            "The state of destination "
                + destination.name()
                + " could not be created: its statements are not sent until a restart",
            e);
      }
    }
  }

  /**
   * A look at once, on the container's timer thread, unless one is on its way already: {@link
   * RelayWakeUp} calls it when statements were committed to the outbox.
   */
  public void lookSoon() {
    if (started.get() && soon.compareAndSet(false, true)) {
      timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }
  }

  @Timeout
  void look() {
    soon.set(false);
    if (!lookers.tryAcquire()) {
      // the running looks may have claimed before the newest statements committed: they look again
      again.set(true);
      return;
    }
    try {
      Instant until = Instant.now().plus(LOOK_BUDGET);
      do {
        again.set(false);
        for (Destination destination : destinations.all()) {
          if (destination.available()) {
            relayAll(destination, until);
          }
        }
      } while (again.get() && Instant.now().isBefore(until));
    } finally {
      lookers.release();
    }
  }

  private void relayAll(Destination destination, Instant until) {
    try {
      int taken;
      do {
        taken = relay.relayBatch(destination, batchSize);
        if (taken == batchSize && lookers.availablePermits() > 0) {
          // a backlog: a second look works beside this one while its batch is on the wire
          lookSoon();
        }
      } while (taken == batchSize && Instant.now().isBefore(until));
    } catch (RuntimeException e) {
      // the next look retries; a failure here must not end the polling
      LOG.log(Level.WARNING, "Relaying statements to " + destination.name() + " failed", e);
    }
  }
}
