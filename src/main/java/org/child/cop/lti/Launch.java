package org.child.cop.lti;

import java.util.List;
import java.util.Set;

/**
 * A verified LTI launch, in plain values: the only thing the rest of the tool learns from a launch.
 * The person is (issuer, subject), never the subject alone.
 */
public record Launch(
    String platformId,
    String issuer,
    String subject,
    String name,
    String messageType,
    String deploymentId,
    String contextId,
    String contextTitle,
    String resourceLinkId,
    List<String> roleUris,
    Set<LtiRole> roles) {

  public Launch {
    roleUris = List.copyOf(roleUris);
    roles = Set.copyOf(roles);
  }
}
