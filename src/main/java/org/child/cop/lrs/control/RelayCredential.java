package org.child.cop.lrs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.logging.Logger;
import org.child.cop.lrs.LrsScope;
import org.child.cop.lrs.entity.LrsCredential;

/**
 * Creates the statement relay's credential, in a transaction of its own: instances starting
 * together may race, the key's uniqueness lets one in, and the others then read it.
 */
@ApplicationScoped
public class RelayCredential {

  private static final Logger LOG = Logger.getLogger(RelayCredential.class.getName());

  @PersistenceContext EntityManager em;

  /** The new credential; fails on the key when another instance created it first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public LrsCredential create() {
    LrsCredential credential =
        LrsCredential.relay(
            LrsCredentials.RELAY_KEY,
            LrsCredentials.TOOL_TENANT,
            Set.of(LrsScope.STATEMENTS_WRITE),
            Instant.now());
    em.persist(credential);
    em.flush();
    LOG.info(() -> "Created the statement relay's LRS credential " + credential.id());
    return credential;
  }
}
