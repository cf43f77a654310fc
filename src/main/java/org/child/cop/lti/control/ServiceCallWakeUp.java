package org.child.cop.lti.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;

/**
 * Wakes the service call relay when a call was queued and its transaction committed, from another
 * thread: an enterprise bean called from an AFTER_SUCCESS observer fails in Payara when the
 * committed transaction had a REQUIRES_NEW step (payara/Payara#609, FISH-7451).
 */
@ApplicationScoped
public class ServiceCallWakeUp {

  @Resource ManagedExecutorService executor;
  @Inject ServiceCallRelay relay;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServiceCallWasQueued call) {
    try {
      executor.execute(relay::performSoon);
    } catch (RejectedExecutionException shuttingDown) {
      // the relay's next look performs it
    }
  }
}
