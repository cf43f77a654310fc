package org.child.cop.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
  @Inject OrgUnits orgUnits;

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
    launched.fire(
        new MemberLaunched(
            member, launch, orgUnits.onLaunch(member.account(), launch.custom(), now)));
  }

  /**
   * A context's roster as the platform lists it now: everyone on it is enrolled with the roles and
   * status it gives, and, when the roster is complete, whoever is missing from it no longer takes
   * part (they left the course).
   */
  void rosterRead(@Observes RosterWasRead roster) {
    Instant now = Instant.now();
    Set<String> listed = new HashSet<>();
    // in one order, so that two syncs of overlapping rosters lock their members without deadlock
    List<RosterEntry> entries =
        roster.entries().stream()
            .sorted(
                java.util.Comparator.comparing(RosterEntry::issuer)
                    .thenComparing(RosterEntry::subject))
            .toList();
    for (RosterEntry entry : entries) {
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
    Member member = locked(account).orElseGet(() -> registered(account, name, now));
    member.seen(name, now);
    return member;
  }

  /**
   * A person seen for the first time: first sightings take the registration lock, so a racing
   * launch of the same person waits here, then finds the row this one committed.
   */
  private Member registered(PlatformAccount account, String name, Instant now) {
    lockRegistrations();
    return locked(account)
        .orElseGet(
            () -> {
              Member member = new Member(account, name, now);
              em.persist(member);
              return member;
            });
  }

  /**
   * Holds back first sightings of people until the transaction ends: for changes that must not
   * interleave with a new person's first launch (an import of units).
   */
  public void lockRegistrations() {
    em.createNativeQuery("select id from member_registration_lock where id = 1 for update")
        .getResultList();
  }

  /**
   * The member, locked until the transaction ends: a person's launches and roster entries then
   * enrol them one after the other, so racing first launches into a course record one membership.
   */
  public Optional<Member> locked(PlatformAccount account) {
    return em.createNamedQuery(Member.BY_ACCOUNT, Member.class)
        .setParameter("issuer", account.issuer())
        .setParameter("subject", account.subject())
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst();
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

  /** Someone taking part in a course context now, as pages list them. */
  public record TakingPart(String name, Set<LtiRole> roles) {}

  /**
   * Who takes part in a course context now, by name: values rather than entities, since a page
   * showing them changes nothing.
   */
  public List<TakingPart> takingPart(String platformId, String contextId) {
    return em.createNamedQuery(Membership.NAMES_AND_ROLES_ACTIVE_IN_CONTEXT, Object[].class)
        .setParameter("platformId", platformId)
        .setParameter("contextId", contextId)
        .getResultStream()
        .map(row -> new TakingPart((String) row[0], Membership.roles((String) row[1])))
        .toList();
  }

  public List<Membership> inContext(String platformId, String contextId) {
    return em.createNamedQuery(Membership.IN_CONTEXT, Membership.class)
        .setParameter("platformId", platformId)
        .setParameter("contextId", contextId)
        .getResultList();
  }
}
