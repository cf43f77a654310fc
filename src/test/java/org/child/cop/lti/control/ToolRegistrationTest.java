package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registration carries what Moodle's registration_helper refuses to do without. */
class ToolRegistrationTest {

  private static final URI BASE = URI.create("https://cop.example.org");

  private static JsonObject registrationFor(String configuration) {
    return ToolRegistration.of(
        BASE, PlatformConfiguration.from(PlatformConfigurationTest.json(configuration)));
  }

  private static List<String> placements(JsonObject registration, String type) {
    return registration
        .getJsonObject(ToolRegistration.TOOL_CONFIGURATION)
        .getJsonArray("messages")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(m -> m.getString("type").equals(type))
        .findFirst()
        .map(
            m ->
                m.containsKey("placements")
                    ? m
                        .getJsonArray("placements")
                        .getValuesAs(jakarta.json.JsonString.class)
                        .stream()
                        .map(jakarta.json.JsonString::getString)
                        .toList()
                    : List.<String>of())
        .orElseThrow();
  }

  @Test
  void everyFieldMoodleRequiresIsThereFromTheToolsAddress() {
    JsonObject registration = registrationFor(PlatformConfigurationTest.OLDER_MOODLE);

    assertThat(registration.getString("application_type")).isEqualTo("web");
    assertThat(registration.getJsonArray("response_types").getString(0)).isEqualTo("id_token");
    assertThat(registration.getJsonArray("grant_types").toString())
        .contains("implicit", "client_credentials");
    assertThat(registration.getString("initiate_login_uri"))
        .isEqualTo("https://cop.example.org/lti/login");
    assertThat(registration.getJsonArray("redirect_uris").getString(0))
        .isEqualTo("https://cop.example.org/lti/launch");
    assertThat(registration.getString("client_name")).isEqualTo("CHILD CoP");
    assertThat(registration.getString("jwks_uri")).isEqualTo("https://cop.example.org/lti/jwks");
    assertThat(registration.getString("token_endpoint_auth_method")).isEqualTo("private_key_jwt");
    assertThat(registration.getString("scope").split(" "))
        .containsExactlyInAnyOrder(
            "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
            "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
            "https://purl.imsglobal.org/spec/lti-ags/scope/score",
            "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");
    JsonObject tool = registration.getJsonObject(ToolRegistration.TOOL_CONFIGURATION);
    assertThat(tool.getString("domain"))
        .isEqualTo(URI.create(tool.getString("target_link_uri")).getHost())
        .isEqualTo("cop.example.org");
    assertThat(tool.getJsonArray("claims").toString())
        .contains("\"iss\"", "\"sub\"", "\"name\"")
        .doesNotContain("email");
    assertThat(tool.getJsonArray("messages").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("type") + " " + m.getString("target_link_uri"))
        .containsExactly(
            "LtiResourceLinkRequest https://cop.example.org/lti/launch",
            "LtiDeepLinkingRequest https://cop.example.org/lti/launch");
  }

  @Test
  void moodleGetsContentAreaWhenItOffersItAndNoCanvasNames() {
    assertThat(
            placements(
                registrationFor(PlatformConfigurationTest.NEWER_MOODLE), "LtiDeepLinkingRequest"))
        .containsExactly("ContentArea");
    assertThat(
            placements(
                registrationFor(PlatformConfigurationTest.OLDER_MOODLE), "LtiDeepLinkingRequest"))
        .isEmpty();
  }

  @Test
  void canvasGetsItsPlacementsAndNameOnlyPrivacy() {
    String canvas =
        PlatformConfigurationTest.OLDER_MOODLE
            .replace("\"moodle\"", "\"canvas\"")
            .replace(
                "[\"LtiResourceLinkRequest\", \"LtiDeepLinkingRequest\"]",
                "[{\"type\": \"LtiResourceLinkRequest\", \"placements\": [\"account_navigation\","
                    + " \"course_navigation\"]}, {\"type\": \"LtiDeepLinkingRequest\","
                    + " \"placements\": [\"assignment_selection\", \"link_selection\","
                    + " \"editor_button\"]}]");
    JsonObject registration = registrationFor(canvas);

    assertThat(placements(registration, "LtiResourceLinkRequest"))
        .containsExactly("course_navigation");
    assertThat(placements(registration, "LtiDeepLinkingRequest"))
        .containsExactly("link_selection", "assignment_selection");
    assertThat(
            registration
                .getJsonObject(ToolRegistration.TOOL_CONFIGURATION)
                .getString("https://canvas.instructure.com/lti/privacy_level"))
        .isEqualTo("name_only");
  }

  @Test
  void deepLinkingIsOnlyAskedOfPlatformsThatSupportIt() {
    String resourceLinksOnly =
        PlatformConfigurationTest.OLDER_MOODLE.replace(", \"LtiDeepLinkingRequest\"]", "]");

    assertThat(
            registrationFor(resourceLinksOnly)
                .getJsonObject(ToolRegistration.TOOL_CONFIGURATION)
                .getJsonArray("messages"))
        .hasSize(1);
  }
}
