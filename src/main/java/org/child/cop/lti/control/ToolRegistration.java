package org.child.cop.lti.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The client registration the tool sends to a platform's registration endpoint (LTI Dynamic
 * Registration 1.0, built on OpenID Connect Dynamic Client Registration), with every field Moodle
 * refuses to do without. All URLs come from the tool's public address.
 */
public final class ToolRegistration {

  public static final String TOOL_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-tool-configuration";

  /** Line items, results and scores for graded placements; the roster for membership. */
  public static final List<String> SCOPES =
      List.of(
          "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
          "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
          "https://purl.imsglobal.org/spec/lti-ags/scope/score",
          "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly");

  /**
   * The placements the tool would like per message type: Canvas's names (course designers add
   * activities through link and assignment selection, teachers open reports from the course
   * navigation) and Moodle's ContentArea for deep linking.
   */
  private static final Map<String, List<String>> WANTED_PLACEMENTS =
      Map.of(
          PlatformConfiguration.RESOURCE_LINK,
          List.of("course_navigation"),
          PlatformConfiguration.DEEP_LINKING,
          List.of("link_selection", "assignment_selection", "ContentArea"));

  private ToolRegistration() {}

  public static JsonObject of(URI base, PlatformConfiguration platform) {
    String launch = base + "/lti/launch";
    JsonObjectBuilder tool =
        Json.createObjectBuilder()
            // Moodle refuses a domain that is not the host of target_link_uri
            .add("domain", URI.create(launch).getHost())
            .add("target_link_uri", launch)
            .add(
                "description",
                "Community-of-practice activities whose value is recorded as xAPI statements.")
            // names for pages, never e-mail addresses (DOMAIN.md privacy rules); Moodle turns its
            // privacy settings on from this list
            .add("claims", Json.createArrayBuilder().add("iss").add("sub").add("name"));
    JsonArrayBuilder messages = Json.createArrayBuilder();
    messages.add(message(platform, PlatformConfiguration.RESOURCE_LINK, launch, "CHILD CoP"));
    if (platform.supports(PlatformConfiguration.DEEP_LINKING)) {
      messages.add(
          message(platform, PlatformConfiguration.DEEP_LINKING, launch, "CHILD CoP activity"));
    }
    tool.add("messages", messages);
    if (platform.isCanvas()) {
      tool.add("https://canvas.instructure.com/lti/privacy_level", "name_only");
    }
    return Json.createObjectBuilder()
        .add("application_type", "web")
        .add("response_types", Json.createArrayBuilder().add("id_token"))
        .add("grant_types", Json.createArrayBuilder().add("implicit").add("client_credentials"))
        .add("initiate_login_uri", base + "/lti/login")
        .add("redirect_uris", Json.createArrayBuilder().add(launch))
        .add("client_name", "CHILD CoP")
        .add("jwks_uri", base + "/lti/jwks")
        .add("token_endpoint_auth_method", "private_key_jwt")
        .add("scope", String.join(" ", SCOPES))
        .add(TOOL_CONFIGURATION, tool)
        .build();
  }

  /**
   * Placements the platform listed for the type are intersected with the wanted ones; without a
   * list, Canvas gets its own names and other platforms none (Moodle ignores them).
   */
  private static JsonObject message(
      PlatformConfiguration platform, String type, String launch, String label) {
    JsonObjectBuilder message =
        Json.createObjectBuilder()
            .add("type", type)
            .add("target_link_uri", launch)
            .add("label", label);
    List<String> wanted = WANTED_PLACEMENTS.get(type);
    List<String> placements =
        platform
            .placementsOf(type)
            .map(offered -> wanted.stream().filter(offered::contains).toList())
            .orElse(
                platform.isCanvas()
                    ? wanted.stream().filter(p -> !p.equals("ContentArea")).toList()
                    : List.of());
    if (!placements.isEmpty()) {
      JsonArrayBuilder array = Json.createArrayBuilder();
      placements.forEach(array::add);
      message.add("placements", array);
    }
    return message.build();
  }
}
