package org.child.cop.lrs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.LrsScope;
import org.child.cop.lrs.entity.LrsCredential;
import org.child.cop.settings.ToolSettings;
import org.child.cop.xapi.Agent;

/** The embedded LRS's clients: issued, listed and switched off by administrators, and checked. */
@ApplicationScoped
public class LrsCredentials {

  private static final Logger LOG = Logger.getLogger(LrsCredentials.class.getName());

  /** The tenant of the statements the tool itself makes. */
  public static final String TOOL_TENANT = "default";

  /** The relay's credential: its key is known, its secret is thrown away at once. */
  static final String RELAY_KEY = "child-cop-statement-relay";

  @PersistenceContext EntityManager em;
  @Inject ToolSettings settings;
  @Inject RelayCredential relayCredential;

  @Transactional
  public LrsCredential.Issued issue(String tenant, String name, Set<LrsScope> scopes) {
    LrsCredential.Issued issued = LrsCredential.issue(tenant, name, scopes, Instant.now());
    em.persist(issued.credential());
    LOG.info(() -> "Issued " + issued.credential());
    return issued;
  }

  public List<LrsCredential> all() {
    return em.createNamedQuery(LrsCredential.ALL, LrsCredential.class).getResultList();
  }

  public Optional<LrsCredential> find(String id) {
    return Optional.ofNullable(em.find(LrsCredential.class, id));
  }

  @Transactional
  public Optional<LrsCredential> enable(String id, boolean enabled) {
    return find(id)
        .map(
            credential -> {
              credential.enable(enabled);
              LOG.info(() -> credential + (enabled ? " switched on" : " switched off"));
              return credential;
            });
  }

  @Transactional
  public boolean delete(String id) {
    return find(id)
        .map(
            credential -> {
              em.remove(credential);
              LOG.info(() -> "Deleted " + credential);
              return true;
            })
        .orElse(false);
  }

  /**
   * The statement relay as an LRS caller: its own credential (created once, usable only in process,
   * as nobody knows its secret), allowed to write statements of the tool's tenant.
   */
  public LrsCaller relayCaller() {
    LrsCredential credential = byKey(RELAY_KEY).orElseGet(this::createRelayCredential);
    return new LrsCaller(
        credential.id(), credential.tenant(), credential.scopes(), authority(credential));
  }

  private LrsCredential createRelayCredential() {
    try {
      return relayCredential.create();
    } catch (RuntimeException raced) {
      // another instance created it at the same moment
      return byKey(RELAY_KEY).orElseThrow(() -> raced);
    }
  }

  private Optional<LrsCredential> byKey(String key) {
    return em.createNamedQuery(LrsCredential.BY_KEY, LrsCredential.class)
        .setParameter("key", key)
        .getResultStream()
        .findFirst();
  }

  /** The caller these Basic credentials stand for, if they are right and switched on. */
  public Optional<LrsCaller> caller(String key, String secret) {
    return byKey(key)
        .filter(credential -> credential.accepts(secret))
        .map(
            credential ->
                new LrsCaller(
                    credential.id(),
                    credential.tenant(),
                    credential.scopes(),
                    authority(credential)));
  }

  /**
   * The authority of what a client stores: an account under the tool's address named by the
   * client's key, so a statement says which client vouched for it without naming a person.
   */
  Agent authority(LrsCredential credential) {
    URI home = URI.create(settings.baseUrl() + "/xapi/clients");
    return Agent.of(
        credential.name(), new org.child.cop.xapi.Account(home.toString(), credential.key()));
  }
}
