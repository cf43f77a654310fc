package org.child.cop.communities.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.child.cop.communities.entity.Community;
import org.child.cop.communities.entity.CommunityContext;

/**
 * Founds the community of a course context, in a transaction of its own: two first launches from
 * one course may race, the context's key lets one community in, and the other launch then finds it
 * instead of failing.
 */
@ApplicationScoped
public class CommunityFounding {

  @PersistenceContext EntityManager em;

  /** Returns the new community's id; a concurrent founding makes this fail on the key. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public String found(String platformId, String contextId, String name, Instant now) {
    Community community = new Community(name, now);
    em.persist(community);
    em.persist(new CommunityContext(platformId, contextId, community, now));
    em.flush();
    return community.id();
  }
}
