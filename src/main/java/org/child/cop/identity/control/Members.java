package org.child.cop.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.child.cop.identity.MemberLaunched;
import org.child.cop.identity.entity.Member;
import org.child.cop.identity.entity.Membership;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.RosterEntry;
import org.child.cop.lti.RosterWasRead;

/**
 * Members as the LMSs tell of them: every verified launch (an event fired inside the launch's
 * transaction) and every roster sync records the person and their roles in the course context.
 */
@ApplicationScoped
public class Members {

  @PersistenceContext EntityManager em;
  @Inject Event<MemberLaunched> launched;

  void recognise(@Observes Launch launch) {
    Instant now = Instant.now();
    Member member =
        seen(new PlatformAccount(launch.issuer(), launch.subject()), launch.name(), now);
    if (launch.contextId() != null) {
      enrol(
          member,
          launch.platformId(),
          launch.contextId(),
          launch.roles(),
          Membership.Source.LAUNCH,
          true,
          now);
    }
    launched.fire(new MemberLaunched(member, launch));
  }

  /**
   * A context's roster as the platform lists it now: everyone on it is enrolled with the roles and
   * status it gives, and, when the roster is complete, whoever is missing from it no longer takes
   * part (they left the course).
   */
  void rosterRead(@Observes RosterWasRead roster) {
    Instant now = Instant.now();
    Set<String> listed = new HashSet<>();
    for (RosterEntry entry : roster.entries()) {
      Member member = seen(new PlatformAccount(entry.issuer(), entry.subject()), entry.name(), now);
      enrol(
          member,
          roster.platformId(),
          roster.contextId(),
          entry.roles(),
          Membership.Source.ROSTER,
          entry.active(),
          now);
      listed.add(member.id());
    }
    if (roster.complete()) {
      for (Membership membership : inContext(roster.platformId(), roster.contextId())) {
        if (membership.active() && !listed.contains(membership.member().id())) {
          membership.update(membership.roles(), Membership.Source.ROSTER, false, now);
        }
      }
    }
  }

  /** The member with this account, created on first sight, with the name the platform gives now. */
  public Member seen(PlatformAccount account, String name, Instant now) {
    Optional<Member> known = find(account);
    known.ifPresent(member -> member.seen(name, now));
    return known.orElseGet(
        () -> {
          Member member = new Member(account, name, now);
          em.persist(member);
          return member;
        });
  }

  public Optional<Member> find(PlatformAccount account) {
    return em.createNamedQuery(Member.BY_ACCOUNT, Member.class)
        .setParameter("issuer", account.issuer())
        .setParameter("subject", account.subject())
        .getResultStream()
        .findFirst();
  }

  /** Records the member's roles in a course context as the platform states them now. */
  public Membership enrol(
      Member member,
      String platformId,
      String contextId,
      Set<LtiRole> roles,
      Membership.Source source,
      boolean active,
      Instant now) {
    Optional<Membership> known =
        em.createNamedQuery(Membership.OF_MEMBER_IN_CONTEXT, Membership.class)
            .setParameter("member", member)
            .setParameter("platformId", platformId)
            .setParameter("contextId", contextId)
            .getResultStream()
            .findFirst();
    known.ifPresent(membership -> membership.update(roles, source, active, now));
    return known.orElseGet(
        () -> {
          Membership membership = new Membership(member, platformId, contextId, roles, source, now);
          if (!active) {
            membership.update(roles, source, false, now);
          }
          em.persist(membership);
          return membership;
        });
  }

  public List<Membership> inContext(String platformId, String contextId) {
    return em.createNamedQuery(Membership.IN_CONTEXT, Membership.class)
        .setParameter("platformId", platformId)
        .setParameter("contextId", contextId)
        .getResultList();
  }
}
