package org.child.cop.communities.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/** An LMS course context (platform registration + context id) whose launches enter a community. */
@Entity
@Table(name = "community_context")
@IdClass(CommunityContext.Key.class)
@NamedQuery(
    name = CommunityContext.COMMUNITY_OF,
    query =
        "select c.community from CommunityContext c where c.platformId = :platformId"
            + " and c.contextId = :contextId")
public class CommunityContext {

  public static final String COMMUNITY_OF = "CommunityContext.communityOf";

  /** The primary key (a class with settable fields, as JPA wants it). */
  public static class Key implements Serializable {
    private String platformId;
    private String contextId;

    public Key() {}

    public Key(String platformId, String contextId) {
      this.platformId = platformId;
      this.contextId = contextId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(platformId, key.platformId)
          && Objects.equals(contextId, key.contextId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(platformId, contextId);
    }
  }

  @Id
  @Column(name = "platform_id")
  private String platformId;

  @Id
  @Column(name = "context_id")
  private String contextId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "community_id")
  private Community community;

  @Column(name = "linked_at", nullable = false)
  private OffsetDateTime linkedAt;

  protected CommunityContext() {}

  public CommunityContext(String platformId, String contextId, Community community, Instant now) {
    this.platformId = Objects.requireNonNull(platformId);
    this.contextId = Objects.requireNonNull(contextId);
    this.community = Objects.requireNonNull(community);
    this.linkedAt = now.atOffset(ZoneOffset.UTC);
  }

  /**
   * The course now enters another community. What was done in the previous one stays there, as it
   * happened; members join this one at their next launch.
   */
  public void moveTo(Community other, Instant now) {
    this.community = Objects.requireNonNull(other);
    this.linkedAt = now.atOffset(ZoneOffset.UTC);
  }

  public Community community() {
    return community;
  }
}
