package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.child.cop.lti.control.ToolRegistration;
import org.child.cop.settings.ToolSettings;

/**
 * {@code /lti/canvas.json}: the developer-key JSON a Canvas administrator pastes ("Enter URL" under
 * Developer Keys → LTI Key), built from the tool's public address.
 */
@Path("lti/canvas.json")
@Produces(MediaType.APPLICATION_JSON)
public class CanvasConfigurationResource {

  @Inject ToolSettings settings;

  @GET
  public JsonObject configuration() {
    String base = settings.baseUrl().toString();
    String launch = base + "/lti/launch";
    var scopes = Json.createArrayBuilder();
    for (String scope : ToolRegistration.SCOPES) {
      scopes.add(scope);
    }
    return Json.createObjectBuilder()
        .add("title", "CHILD CoP")
        .add(
            "description",
            "Community-of-practice activities whose value is recorded as xAPI statements.")
        .add("oidc_initiation_url", base + "/lti/login")
        .add("target_link_uri", launch)
        .add("public_jwk_url", base + "/lti/jwks")
        .add("scopes", scopes)
        .add(
            "extensions",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("platform", "canvas.instructure.com")
                        .add("domain", settings.baseUrl().getHost())
                        .add("tool_id", "child-cop")
                        // names for pages, never e-mail addresses (DOMAIN.md privacy rules)
                        .add("privacy_level", "name_only")
                        .add(
                            "settings",
                            Json.createObjectBuilder()
                                .add(
                                    "placements",
                                    Json.createArrayBuilder()
                                        .add(
                                            placement(
                                                "link_selection", "LtiDeepLinkingRequest", launch))
                                        .add(
                                            placement(
                                                "assignment_selection",
                                                "LtiDeepLinkingRequest",
                                                launch))
                                        .add(
                                            placement(
                                                "course_navigation",
                                                "LtiResourceLinkRequest",
                                                launch))))))
        .add("custom_fields", Json.createObjectBuilder())
        .build();
  }

  private static JsonObject placement(String placement, String messageType, String targetLinkUri) {
    return Json.createObjectBuilder()
        .add("placement", placement)
        .add("message_type", messageType)
        .add("target_link_uri", targetLinkUri)
        .add("text", "CHILD CoP")
        .build();
  }
}
