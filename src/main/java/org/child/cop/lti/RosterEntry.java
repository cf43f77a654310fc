package org.child.cop.lti;

import java.util.Objects;
import java.util.Set;

/**
 * One person on a course roster as the platform's Names and Role Provisioning Service lists them:
 * their platform account (issuer, subject), name, roles in the context, and whether they still take
 * part (NRPS status Active, not Inactive or Deleted).
 */
public record RosterEntry(
    String issuer, String subject, String name, Set<LtiRole> roles, boolean active) {

  public RosterEntry {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    roles = Set.copyOf(roles);
  }
}
