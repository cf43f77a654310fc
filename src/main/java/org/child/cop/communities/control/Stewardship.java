package org.child.cop.communities.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.logging.Logger;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.entity.Community;
import org.child.cop.communities.entity.CommunityContext;
import org.child.cop.communities.entity.CommunityMember;
import org.child.cop.communities.entity.LinkCode;
import org.child.cop.identity.control.Members;
import org.child.cop.identity.entity.Member;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.lti.Launch;

/**
 * What a community's facilitators look after: its name, and which courses lead into it. Always the
 * community of the course the facilitator launched from, never one named in a request, so nobody
 * reaches another community's settings by changing an id.
 */
@ApplicationScoped
public class Stewardship {

  private static final Logger LOG = Logger.getLogger(Stewardship.class.getName());

  @PersistenceContext EntityManager em;
  @Inject Communities communities;
  @Inject Members members;

  /** Why a facilitator's request was not carried out, in words for them. */
  public static final class Refused extends RuntimeException {
    private final boolean forbidden;

    Refused(String message, boolean forbidden) {
      super(message, null, false, false);
      this.forbidden = forbidden;
    }

    /** Not allowed for this person, rather than a mistake in what they sent. */
    public boolean forbidden() {
      return forbidden;
    }
  }

  /** The community of the launch's course, when the person may look after it. */
  @Transactional
  public Community stewardedBy(Launch launch) {
    Community community =
        launch.contextId() == null
            ? null
            : communities.of(launch.platformId(), launch.contextId()).orElse(null);
    if (community == null) {
      throw new Refused("Open CHILD CoP from a course to look after its community.", true);
    }
    Member member =
        members.find(new PlatformAccount(launch.issuer(), launch.subject())).orElse(null);
    CommunityMember part =
        member == null
            ? null
            : em.find(CommunityMember.class, new CommunityMember.Key(community.id(), member.id()));
    boolean facilitates =
        CommunityRole.onEntry(launch.roles()) == CommunityRole.FACILITATOR
            || part != null && part.role() == CommunityRole.FACILITATOR;
    if (!facilitates) {
      throw new Refused("Only the community's facilitators change its settings.", true);
    }
    return community;
  }

  @Transactional
  public Community rename(Launch launch, String name) {
    Community community = stewardedBy(launch);
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw new Refused("Give the community a name its members recognise.", false);
    }
    if (stripped.length() > Community.MAX_NAME) {
      throw new Refused("Keep the name to " + Community.MAX_NAME + " characters or fewer.", false);
    }
    community.rename(stripped);
    LOG.info(() -> "Community " + community.id() + " renamed by a facilitator");
    return community;
  }

  /** A code a facilitator of another course enters there to link that course to this community. */
  @Transactional
  public LinkCode.Issued linkCode(Launch launch) {
    Community community = stewardedBy(launch);
    Member member =
        members.find(new PlatformAccount(launch.issuer(), launch.subject())).orElseThrow();
    LinkCode.Issued issued = LinkCode.issue(community.id(), member.id(), Instant.now());
    em.persist(issued.row());
    LOG.info(() -> "Link code issued for community " + community.id());
    return issued;
  }

  /**
   * The launch's course now leads into the community the code was issued in. The course's former
   * community keeps what was done in it; its members join the new one at their next launch.
   */
  @Transactional
  public Community link(Launch launch, String code) {
    Community current = stewardedBy(launch);
    LinkCode found = em.find(LinkCode.class, LinkCode.hash(code), LockModeType.PESSIMISTIC_WRITE);
    Instant now = Instant.now();
    if (found == null || !found.redeem(now)) {
      throw new Refused(
          "That code is not valid: check it, or ask for a new one (a code works once, for a"
              + " day).",
          false);
    }
    if (found.communityId().equals(current.id())) {
      throw new Refused("This course already leads into that community.", false);
    }
    Community target = em.find(Community.class, found.communityId());
    CommunityContext context =
        em.find(
            CommunityContext.class,
            new CommunityContext.Key(launch.platformId(), launch.contextId()));
    context.moveTo(target, now);
    LOG.info(
        () ->
            "Context "
                + launch.contextId()
                + " of platform "
                + launch.platformId()
                + " moved from community "
                + current.id()
                + " to community "
                + target.id());
    return target;
  }
}
