package org.child.cop.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.child.cop.lti.LtiRole;

/**
 * A member's roles in one LMS course context (platform registration + context id), as the last
 * launch or roster sync told them. Communities are built on these contexts.
 */
@Entity
@Table(name = "membership")
@NamedQuery(
    name = Membership.OF_MEMBER_IN_CONTEXT,
    query =
        "select m from Membership m where m.member = :member and m.platformId = :platformId"
            + " and m.contextId = :contextId")
@NamedQuery(
    name = Membership.IN_CONTEXT,
    query =
        "select m from Membership m join fetch m.member where m.platformId = :platformId"
            + " and m.contextId = :contextId order by m.member.name")
@NamedQuery(
    name = Membership.NAMES_AND_ROLES_ACTIVE_IN_CONTEXT,
    query =
        "select m.member.name, m.roles from Membership m where m.platformId = :platformId"
            + " and m.contextId = :contextId and m.active = true order by m.member.name")
public class Membership {

  public static final String OF_MEMBER_IN_CONTEXT = "Membership.ofMemberInContext";
  public static final String IN_CONTEXT = "Membership.inContext";

  /** Rows of (member name, stored roles: read them with {@link #roles(String)}). */
  public static final String NAMES_AND_ROLES_ACTIVE_IN_CONTEXT =
      "Membership.namesAndRolesActiveInContext";

  /** How the tool learnt of it. */
  public enum Source {
    LAUNCH,
    ROSTER
  }

  @Id private String id;

  @ManyToOne(optional = false)
  @JoinColumn(name = "member_id")
  private Member member;

  @Column(name = "platform_id", nullable = false)
  private String platformId;

  @Column(name = "context_id", nullable = false)
  private String contextId;

  @Column(nullable = false)
  private String roles;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Source source;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "updated_at", nullable = false)
  private OffsetDateTime updatedAt;

  protected Membership() {}

  public Membership(
      Member member,
      String platformId,
      String contextId,
      Set<LtiRole> roles,
      Source source,
      Instant now) {
    this.id = UUID.randomUUID().toString();
    this.member = Objects.requireNonNull(member);
    this.platformId = Objects.requireNonNull(platformId);
    this.contextId = Objects.requireNonNull(contextId);
    update(roles, source, true, now);
  }

  /** What the platform says now replaces what it said before. */
  public void update(Set<LtiRole> currentRoles, Source from, boolean stillActive, Instant now) {
    String stated = currentRoles.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    if (stated.equals(roles) && from == source && stillActive == active) {
      return; // nothing new: no UPDATE on every launch
    }
    this.roles = stated;
    this.source = Objects.requireNonNull(from);
    this.active = stillActive;
    this.updatedAt = now.atOffset(ZoneOffset.UTC);
  }

  public Set<LtiRole> roles() {
    return roles(roles);
  }

  /** The roles as the {@code roles} column stores them. */
  public static Set<LtiRole> roles(String stored) {
    Set<LtiRole> set = EnumSet.noneOf(LtiRole.class);
    if (!stored.isEmpty()) {
      Arrays.stream(stored.split(",")).map(LtiRole::valueOf).forEach(set::add);
    }
    return set;
  }

  public Member member() {
    return member;
  }

  public String contextId() {
    return contextId;
  }

  public Source source() {
    return source;
  }

  public boolean active() {
    return active;
  }
}
