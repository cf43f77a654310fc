package org.child.cop.lti.control;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.child.cop.lti.entity.Deployment;
import org.child.cop.lti.entity.Platform;

/**
 * A platform's registration as logins and launches read it: an immutable copy of the row and its
 * deployments, safe to share between requests.
 */
public record RegisteredPlatform(
    String id,
    String issuer,
    String clientId,
    URI authorizationUrl,
    URI keysetUrl,
    boolean enabled,
    String whyOff,
    Map<String, Deployment.Status> deployments) {

  static RegisteredPlatform of(Platform platform) {
    return new RegisteredPlatform(
        platform.id(),
        platform.issuer(),
        platform.clientId(),
        platform.authorizationUrl(),
        platform.keysetUrl(),
        platform.enabled(),
        platform.whyOff(),
        platform.deployments().stream()
            .collect(Collectors.toUnmodifiableMap(Deployment::deploymentId, Deployment::status)));
  }

  /** What an administrator decided about the deployment; empty when it was never seen. */
  public Optional<Deployment.Status> deployment(String deploymentId) {
    return Optional.ofNullable(deployments.get(deploymentId));
  }
}
