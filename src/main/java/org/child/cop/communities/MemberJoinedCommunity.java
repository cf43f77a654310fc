package org.child.cop.communities;

import java.time.Instant;
import java.util.Objects;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.entity.PlatformAccount;

/**
 * A member took part in a community for the first time. Fired inside the transaction that records
 * it, so that what reports it (a statement) is written with it or not at all.
 */
public record MemberJoinedCommunity(
    String communityId,
    String communityName,
    PlatformAccount account,
    CommunityRole role,
    OrgUnit orgUnit,
    Instant joinedAt) {

  public MemberJoinedCommunity {
    Objects.requireNonNull(communityId);
    Objects.requireNonNull(communityName);
    Objects.requireNonNull(account);
    Objects.requireNonNull(role);
    Objects.requireNonNull(orgUnit);
    Objects.requireNonNull(joinedAt);
  }
}
