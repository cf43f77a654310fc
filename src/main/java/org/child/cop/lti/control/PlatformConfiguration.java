package org.child.cop.lti.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform's OpenID configuration says, as far as registering with it needs: its issuer,
 * endpoints, product family and the LTI messages (with their placements) it supports. URLs are kept
 * as the platform wrote them; {@link DynamicRegistrations} applies the address rules.
 *
 * @param placements per supported message type, the placements the platform listed for it: empty
 *     when it listed none, or listed types as plain strings (older Moodle)
 */
public record PlatformConfiguration(
    String issuer,
    String authorizationEndpoint,
    String tokenEndpoint,
    String jwksUri,
    String registrationEndpoint,
    String productFamilyCode,
    Map<String, List<String>> placements) {

  public static final String PLATFORM_CONFIGURATION =
      "https://purl.imsglobal.org/spec/lti-platform-configuration";
  public static final String RESOURCE_LINK = "LtiResourceLinkRequest";
  public static final String DEEP_LINKING = "LtiDeepLinkingRequest";

  public PlatformConfiguration {
    placements = Map.copyOf(placements);
  }

  /**
   * Reads and checks the configuration; what is missing or malformed is an IllegalArgumentException
   * naming every field an LMS administrator would have to look at.
   */
  public static PlatformConfiguration from(JsonObject json) {
    List<String> missing = new ArrayList<>();
    String issuer = text(json, "issuer", missing);
    String authorization = text(json, "authorization_endpoint", missing);
    String token = text(json, "token_endpoint", missing);
    String jwks = text(json, "jwks_uri", missing);
    String registration = text(json, "registration_endpoint", missing);
    JsonObject lti = object(json, PLATFORM_CONFIGURATION);
    String family = null;
    Map<String, List<String>> placements = new LinkedHashMap<>();
    if (lti == null) {
      missing.add(PLATFORM_CONFIGURATION);
    } else {
      family = text(lti, "product_family_code", missing);
      JsonArray messages = array(lti, "messages_supported");
      if (messages == null) {
        missing.add("messages_supported");
      } else {
        placements = messagesSupported(messages);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "the platform's OpenID configuration lacks " + String.join(", ", missing));
    }
    if (!placements.containsKey(RESOURCE_LINK)) {
      throw new IllegalArgumentException(
          "the platform's OpenID configuration does not list "
              + RESOURCE_LINK
              + " in messages_supported");
    }
    JsonArray algorithms = array(json, "id_token_signing_alg_values_supported");
    if (algorithms != null && !strings(algorithms).contains("RS256")) {
      // launches are verified with RS256 only (LTI.md, check 3)
      throw new IllegalArgumentException(
          "the platform does not sign id_tokens with RS256, the only algorithm CHILD CoP accepts");
    }
    return new PlatformConfiguration(
        issuer, authorization, token, jwks, registration, family, placements);
  }

  public boolean supports(String messageType) {
    return placements.containsKey(messageType);
  }

  /** The placements the platform listed for a message type, if it listed any. */
  public Optional<List<String>> placementsOf(String messageType) {
    List<String> listed = placements.getOrDefault(messageType, List.of());
    return listed.isEmpty() ? Optional.empty() : Optional.of(listed);
  }

  public boolean isCanvas() {
    return "canvas".equalsIgnoreCase(productFamilyCode);
  }

  /** A name an administrator recognises: "Moodle", "Canvas", or the family code as given. */
  public String productName() {
    return switch (productFamilyCode.toLowerCase(java.util.Locale.ROOT)) {
      case "moodle" -> "Moodle";
      case "canvas" -> "Canvas";
      case "desire2learn" -> "Brightspace";
      case "blackboard" -> "Blackboard";
      case "sakai" -> "Sakai";
      default -> productFamilyCode;
    };
  }

  /**
   * Older Moodle lists message types as strings, newer Moodle and Canvas as objects with a type
   * and, optionally, the placements it can show them in. Both are accepted.
   */
  private static Map<String, List<String>> messagesSupported(JsonArray messages) {
    Map<String, List<String>> placements = new LinkedHashMap<>();
    for (JsonValue message : messages) {
      if (message instanceof JsonString type) {
        placements.putIfAbsent(type.getString(), List.of());
      } else if (message instanceof JsonObject object
          && object.get("type") instanceof JsonString type) {
        JsonArray listed = array(object, "placements");
        placements.put(type.getString(), listed == null ? List.of() : strings(listed));
      } else {
        throw new IllegalArgumentException(
            "the platform's messages_supported must list message types as strings or as objects"
                + " with a type");
      }
    }
    return placements;
  }

  private static String text(JsonObject json, String name, List<String> missing) {
    if (json.get(name) instanceof JsonString value && !value.getString().isBlank()) {
      return value.getString().strip();
    }
    missing.add(name);
    return null;
  }

  private static JsonObject object(JsonObject json, String name) {
    return json.get(name) instanceof JsonObject value ? value : null;
  }

  private static JsonArray array(JsonObject json, String name) {
    return json.get(name) instanceof JsonArray value ? value : null;
  }

  private static List<String> strings(JsonArray array) {
    return array.stream()
        .filter(JsonString.class::isInstance)
        .map(value -> ((JsonString) value).getString())
        .toList();
  }
}
