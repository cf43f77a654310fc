package org.child.cop.lti.control;

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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.lti.entity.ServiceCall;
import org.child.cop.storage.SchemaWasMigrated;

/**
 * Performs the service calls that are due, outside any request: a call just queued at once (after
 * its transaction commits), the others when their next attempt comes. Each call is claimed first,
 * so instances sharing the database never perform one call twice. The looks are EJB timers rather
 * than tasks of a managed executor: a task submitted at start-up keeps the start-up's invocation
 * context, which is gone by the time it runs (its entity manager is closed). Calls are performed
 * outside any transaction; each step (claim, outcome) has its own.
 */
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServiceCallRelay {

  /** How long a claim holds: longer than any call takes (timeouts bound every request). */
  static final Duration LEASE = Duration.ofMinutes(5);

  static final int BATCH = 20;

  private static final Logger LOG = Logger.getLogger(ServiceCallRelay.class.getName());

  @Resource TimerService timers;

  @Inject ServiceCalls calls;
  @Inject Rosters rosters;
  @Inject Grades grades;

  private final AtomicBoolean started = new AtomicBoolean();

  /** Once the schema is there, looks for due calls as often as the first retry comes. */
  public void start(@Observes SchemaWasMigrated schema) {
    if (started.compareAndSet(false, true)) {
      long every = Math.min(10_000, Math.max(1_000, calls.firstRetry().toMillis()));
      timers.createIntervalTimer(every, every, new TimerConfig(null, false));
      LOG.info(() -> "Service call relay started; it looks for due calls every " + every + " ms");
    }
  }

  /**
   * A call was queued and its transaction committed (see {@link ServiceCallWakeUp}): no need to
   * wait for the next look. A timer due at once runs it on the container's timer thread.
   */
  public void performSoon() {
    if (started.get()) {
      timers.createSingleActionTimer(1, new TimerConfig(null, false));
    }
  }

  @Timeout
  void look() {
    performDue();
  }

  void performDue() {
    try {
      Instant now = Instant.now();
      for (String id : calls.due(now, BATCH)) {
        String claim = UUID.randomUUID().toString();
        calls.claim(id, claim, Instant.now(), LEASE).ifPresent(call -> perform(call, claim));
      }
    } catch (RuntimeException e) {
      // the next look retries; a failure here must not end the scheduled polling
      LOG.log(Level.WARNING, "Looking for due service calls failed", e);
    }
  }

  private void perform(ServiceCall call, String claim) {
    try {
      if (!call.platform().enabled()) {
        throw ServiceCallFailed.permanent("The platform is switched off in CHILD CoP");
      }
      switch (call.kind()) {
        case ROSTER ->
            calls.rosterRead(
                call.id(),
                claim,
                rosters.read(call.platform(), call.contextId(), call.targetUrl()));
        case SCORE -> {
          grades.publish(call);
          calls.succeeded(call.id(), claim);
        }
      }
    } catch (ServiceCallFailed failure) {
      calls.failed(call.id(), claim, failure);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Service call " + call.id() + " failed unexpectedly", e);
      calls.failed(
          call.id(),
          claim,
          ServiceCallFailed.retryable("Unexpected failure: " + e.getClass().getSimpleName()));
    }
  }
}
