package org.child.cop.communities.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.MemberJoinedCommunity;
import org.child.cop.communities.entity.Community;
import org.child.cop.communities.entity.CommunityContext;
import org.child.cop.communities.entity.CommunityMember;
import org.child.cop.identity.MemberLaunched;
import org.child.cop.identity.entity.Member;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.lti.Launch;

/**
 * Communities as launches reach them: a member's launch from a course context enters that context's
 * community (founding it at the course's first launch), and a member's first launch into a
 * community makes them a member of it, which {@link MemberJoinedCommunity} tells the rest of the
 * tool inside the launch's transaction.
 */
@ApplicationScoped
public class Communities {

  private static final Logger LOG = Logger.getLogger(Communities.class.getName());

  @PersistenceContext EntityManager em;
  @Inject CommunityFounding founding;
  @Inject Event<MemberJoinedCommunity> joined;

  void enter(@Observes MemberLaunched launched) {
    Launch launch = launched.launch();
    if (launch.isDeepLinking() || launch.contextId() == null) {
      // a course designer placing activities is not taking part yet
      return;
    }
    Member member = launched.member();
    if (inCommunityOf(launch, member)) {
      return; // every launch after the first: one query
    }
    Instant now = Instant.now();
    String communityId =
        of(launch.platformId(), launch.contextId())
            .map(Community::id)
            .orElseGet(() -> found(launch, now));
    PlatformAccount account = member.account();
    // one join per member, even when the same person's launches race: the second waits here and
    // then finds the first one's membership
    Community community = em.find(Community.class, communityId, LockModeType.PESSIMISTIC_WRITE);
    if (isMember(communityId, member)) {
      return;
    }
    CommunityRole role = CommunityRole.onEntry(launch.roles());
    em.persist(new CommunityMember(communityId, member.id(), role, now));
    LOG.info(() -> "Member " + member.id() + " joined community " + communityId + " as " + role);
    joined.fire(
        new MemberJoinedCommunity(
            communityId, community.name(), account, role, launched.unit(), now));
  }

  /** The community a course context is linked to. */
  public Optional<Community> of(String platformId, String contextId) {
    return em.createNamedQuery(CommunityContext.COMMUNITY_OF, Community.class)
        .setParameter("platformId", platformId)
        .setParameter("contextId", contextId)
        .getResultStream()
        .findFirst();
  }

  private String found(Launch launch, Instant now) {
    try {
      String id =
          founding.found(launch.platformId(), launch.contextId(), launch.contextTitle(), now);
      LOG.info(
          () ->
              "Community "
                  + id
                  + " founded from context "
                  + launch.contextId()
                  + " of platform "
                  + launch.platformId());
      return id;
    } catch (PersistenceException | jakarta.transaction.TransactionalException raced) {
      return of(launch.platformId(), launch.contextId())
          .map(Community::id)
          .orElseThrow(() -> raced);
    }
  }

  private boolean inCommunityOf(Launch launch, Member member) {
    return em.createNamedQuery(CommunityMember.COUNT_IN_COMMUNITY_OF_CONTEXT, Long.class)
            .setParameter("platformId", launch.platformId())
            .setParameter("contextId", launch.contextId())
            .setParameter("memberId", member.id())
            .getSingleResult()
        > 0;
  }

  private boolean isMember(String communityId, Member member) {
    return em.find(CommunityMember.class, new CommunityMember.Key(communityId, member.id()))
        != null;
  }
}
