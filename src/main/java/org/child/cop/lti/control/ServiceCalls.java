package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.RosterWasRead;
import org.child.cop.lti.Score;
import org.child.cop.lti.entity.LaunchSession;
import org.child.cop.lti.entity.Platform;
import org.child.cop.lti.entity.ServiceCall;
import org.child.cop.retries.Backoff;
import org.child.cop.settings.ToolSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The calls to platforms' services the tool owes: asked for inside the transaction that needs them
 * (a launch, an activity, an administrator), claimed by one instance's relay, and finished with
 * their outcome. Administrators see and retry them here.
 */
@ApplicationScoped
public class ServiceCalls {

  private static final Logger LOG = Logger.getLogger(ServiceCalls.class.getName());

  @PersistenceContext EntityManager em;
  @Inject ToolSettings settings;
  @Inject Event<ServiceCallWasQueued> queued;
  @Inject Event<RosterWasRead> rosterWasRead;

  @Inject
  @ConfigProperty(name = "lti.roster-sync-interval", defaultValue = "PT1H")
  Duration rosterSyncInterval;

  @Inject
  @ConfigProperty(name = "lti.service-call.first-retry", defaultValue = "PT30S")
  Duration firstRetry;

  @Inject
  @ConfigProperty(name = "lti.service-call.max-attempts", defaultValue = "8")
  int maxAttempts;

  /** Thrown when an administrator asks for something the call's state does not allow. */
  public static class NotNow extends RuntimeException {
    NotNow(String message) {
      super(message);
    }
  }

  Duration firstRetry() {
    return firstRetry;
  }

  Backoff backoff() {
    return new Backoff(firstRetry, Duration.ofHours(1));
  }

  /**
   * What a verified launch calls for, stored in its transaction: an instructor's or administrator's
   * launch with the NRPS claim syncs the context's roster (at most once per interval); a learner's
   * launch of a graded link tells the grade book the learner has started (once per line item). A
   * claim the tool cannot use is logged and never fails the launch.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void queueAfter(Launch launch, LaunchSession session) {
    try {
      ServiceClaims claims = ServiceClaims.of(session.services());
      Instant now = Instant.now();
      if (launch.contextId() != null
          && (launch.hasRole(LtiRole.INSTRUCTOR) || launch.hasRole(LtiRole.ADMINISTRATOR))
          && claims.membershipsUrl().isPresent()
          && !rosterReadSince(
              session.platform(), launch.contextId(), now.minus(rosterSyncInterval))) {
        URI url = checked(claims.membershipsUrl().get(), "memberships URL");
        queue(ServiceCall.rosterRead(session.platform(), launch.contextId(), url, now));
      }
      if (!launch.isDeepLinking() && launch.hasRole(LtiRole.LEARNER)) {
        score(session, launch, Score.started(now), null, "started");
      }
    } catch (IllegalArgumentException refused) {
      LOG.warning(
          () ->
              "Launch session "
                  + session.id()
                  + " of platform "
                  + session.platform().id()
                  + " names a service the tool will not call: "
                  + refused.getMessage());
    }
  }

  /**
   * Queues a score for the launching person; false when the launch's claim gives no line item (or
   * no line items container) or lacks the scopes. With {@code once}, a second score of that name
   * for the same learner and line item is not queued.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  boolean score(
      LaunchSession session, Launch launch, Score score, Grades.LineItem lineItem, String once) {
    ServiceClaims claims = ServiceClaims.of(session.services());
    Optional<String> target = lineItem == null ? claims.lineItem() : claims.lineItems();
    if (target.isEmpty()
        || !claims.grants(ServiceClaims.SCORE_SCOPE)
        || (lineItem != null && !claims.grants(ServiceClaims.LINE_ITEM_SCOPE))) {
      return false;
    }
    URI url;
    try {
      url = checked(target.get(), lineItem == null ? "line item URL" : "line items URL");
    } catch (IllegalArgumentException refused) {
      LOG.warning(
          () ->
              "Launch session "
                  + session.id()
                  + " names a line item URL the tool will not call: "
                  + refused.getMessage());
      return false;
    }
    String onceKey =
        once == null
            ? null
            : hash(
                session.platform().id()
                    + '\n'
                    + url
                    + '\n'
                    + (lineItem == null ? "" : lineItem.resourceId())
                    + '\n'
                    + launch.subject()
                    + '\n'
                    + once);
    if (onceKey != null
        && em.createNamedQuery(ServiceCall.BY_ONCE_KEY, Long.class)
                .setParameter("onceKey", onceKey)
                .getSingleResult()
            > 0) {
      return true;
    }
    queue(
        ServiceCall.score(
            session.platform(),
            launch.contextId(),
            launch.subject(),
            url,
            Grades.payload(launch.subject(), score, lineItem, launch),
            onceKey,
            Instant.now()));
    return true;
  }

  /**
   * An administrator's "sync this roster now", at the memberships URL the context's last roster
   * sync used (launches give it); empty when no launch has given one yet.
   */
  @Transactional
  public Optional<ServiceCall> syncRosterNow(String platformId, String contextId) {
    return em.createNamedQuery(ServiceCall.LATEST_IN_CONTEXT, ServiceCall.class)
        .setParameter("platformId", platformId)
        .setParameter("contextId", contextId)
        .setParameter("kind", ServiceCall.Kind.ROSTER)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(
            last ->
                queue(
                    ServiceCall.rosterRead(
                        last.platform(), contextId, last.targetUrl(), Instant.now())));
  }

