package org.child.cop.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.child.cop.identity.entity.Member;
import org.child.cop.identity.entity.PlatformAccount;

/**
 * Records a person seen for the first time, in a transaction of its own: two first launches of the
 * same person may race, the account's key lets one row in, and the other launch then finds it
 * instead of failing.
 */
@ApplicationScoped
public class MemberRegistration {

  @PersistenceContext EntityManager em;

  /** Fails on the account's key when a concurrent launch registered the person first. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void register(PlatformAccount account, String name, Instant now) {
    em.persist(new Member(account, name, now));
    em.flush();
  }
}
