package org.child.cop.lti.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.List;
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

  private static Platform selfRegistered(Platform.Approval approval) {
    return Platform.registeredDynamically(
        "Moodle at moodle.example.org",
        "https://moodle.example.org",
        "abc123",
        URI.create("https://moodle.example.org/mod/lti/auth.php"),
        URI.create("https://moodle.example.org/mod/lti/token.php"),
        URI.create("https://moodle.example.org/mod/lti/certs.php"),
        URI.create("https://moodle.example.org/mod/lti/openid-configuration.php"),
        List.of(
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"),
        approval,
        NOW);
  }

  @Test
  void aPendingPlatformAcceptsNoLaunchAndCannotBeSimplySwitchedOn() {
    Platform platform = selfRegistered(Platform.Approval.PENDING);

    assertThat(platform.enabled()).isFalse();
    assertThat(platform.awaitsApproval()).isTrue();
    assertThat(platform.status()).isEqualTo(Platform.Status.PENDING_APPROVAL);
    assertThatThrownBy(platform::enable)
        .isInstanceOf(Platform.ApprovalConflict.class)
        .hasMessageContaining("awaits approval");
    assertThat(platform.enabled()).isFalse();
  }

  @Test
  void approvalEnablesAPendingPlatformOnce() {
    Platform platform = selfRegistered(Platform.Approval.PENDING);

    platform.approve();

    assertThat(platform.enabled()).isTrue();
    assertThat(platform.status()).isEqualTo(Platform.Status.ENABLED);
    assertThatThrownBy(platform::approve)
        .isInstanceOf(Platform.ApprovalConflict.class)
        .hasMessageContaining("is not awaiting approval");
  }

  @Test
  void aSwitchedOffPendingPlatformStaysPendingAndOff() {
    Platform platform = selfRegistered(Platform.Approval.PENDING);

    platform.disable();

    assertThat(platform.status()).isEqualTo(Platform.Status.PENDING_APPROVAL);
  }

  @Test
  void aPlatformFromATrustedHostIsEnabledAtOnceAndKnowsItsScopesAndSource() {
    Platform platform = selfRegistered(Platform.Approval.APPROVED);

    assertThat(platform.enabled()).isTrue();
    assertThat(platform.grantedScopes())
        .containsExactly(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score");
    assertThat(platform.grants("https://purl.imsglobal.org/spec/lti-ags/scope/score")).isTrue();
    assertThat(
            platform.grants(
                "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly"))
        .isFalse();
    assertThat(platform.registeredFrom())
        .contains(URI.create("https://moodle.example.org/mod/lti/openid-configuration.php"));
  }

  @Test
  void aPlatformRegisteredByHandIsApprovedWithUnknownScopes() {
    Platform platform = canvas();

    assertThat(platform.status()).isEqualTo(Platform.Status.ENABLED);
    assertThat(platform.grantedScopes()).isEmpty();
    assertThat(platform.registeredFrom()).isEmpty();
    platform.disable();
    assertThat(platform.status()).isEqualTo(Platform.Status.DISABLED);
  }
}
