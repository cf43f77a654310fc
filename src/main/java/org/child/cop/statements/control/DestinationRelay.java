package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.child.cop.retries.Backoff;
import org.child.cop.statements.control.Deliveries.Claimed;
import org.child.cop.statements.control.Deliveries.Status;
import org.child.cop.statements.entity.DestinationState;
import org.child.cop.xapi.LrsException;
import org.child.cop.xapi.LrsFailure;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends one batch of pending statements to one destination, in one transaction that holds the
 * batch's rows locked while it sends, and classifies the answer as XAPI.md says: stored (a re-sent
 * statement too) → delivered; 400 or 409 on a batch → split it until the bad statement is alone,
 * which is then set aside for an administrator while the others go through; 401/403, 5xx, 429,
 * timeouts and refused connections → the destination rests with backoff and jitter, nothing lost.
 * Should the transaction fail after the LRS stored a batch, the batch is sent again later, which an
 * LRS takes as the same statements.
 */
@ApplicationScoped
public class DestinationRelay {

  private static final Logger LOG = Logger.getLogger(DestinationRelay.class.getName());

  static final Duration LONGEST_REST = Duration.ofMinutes(15);

  @Inject Deliveries deliveries;
  @Inject LearningRecordStores stores;

  @Inject
  @ConfigProperty(name = "xapi.relay.first-retry")
  Duration firstRetry;

  /** Returns how many statements it took from the outbox (0: none due, or resting). */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public int relayBatch(Destination destination, int size) {
    Instant now = Instant.now();
    DestinationState state = deliveries.state(destination.name()).orElse(null);
    if (state == null || !state.isDue(now)) {
      return 0;
    }
    List<Claimed> batch = deliveries.claim(destination.name(), size);
    if (batch.isEmpty()) {
      return 0;
    }
    try {
      Tally tally = new Tally();
      send(destination, batch, tally);
      if (tally.delivered > 0) {
        state.delivered(now);
      } else if (batch.size() > 1 && tally.rejected == batch.size()) {
        // one bad statement is set aside; a whole batch refused one by one says the LRS refuses
        // this tool (wrong version, a gateway in the way), and its history must not be set aside
        deliveries.record(destination.name(), batch, Status.PENDING, tally.lastRefusal);
        throw new DestinationDown(
            "the LRS refused every statement of a batch, each alone too (last: "
                + tally.lastRefusal
                + "); check the destination's endpoint and xAPI version");
      }
    } catch (DestinationDown down) {
      Duration rest =
          new Backoff(firstRetry, LONGEST_REST)
              .withJitter(state.failures() + 1, ThreadLocalRandom.current());
      state.failed(down.getMessage(), rest, now);
      LOG.warning(
          () ->
              "Statements for "
                  + destination.name()
                  + " wait "
                  + rest.toSeconds()
                  + " s: "
                  + down.getMessage());
    }
    return batch.size();
  }

  /** How a batch went, counted as it is split. */
  private static final class Tally {
    int delivered;
    int rejected;
    String lastRefusal;
  }

  private void send(Destination destination, List<Claimed> statements, Tally tally) {
    if (statements.isEmpty()) {
      return;
    }
    try {
      stores.send(destination, statements.stream().map(Claimed::payload).toList());
      deliveries.record(destination.name(), statements, Status.DELIVERED, null);
      tally.delivered += statements.size();
    } catch (LrsException refused) {
      String why = describe(refused);
      switch (refused.failure()) {
        case BAD_REQUEST, CONFLICT, TOO_LARGE -> {
          if (statements.size() > 1) {
            int half = statements.size() / 2;
            send(destination, statements.subList(0, half), tally);
            send(destination, statements.subList(half, statements.size()), tally);
            return;
          }
          Claimed alone = statements.get(0);
          Status status =
              refused.failure() == LrsFailure.CONFLICT ? Status.CONFLICT : Status.REJECTED;
          deliveries.record(destination.name(), statements, status, why);
          if (status == Status.REJECTED) {
            tally.rejected++;
            tally.lastRefusal = why;
          }
          LOG.warning(
              () ->
                  "Statement "
                      + alone.statementId()
                      + " set aside for "
                      + destination.name()
                      + " ("
                      + status
                      + "): "
                      + why);
        }
        default -> {
          deliveries.record(destination.name(), statements, Status.PENDING, why);
          throw new DestinationDown(why);
        }
      }
    } catch (RuntimeException unexpected) {
      // a fault of ours or of a library: rest and try again, as after an LRS's 5xx, rather than
      // let the batch's transaction roll back and retry it at once for ever
      LOG.log(Level.WARNING, "Sending statements to " + destination.name() + " failed", unexpected);
      String why = "unexpected failure: " + unexpected.getClass().getSimpleName();
      deliveries.record(destination.name(), statements, Status.PENDING, why);
      throw new DestinationDown(why);
    }
  }

  private static String describe(LrsException e) {
    String status = e.status() > 0 ? "HTTP " + e.status() : e.failure().name().toLowerCase();
    String message =
        e.lrsMessage() == null || e.lrsMessage().isBlank() ? "" : ": " + e.lrsMessage();
    return switch (e.failure()) {
      case UNAUTHORIZED, FORBIDDEN ->
          "the LRS refused the tool's credentials (" + status + ")" + message;
      default -> status + message;
    };
  }
}
