package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlatformConfigurationTest {

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  /** Moodle 4.1's configuration: message types as plain strings. */
  static final String OLDER_MOODLE =
      """
      {"issuer": "https://moodle.example.org",
       "token_endpoint": "https://moodle.example.org/mod/lti/token.php",
       "token_endpoint_auth_methods_supported": ["private_key_jwt"],
       "jwks_uri": "https://moodle.example.org/mod/lti/certs.php",
       "authorization_endpoint": "https://moodle.example.org/mod/lti/auth.php",
       "registration_endpoint": "https://moodle.example.org/mod/lti/openid-registration.php",
       "id_token_signing_alg_values_supported": ["RS256"],
       "https://purl.imsglobal.org/spec/lti-platform-configuration": {
         "product_family_code": "moodle", "version": "4.1.2",
         "messages_supported": ["LtiResourceLinkRequest", "LtiDeepLinkingRequest"],
         "placements": ["AddContentMenu"]}}
      """;

  /** Moodle 4.3 and later: objects, deep linking in the ContentArea. */
  static final String NEWER_MOODLE =
      OLDER_MOODLE.replace(
          "[\"LtiResourceLinkRequest\", \"LtiDeepLinkingRequest\"]",
          "[{\"type\": \"LtiResourceLinkRequest\"},"
              + " {\"type\": \"LtiDeepLinkingRequest\", \"placements\": [\"ContentArea\"]}]");

  @Test
  void olderMoodlesStringMessagesAreRead() {
    PlatformConfiguration configuration = PlatformConfiguration.from(json(OLDER_MOODLE));

    assertThat(configuration.issuer()).isEqualTo("https://moodle.example.org");
    assertThat(configuration.registrationEndpoint()).endsWith("/mod/lti/openid-registration.php");
    assertThat(configuration.productName()).isEqualTo("Moodle");
    assertThat(configuration.supports(PlatformConfiguration.DEEP_LINKING)).isTrue();
    assertThat(configuration.placementsOf(PlatformConfiguration.DEEP_LINKING)).isEmpty();
  }

  @Test
  void newerMoodlesMessageObjectsAreReadWithTheirPlacements() {
    PlatformConfiguration configuration = PlatformConfiguration.from(json(NEWER_MOODLE));

    assertThat(configuration.supports(PlatformConfiguration.RESOURCE_LINK)).isTrue();
    assertThat(configuration.placementsOf(PlatformConfiguration.DEEP_LINKING))
        .contains(List.of("ContentArea"));
    assertThat(configuration.placementsOf(PlatformConfiguration.RESOURCE_LINK)).isEmpty();
  }

  @Test
  void everyMissingFieldIsNamedAtOnce() {
    assertThatThrownBy(
            () ->
                PlatformConfiguration.from(
                    json(
                        """
                        {"issuer": "https://moodle.example.org", "jwks_uri": 7,
                         "authorization_endpoint": "  "}
                        """)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the platform's OpenID configuration lacks authorization_endpoint, token_endpoint,"
                + " jwks_uri, registration_endpoint,"
                + " https://purl.imsglobal.org/spec/lti-platform-configuration");
  }

  @Test
  void theLtiPlatformConfigurationMustNameItsFamilyAndMessages() {
    String noMessages =
        OLDER_MOODLE.replace(
            "\"messages_supported\": [\"LtiResourceLinkRequest\", \"LtiDeepLinkingRequest\"],", "");
    String noFamily = OLDER_MOODLE.replace("\"product_family_code\": \"moodle\",", "");

    assertThatThrownBy(() -> PlatformConfiguration.from(json(noMessages)))
        .hasMessageEndingWith("lacks messages_supported");
    assertThatThrownBy(() -> PlatformConfiguration.from(json(noFamily)))
        .hasMessageEndingWith("lacks product_family_code");
  }

  @Test
  void aPlatformWithoutResourceLinksOrRs256CannotLaunchTheTool() {
    String deepLinkingOnly = OLDER_MOODLE.replace("[\"LtiResourceLinkRequest\", ", "[");
    String hs256 = OLDER_MOODLE.replace("[\"RS256\"]", "[\"HS256\"]");
    String nonsense = OLDER_MOODLE.replace("\"LtiResourceLinkRequest\", ", "42, ");

    assertThatThrownBy(() -> PlatformConfiguration.from(json(deepLinkingOnly)))
        .hasMessageContaining("does not list LtiResourceLinkRequest");
    assertThatThrownBy(() -> PlatformConfiguration.from(json(hs256))).hasMessageContaining("RS256");
    assertThatThrownBy(() -> PlatformConfiguration.from(json(nonsense)))
        .hasMessageContaining("as strings or as objects with a type");
  }
}
