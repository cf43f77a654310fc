package org.child.cop.lti.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.child.cop.lti.control.ToolKeys;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while the tool's keys cannot be opened (a wrong or missing seal secret): every launch
 * would fail, and a load balancer should keep traffic on the instances that can sign.
 */
@Readiness
@ApplicationScoped
public class ToolKeysReadiness implements HealthCheck {

  @Inject ToolKeys keys;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("lti-keys");
    return keys.unreadable()
        // the reason is in the log: /health is public, and the seal's set-up is nobody's business
        .map(
            problem ->
                response.down().withData("problem", "the keys cannot be read; see the log").build())
        .orElseGet(() -> response.up().build());
  }
}
