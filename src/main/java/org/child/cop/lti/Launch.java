package org.child.cop.lti;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A verified LTI launch, in plain values: the only thing the rest of the tool learns from a launch.
 * The person is (issuer, subject), never the subject alone. {@code custom} holds the placement's
 * custom parameters (which activity a deep-linked resource opens, the member's org unit).
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
    Set<LtiRole> roles,
    Map<String, String> custom) {

  public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
  public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

  public Launch {
    roleUris = List.copyOf(roleUris);
    roles = Set.copyOf(roles);
    custom = custom == null ? Map.of() : Map.copyOf(custom);
  }

  /** A course designer choosing activities to place, rather than someone opening one. */
  public boolean isDeepLinking() {
    return DEEP_LINKING.equals(messageType);
  }

  public boolean hasRole(LtiRole role) {
    return roles.contains(role);
  }
}
