package org.child.cop.identity;

import java.util.Objects;
import org.child.cop.identity.entity.Member;
import org.child.cop.lti.Launch;

/**
 * A verified launch, once the member it names is recorded, with the org unit they work in now: what
 * the rest of the tool builds on (communities, activities). Fired inside the launch's transaction.
 */
public record MemberLaunched(Member member, Launch launch, OrgUnit unit) {

  public MemberLaunched {
    Objects.requireNonNull(member);
    Objects.requireNonNull(launch);
    Objects.requireNonNull(unit);
  }
}
