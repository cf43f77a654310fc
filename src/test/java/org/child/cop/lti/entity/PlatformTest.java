package org.child.cop.lti.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatformTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

  private static Platform canvas() {
    return new Platform(
        "Canvas",
        "https://canvas.instructure.com",
        "10000000000001",
        URI.create("https://sso.canvaslms.com/api/lti/authorize_redirect"),
        URI.create("https://sso.canvaslms.com/login/oauth2/token"),
        URI.create("https://sso.canvaslms.com/api/lti/security/jwks"),
        NOW);
  }

  @Test
  void anUnknownDeploymentSeenOnALaunchIsRecordedForAnAdministrator() {
    Platform platform = canvas();

    Deployment seen = platform.deploymentSeen("42:course-install", NOW);

    assertThat(seen.status()).isEqualTo(Deployment.Status.RECORDED);
    assertThat(seen.acceptsLaunches()).isTrue();
    assertThat(platform.deployments()).containsExactly(seen);
  }

  @Test
  void seeingAKnownDeploymentAgainChangesNothing() {
    Platform platform = canvas();
    platform.registerDeployment("1", NOW);
    platform.decide("1", Deployment.Status.BLOCKED);

    Deployment again = platform.deploymentSeen("1", NOW.plusSeconds(60));

    assertThat(again.status()).isEqualTo(Deployment.Status.BLOCKED);
    assertThat(again.acceptsLaunches()).isFalse();
    assertThat(platform.deployments()).hasSize(1);
  }

  @Test
  void registeringARecordedDeploymentConfirmsIt() {
    Platform platform = canvas();
    platform.deploymentSeen("7", NOW);

    platform.registerDeployment("7", NOW);

    assertThat(platform.deployment("7"))
        .hasValueSatisfying(d -> assertThat(d.status()).isEqualTo(Deployment.Status.CONFIRMED));
  }

  @Test
  void decidingAboutAnUnknownDeploymentIsRefused() {
    assertThatThrownBy(() -> canvas().decide("nope", Deployment.Status.BLOCKED))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aPlatformStartsEnabledAndCanBeSwitchedOff() {
    Platform platform = canvas();
    assertThat(platform.enabled()).isTrue();

    platform.disable();

    assertThat(platform.enabled()).isFalse();
  }

  @Test
  void namesAndIdsMustBePresentAndBounded() {
    assertThatThrownBy(
            () ->
                new Platform(
                    " ",
                    "iss",
                    "client",
                    URI.create("https://a"),
                    URI.create("https://b"),
                    URI.create("https://c"),
                    NOW))
        .hasMessage("the name is required");
    assertThatThrownBy(() -> canvas().registerDeployment("x".repeat(256), NOW))
        .hasMessage("the deployment id has more than 255 characters");
  }
}
