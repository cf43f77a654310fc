package org.child.cop.communities;

import java.util.Set;
import org.child.cop.lti.LtiRole;

/** A member's part in a community, which reports follow from participant to core. */
public enum CommunityRole {
  PARTICIPANT,
  CONTRIBUTOR,
  FACILITATOR,
  CORE,
  SPONSOR;

  /**
   * The role a member enters with, from their LMS roles: those who teach the course facilitate;
   * everyone else takes part. Contributors, the core group and sponsors are named in the tool.
   */
  public static CommunityRole onEntry(Set<LtiRole> roles) {
    return roles.contains(LtiRole.INSTRUCTOR) || roles.contains(LtiRole.ADMINISTRATOR)
        ? FACILITATOR
        : PARTICIPANT;
  }
}
