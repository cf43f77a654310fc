package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.child.cop.lti.entity.Deployment;
import org.child.cop.lti.entity.Platform;
import org.child.cop.settings.ToolSettings;

/** The platforms registered with the tool, as administrators manage them. */
@ApplicationScoped
public class Platforms {

  private static final Logger LOG = Logger.getLogger(Platforms.class.getName());

  /** Thrown when (issuer, client id) is registered already. */
  public static class AlreadyRegistered extends RuntimeException {
    AlreadyRegistered(String issuer, String clientId) {
      super(
          "A platform with issuer "
              + issuer
              + " and client id "
              + clientId
              + " is registered already.");
    }
  }

  /** What an administrator enters to register a platform by hand. */
  public record Registration(
      @NotBlank(message = "is required") String name,
      @NotBlank(message = "is required") String issuer,
      @NotBlank(message = "is required") String clientId,
      @NotBlank(message = "is required") String authorizationUrl,
      @NotBlank(message = "is required") String tokenUrl,
      @NotBlank(message = "is required") String keysetUrl,
      List<@NotBlank(message = "must not be blank") String> deploymentIds) {}

  @PersistenceContext EntityManager em;
  @Inject ToolSettings settings;

  /** Tells the registrations logins and launches read ({@link RegisteredPlatforms}). */
  @Inject Event<PlatformWasChanged> changed;

  public List<Platform> all() {
    return em.createNamedQuery(Platform.ALL, Platform.class).getResultList();
  }

  public Optional<Platform> find(String id) {
    return Optional.ofNullable(em.find(Platform.class, id));
  }

  public Optional<Platform> find(String issuer, String clientId) {
    return em.createNamedQuery(Platform.BY_ISSUER_AND_CLIENT, Platform.class)
        .setParameter("issuer", issuer)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /** How many self-registered platforms wait for an administrator. */
  public long awaitingApproval() {
    return em.createNamedQuery(Platform.COUNT_WITH_APPROVAL, Long.class)
        .setParameter("approval", Platform.Approval.PENDING)
        .getSingleResult();
  }

  /** Registers a platform; invalid input is an IllegalArgumentException naming the field. */
  @Transactional
  public Platform register(Registration registration) {
    boolean development = settings.developmentMode();
    Instant now = Instant.now();
    Platform platform =
        new Platform(
            registration.name(),
            registration.issuer(),
            registration.clientId(),
            PlatformUrls.check(registration.authorizationUrl(), "authorization URL", development),
            PlatformUrls.check(registration.tokenUrl(), "token URL", development),
            PlatformUrls.check(registration.keysetUrl(), "key set URL", development),
            now);
    if (find(platform.issuer(), platform.clientId()).isPresent()) {
      throw new AlreadyRegistered(platform.issuer(), platform.clientId());
    }
    if (registration.deploymentIds() != null) {
      registration.deploymentIds().forEach(id -> platform.registerDeployment(id, now));
    }
    store(platform);
    LOG.info(() -> "Registered platform " + platform.id() + " (" + platform.issuer() + ")");
    return platform;
  }

  /**
   * Stores a platform that registered itself, with the deployment its answer named (Moodle names
   * one, Canvas none: its deployments are recorded at their first launch).
   */
  @Transactional
  public Platform registerDynamically(Platform platform, Optional<String> deploymentId) {
    if (find(platform.issuer(), platform.clientId()).isPresent()) {
      throw new AlreadyRegistered(platform.issuer(), platform.clientId());
    }
    Instant now = Instant.now();
    deploymentId.ifPresent(id -> platform.registerDeployment(id, now));
    store(platform);
    LOG.info(
        () ->
            "Platform "
                + platform.id()
                + " ("
                + platform.issuer()
                + ", client id "
                + platform.clientId()
                + ") registered itself"
                + (platform.awaitsApproval() ? " and awaits approval" : ""));
    return platform;
  }

  /**
   * Two registrations of one (issuer, client id) may pass the check above together; the unique key
   * lets one in, and the other learns it here rather than as a failed commit.
   */
  private void store(Platform platform) {
    try {
      em.persist(platform);
      em.flush();
      changed.fire(new PlatformWasChanged(platform.id()));
    } catch (PersistenceException e) {
      if (isUniqueViolation(e)) {
        throw new AlreadyRegistered(platform.issuer(), platform.clientId());
      }
      throw e;
    }
  }

  /** SQLSTATE 23505 is unique_violation on PostgreSQL and on H2. */
  private static boolean isUniqueViolation(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** An administrator accepts a self-registered platform; see {@link Platform#approve()}. */
  @Transactional
  public Optional<Platform> approve(String id) {
    return find(id)
        .map(
            platform -> {
              platform.approve();
              changed.fire(new PlatformWasChanged(id));
              LOG.info(() -> "Platform " + id + " (" + platform.issuer() + ") approved");
              return platform;
            });
  }

  @Transactional
  public Optional<Platform> enable(String id, boolean enabled) {
    return find(id)
        .map(
            platform -> {
              if (enabled) {
                platform.enable();
              } else {
                platform.disable();
              }
              changed.fire(new PlatformWasChanged(id));
              LOG.info(() -> "Platform " + id + (enabled ? " enabled" : " disabled"));
              return platform;
            });
  }

  @Transactional
  public boolean delete(String id) {
    Optional<Platform> platform = find(id);
    platform.ifPresent(
        p -> {
          em.remove(p);
          changed.fire(new PlatformWasChanged(id));
          LOG.info(() -> "Deleted platform " + id + " (" + p.issuer() + ")");
        });
    return platform.isPresent();
  }

  /** Confirms or blocks a deployment; confirming an unknown one registers it. */
  @Transactional
  public Optional<Platform> decide(String id, String deploymentId, Deployment.Status decision) {
    return find(id)
        .map(
            platform -> {
              if (decision == Deployment.Status.CONFIRMED) {
                platform.registerDeployment(deploymentId, Instant.now());
              } else {
                platform.decide(deploymentId, decision);
              }
              changed.fire(new PlatformWasChanged(id));
              return platform;
            });
  }
}
