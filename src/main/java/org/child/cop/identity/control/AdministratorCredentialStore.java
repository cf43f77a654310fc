package org.child.cop.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.child.cop.identity.entity.AdministratorCredential;

/** Reads and writes the stored administrator credential. */
@ApplicationScoped
public class AdministratorCredentialStore {

  @PersistenceContext EntityManager em;

  public Optional<AdministratorCredential> find() {
    return Optional.ofNullable(
        em.find(AdministratorCredential.class, AdministratorCredential.THE_ONE));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void store(AdministratorCredential credential) {
    em.persist(credential);
  }

  @Transactional
  public void changePassword(char[] password) {
    AdministratorCredential credential =
        find().orElseThrow(() -> new IllegalStateException("no stored administrator credential"));
    credential.changePassword(password, Instant.now());
  }
}