  public List<ServiceCall> latest(Optional<ServiceCall.Status> status, int limit) {
    var query =
        status.isPresent()
            ? em.createNamedQuery(ServiceCall.LATEST_WITH_STATUS, ServiceCall.class)
                .setParameter("status", status.get())
            : em.createNamedQuery(ServiceCall.LATEST, ServiceCall.class);
    return query.setMaxResults(limit).getResultList();
  }

  /** An administrator's retry: a fresh round of attempts, performed at once. */
  @Transactional
  public Optional<ServiceCall> retry(String id) {
    Optional<ServiceCall> call = Optional.ofNullable(em.find(ServiceCall.class, id));
    call.ifPresent(
        c -> {
          try {
            c.retry(Instant.now());
          } catch (IllegalStateException e) {
            throw new NotNow(e.getMessage());
          }
          LOG.info(() -> "Service call " + id + " retried by an administrator");
          queued.fire(new ServiceCallWasQueued(id));
        });
    return call;
  }

  // --- for the relay

  List<String> due(Instant now, int max) {
    return em.createNamedQuery(ServiceCall.DUE, String.class)
        .setParameter("pending", ServiceCall.Status.PENDING)
        .setParameter("now", now.atOffset(ZoneOffset.UTC))
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * Takes the call for this instance if it is still due and nobody holds it: a conditional update,
   * so of two instances asking at once exactly one gets it.
   */
  @Transactional
  Optional<ServiceCall> claim(String id, String claim, Instant now, Duration lease) {
    int taken =
        em.createNamedQuery(ServiceCall.CLAIM)
            .setParameter("claim", claim)
            .setParameter("until", now.plus(lease).atOffset(ZoneOffset.UTC))
            .setParameter("id", id)
            .setParameter("pending", ServiceCall.Status.PENDING)
            .setParameter("now", now.atOffset(ZoneOffset.UTC))
            .executeUpdate();
    return taken == 1 ? Optional.ofNullable(em.find(ServiceCall.class, id)) : Optional.empty();
  }

  @Transactional
  void succeeded(String id, String claim) {
    ServiceCall call = em.find(ServiceCall.class, id);
    if (call != null && call.isClaimedBy(claim)) {
      call.succeeded(Instant.now());
      LOG.info(
          () ->
              "Service call "
                  + id
                  + " ("
                  + call.kind()
                  + ", platform "
                  + call.platform().id()
                  + ") done after "
                  + call.attempts()
                  + " attempt(s)");
    }
  }

  /** The roster and the call's success are stored together. */
  @Transactional
  void rosterRead(String id, String claim, RosterWasRead roster) {
    ServiceCall call = em.find(ServiceCall.class, id);
    if (call != null && call.isClaimedBy(claim)) {
      rosterWasRead.fire(roster);
      succeeded(id, claim);
    }
  }

  @Transactional
  void failed(String id, String claim, ServiceCallFailed failure) {
    ServiceCall call = em.find(ServiceCall.class, id);
    if (call == null || !call.isClaimedBy(claim)) {
      return;
    }
    Instant now = Instant.now();
    call.failed(
        failure.getMessage(),
        failure.permanent(),
        backoff().after(call.attempts() + 1),
        maxAttempts,
        now);
    LOG.warning(
        () ->
            "Service call "
                + id
                + " ("
                + call.kind()
                + ", platform "
                + call.platform().id()
                + ") attempt "
                + call.attempts()
                + " failed: "
                + failure.getMessage()
                + (call.status() == ServiceCall.Status.FAILED
                    ? "; given up"
                    : "; next attempt at " + call.nextAttemptAt()));
  }

  private boolean rosterReadSince(Platform platform, String contextId, Instant since) {
    return em.createNamedQuery(ServiceCall.RECENT_IN_CONTEXT, Long.class)
            .setParameter("platformId", platform.id())
            .setParameter("contextId", contextId)
            .setParameter("kind", ServiceCall.Kind.ROSTER)
            .setParameter("since", since.atOffset(ZoneOffset.UTC))
            .getSingleResult()
        > 0;
  }

  private ServiceCall queue(ServiceCall call) {
    em.persist(call);
    LOG.info(
        () ->
            "Service call "
                + call.id()
                + " ("
                + call.kind()
                + ", platform "
                + call.platform().id()
                + ") queued");
    queued.fire(new ServiceCallWasQueued(call.id()));
    return call;
  }

  private URI checked(String url, String what) {
    return PlatformUrls.check(url, what, settings.developmentMode());
  }

  private static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
