package org.child.cop.lti;

import java.util.List;

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
    List<String> roles) {

  public Launch {
    roles = List.copyOf(roles);
  }
}
