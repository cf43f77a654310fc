package org.child.cop.statements.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Wakes the relay when statements were committed to the outbox. The wake-up is handed to another
 * thread: an enterprise bean called from an AFTER_SUCCESS observer fails in Payara when the
 * committed transaction had a REQUIRES_NEW step (payara/Payara#609, FISH-7451), as a launch that
 * registers a new member has. A missed wake-up only costs the wait for the relay's next look.
 */
@ApplicationScoped
public class RelayWakeUp {

  @Resource ManagedExecutorService executor;
  @Inject StatementRelay relay;

  private final AtomicBoolean pending = new AtomicBoolean();

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) StatementWasQueued queued) {
    // one hand-over at a time: a batch of statements wakes the relay once
    if (pending.compareAndSet(false, true)) {
      try {
        executor.execute(
            () -> {
              pending.set(false);
              relay.lookSoon();
            });
      } catch (RejectedExecutionException shuttingDown) {
        pending.set(false);
      }
    }
  }
}
