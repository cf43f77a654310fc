package org.child.cop.communities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.child.cop.communities.CommunityRole;

/** A member's part in a community: their role there and when they joined. */
@Entity
@Table(name = "community_member")
@IdClass(CommunityMember.Key.class)
@NamedQuery(
    name = CommunityMember.COUNT_IN_COMMUNITY_OF_CONTEXT,
    query =
        "select count(m) from CommunityMember m, CommunityContext c where c.platformId ="
            + " :platformId and c.contextId = :contextId and m.communityId = c.community.id"
            + " and m.memberId = :memberId")
public class CommunityMember {

  /** Whether a member is in the community a course context leads into: 0 or 1. */
  public static final String COUNT_IN_COMMUNITY_OF_CONTEXT =
      "CommunityMember.countInCommunityOfContext";

  /** The primary key (a class with settable fields, as JPA wants it). */
  public static class Key implements Serializable {
    private String communityId;
    private String memberId;

    public Key() {}

    public Key(String communityId, String memberId) {
      this.communityId = communityId;
      this.memberId = memberId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(communityId, key.communityId)
          && Objects.equals(memberId, key.memberId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(communityId, memberId);
    }
  }

  @Id
  @Column(name = "community_id")
  private String communityId;

  @Id
  @Column(name = "member_id")
  private String memberId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CommunityRole role;

  @Column(name = "joined_at", nullable = false)
  private OffsetDateTime joinedAt;

  protected CommunityMember() {}

  public CommunityMember(String communityId, String memberId, CommunityRole role, Instant now) {
    this.communityId = Objects.requireNonNull(communityId);
    this.memberId = Objects.requireNonNull(memberId);
    this.role = Objects.requireNonNull(role);
    this.joinedAt = now.atOffset(ZoneOffset.UTC);
  }

  public CommunityRole role() {
    return role;
  }

  public Instant joinedAt() {
    return joinedAt.toInstant();
  }
}
