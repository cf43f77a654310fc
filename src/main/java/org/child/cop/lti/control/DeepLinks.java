package org.child.cop.lti.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.child.cop.lti.DeepLink;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LaunchEnded;
import org.child.cop.lti.entity.LaunchSession;
import org.child.cop.settings.ToolSettings;

/**
 * The answer to a deep linking request: a {@code LtiDeepLinkingResponse} JWT signed with the tool
 * key, to be posted by the browser to the return URL the platform gave in the (verified) request.
 */
@ApplicationScoped
public class DeepLinks {

  static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";
  static final Duration LIFETIME = Duration.ofMinutes(5);

  @Inject LaunchSessions sessions;
  @Inject ToolKeys keys;
  @Inject ToolSettings settings;

  /** Where the browser posts the signed response, as field {@code JWT}. */
  public record Answer(URI returnUrl, String jwt) {}

  /** Why the platform cannot take these links; the course designer reads it. */
  public static class NotAccepted extends RuntimeException {
    NotAccepted(String message) {
      super(message);
    }
  }

  public Answer respond(String launchToken, List<DeepLink> links) {
    LaunchSession session = sessions.session(launchToken);
    Launch launch = LaunchSessions.launchOf(session);
    if (!launch.isDeepLinking()) {
      throw new LaunchEnded("This launch was not a request to place activities.");
    }
    Map<String, Object> request = settingsOf(session);
    URI returnUrl = returnUrl(request);
    if (!accepts(request, "accept_types", "ltiResourceLink")) {
      throw new NotAccepted("This place in the course does not take links to activities.");
    }
    if (links.size() > 1 && Boolean.FALSE.equals(request.get("accept_multiple"))) {
      throw new NotAccepted("This place in the course takes one activity only.");
    }
    boolean columns = !Boolean.FALSE.equals(request.get("accept_lineitem"));
    List<Object> items = new ArrayList<>();
    for (DeepLink link : links) {
      items.add(item(link, columns, settings.baseUrl() + "/lti/launch"));
    }
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(session.platform().clientId())
            .audience(session.platform().issuer())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .claim("nonce", UUID.randomUUID().toString())
            .claim(Launches.LTI + "message_type", "LtiDeepLinkingResponse")
            .claim(Launches.LTI + "version", "1.3.0")
            .claim(Launches.LTI + "deployment_id", launch.deploymentId())
            .claim(DL + "content_items", items);
    if (request.get("data") instanceof String data) {
      claims.claim(DL + "data", data);
    }
    return new Answer(returnUrl, keys.sign(claims.build()));
  }

  /** One content item; the grade column only where the platform takes line items. */
  static Map<String, Object> item(DeepLink link, boolean columns, String launchUrl) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", "ltiResourceLink");
    item.put("title", link.title());
    if (link.text() != null) {
      item.put("text", link.text());
    }
    item.put("url", launchUrl);
    item.put("custom", link.custom());
    if (link.gradeColumn() != null && columns) {
      DeepLink.GradeColumn column = link.gradeColumn();
      Map<String, Object> lineItem = new LinkedHashMap<>();
      lineItem.put("label", column.label());
      lineItem.put("scoreMaximum", column.scoreMaximum());
      lineItem.put("resourceId", column.resourceId());
      lineItem.put("tag", column.tag());
      item.put("lineItem", lineItem);
    }
    return item;
  }

  private static Map<String, Object> settingsOf(LaunchSession session) {
    try {
      Map<String, Object> services = JSONObjectUtils.parse(session.services());
      Map<String, Object> request =
          JSONObjectUtils.getJSONObject(services, Launches.DEEP_LINKING_SETTINGS);
      if (request == null) {
        throw new LaunchEnded("The launch carried no deep linking settings.");
      }
      return request;
    } catch (ParseException e) {
      throw new IllegalStateException("stored launch services are not JSON", e);
    }
  }

  /** Checked again here: the response goes only to a return URL that passes the platform rules. */
  private URI returnUrl(Map<String, Object> request) {
    try {
      return PlatformUrls.check(
          String.valueOf(request.get("deep_link_return_url")),
          "deep linking return URL",
          settings.developmentMode());
    } catch (IllegalArgumentException e) {
      throw new NotAccepted(
          "The course platform's return address is not acceptable: " + e.getMessage());
    }
  }

  private static boolean accepts(Map<String, Object> request, String list, String value) {
    return !(request.get(list) instanceof List<?> values) || values.contains(value);
  }
}
