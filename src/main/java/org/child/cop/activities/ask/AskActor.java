package org.child.cop.activities.ask;

import java.util.Objects;
import org.child.cop.communities.CommunityRole;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.entity.PlatformAccount;

/** Who acts, as the facts about an act record them: their account, unit and role at the time. */
public record AskActor(PlatformAccount account, OrgUnit unit, CommunityRole role) {

  public AskActor {
    Objects.requireNonNull(account);
    Objects.requireNonNull(unit);
    Objects.requireNonNull(role);
  }
}
