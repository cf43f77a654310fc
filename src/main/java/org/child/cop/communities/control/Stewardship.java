package org.child.cop.communities.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.child.cop.communities.CommunityRole;
import org.child.cop.communities.entity.Community;
import org.child.cop.communities.entity.CommunityContext;
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

  /** Wrong codes one person may enter per {@link #GUESS_WINDOW} on this instance. */
  static final int GUESSES = 5;

  static final Duration GUESS_WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> wrongCodes = new ConcurrentHashMap<>();

  /** Why a facilitator's request was not carried out, in words for them. */
  public static final class Refused extends RuntimeException {
    private final int status;

    Refused(String message, int status) {
      super(message, null, false, false);
      this.status = status;
    }

    /** 400 for a mistake in what they sent, 403 when not allowed, 429 after too many guesses. */
    public int status() {
      return status;
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
      throw new Refused("Open CHILD CoP from a course to look after its community.", 403);
    }
    // the course's roles as the LMS gives them now: someone no longer teaching it cannot keep
    // the settings by a role recorded earlier
    if (CommunityRole.onEntry(launch.roles()) != CommunityRole.FACILITATOR) {
      throw new Refused("Only the community's facilitators change its settings.", 403);
    }
    return community;
  }

  @Transactional
  public Community rename(Launch launch, String name) {
    Community community = stewardedBy(launch);
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()) {
      throw new Refused("Give the community a name its members recognise.", 400);
    }
    if (stripped.length() > Community.MAX_NAME) {
      throw new Refused("Keep the name to " + Community.MAX_NAME + " characters or fewer.", 400);
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
    Instant now = Instant.now();
    String guesser = launch.issuer() + " " + launch.subject();
    Deque<Instant> wrong = wrongCodes.computeIfAbsent(guesser, key -> new ArrayDeque<>());
    synchronized (wrong) {
      while (!wrong.isEmpty() && wrong.peekFirst().isBefore(now.minus(GUESS_WINDOW))) {
        wrong.pollFirst();
      }
      if (wrong.size() >= GUESSES) {
        LOG.warning(() -> "Link codes refused for a member after " + GUESSES + " wrong ones");
        throw new Refused(
            "Too many wrong codes: try again in " + GUESS_WINDOW.toMinutes() + " minutes.", 429);
      }
    }
    LinkCode found = em.find(LinkCode.class, LinkCode.hash(code), LockModeType.PESSIMISTIC_WRITE);
    if (found == null || !found.redeem(now)) {
      synchronized (wrong) {
        wrong.addLast(now);
      }
      throw new Refused(
          "That code is not valid: check it, or ask for a new one (a code works once, for a"
              + " day).",
          400);
    }
    if (found.communityId().equals(current.id())) {
      throw new Refused("This course already leads into that community.", 400);
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
