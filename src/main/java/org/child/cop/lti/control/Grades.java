package org.child.cop.lti.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.child.cop.lti.Launch;
import org.child.cop.lti.Score;
import org.child.cop.lti.entity.LaunchSession;
import org.child.cop.lti.entity.ServiceCall;

/**
 * The platform's grade book (LTI Assignment and Grade Services) as activities use it: record a
 * learner's score, and it is published after the current transaction commits, retried while the
 * platform fails. Only the line item URLs a verified launch gave are ever called.
 */
@ApplicationScoped
public class Grades {

  static final String SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json";
  static final String LINE_ITEM_MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitem+json";
  static final String CONTAINER_MEDIA_TYPE = "application/vnd.ims.lis.v2.lineitemcontainer+json";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

  /** A grade-book column an activity keeps its scores in, found by its resource id. */
  public record LineItem(String resourceId, String label, double scoreMaximum, String tag) {
    public LineItem {
      Objects.requireNonNull(resourceId, "resourceId");
      Objects.requireNonNull(label, "label");
      if (scoreMaximum <= 0) {
        throw new IllegalArgumentException("a line item's maximum score must be positive");
      }
    }
  }

  @Inject LaunchSessions sessions;
  @Inject ServiceCalls calls;
  @Inject PlatformServices services;

  /**
   * Records the launching person's score in the line item of the link they launched. False when the
   * platform keeps no grade for that link (no line item, or no score scope granted).
   */
  @Transactional
  public boolean record(String launchToken, Score score) {
    LaunchSession session = sessions.session(launchToken);
    return calls.score(session, LaunchSessions.launchOf(session), score, null, null);
  }

  /**
   * As {@link #record(String, Score)}, once per person and line item under the name {@code once}:
   * an activity that scores a kind of act (taking part, say) sends its first score only.
   */
  @Transactional
  public boolean recordOnce(String launchToken, Score score, String once) {
    LaunchSession session = sessions.session(launchToken);
    return calls.score(
        session, LaunchSessions.launchOf(session), score, null, Objects.requireNonNull(once));
  }

  /**
   * Records the launching person's score in the context's line item with this resource id, created
   * if the platform has none yet. False when the platform lets the tool manage no line items here.
   */
  @Transactional
  public boolean record(String launchToken, LineItem lineItem, Score score) {
    LaunchSession session = sessions.session(launchToken);
    return calls.score(
        session, LaunchSessions.launchOf(session), score, Objects.requireNonNull(lineItem), null);
  }

  /** What a score call sends: the score, and which line item to find or create when asked. */
  static String payload(String userId, Score score, LineItem lineItem, Launch launch) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("score", scoreJson(userId, score));
    if (lineItem != null) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("scoreMaximum", lineItem.scoreMaximum());
      item.put("label", lineItem.label());
      item.put("resourceId", lineItem.resourceId());
      if (lineItem.tag() != null) {
        item.put("tag", lineItem.tag());
      }
      if (launch.resourceLinkId() != null) {
        item.put("resourceLinkId", launch.resourceLinkId());
      }
      payload.put("lineItem", item);
    }
    return JSONObjectUtils.toJSONString(payload);
  }

  /** The AGS score JSON: scoreGiven and scoreMaximum only when given, timestamp with ms. */
  static Map<String, Object> scoreJson(String userId, Score score) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("userId", userId);
    if (score.scoreGiven() != null) {
      json.put("scoreGiven", score.scoreGiven());
      json.put("scoreMaximum", score.scoreMaximum());
    }
    if (score.comment() != null) {
      json.put("comment", score.comment());
    }
    json.put("activityProgress", score.activityProgress().code());
    json.put("gradingProgress", score.gradingProgress().code());
    json.put("timestamp", timestamp(score.timestamp()));
    return json;
  }

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** Performs a score call: finds or creates its line item if asked, then posts the score. */
  void publish(ServiceCall call) {
    Map<String, Object> payload;
    try {
      payload = JSONObjectUtils.parse(call.payload());
    } catch (ParseException e) {
      throw ServiceCallFailed.permanent("The stored score is not JSON");
    }
    URI target = services.serviceUrl(call.targetUrl().toString(), "line item URL");
    URI lineItem =
        payload.get("lineItem") instanceof Map<?, ?> wanted
            ? lineItemIn(call, target, wanted)
            : target;
    HttpResponse<String> response =
        services.call(
            call.platform(),
            Set.of(ServiceClaims.SCORE_SCOPE),
            HttpRequest.newBuilder(scoresUrl(lineItem))
                .header("Content-Type", SCORE_MEDIA_TYPE)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSONObjectUtils.toJSONString(asObject(payload.get("score"))))),
            "score service");
    if (response.statusCode() / 100 != 2) {
      throw ServiceCallFailed.answered(response.statusCode(), "score service");
    }
  }

  /** The line item with the wanted resource id in the container, created there if missing. */
  private URI lineItemIn(ServiceCall call, URI container, Map<?, ?> wanted) {
    Set<String> scopes = Set.of(ServiceClaims.LINE_ITEM_SCOPE);
    String resourceId = String.valueOf(wanted.get("resourceId"));
    HttpResponse<String> found =
        services.call(
            call.platform(),
            scopes,
            HttpRequest.newBuilder(withQuery(container, "resource_id", resourceId))
                .header("Accept", CONTAINER_MEDIA_TYPE)
                .GET(),
            "line items service");
    if (found.statusCode() != 200) {
      throw ServiceCallFailed.answered(found.statusCode(), "line items service");
    }
    for (Object item : lineItems(found.body())) {
      if (item instanceof Map<?, ?> existing
          && resourceId.equals(existing.get("resourceId"))
          && existing.get("id") instanceof String id) {
        return onHostOf(container, id);
      }
    }
    HttpResponse<String> created =
        services.call(
            call.platform(),
            scopes,
            HttpRequest.newBuilder(container)
                .header("Content-Type", LINE_ITEM_MEDIA_TYPE)
                .header("Accept", LINE_ITEM_MEDIA_TYPE)
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        JSONObjectUtils.toJSONString(asObject(wanted)))),
            "line items service");
    if (created.statusCode() / 100 != 2
        || !(PlatformServices.json(created.body()).get("id") instanceof String id)) {
      throw ServiceCallFailed.answered(created.statusCode(), "line items service");
    }
    return onHostOf(container, id);
  }

  private URI onHostOf(URI container, String id) {
    URI lineItem = services.serviceUrl(id, "line item URL");
    if (!lineItem.getHost().equalsIgnoreCase(container.getHost())
        || lineItem.getPort() != container.getPort()) {
      throw ServiceCallFailed.permanent("The line item is on another host: " + lineItem.getHost());
    }
    return lineItem;
  }

  private static List<?> lineItems(String body) {
    try {
      Object parsed = JSONObjectUtils.parse("{\"items\":" + body + "}").get("items");
      return parsed instanceof List<?> list ? list : List.of();
    } catch (ParseException e) {
      throw ServiceCallFailed.retryable("The line items service answered with no JSON list");
    }
  }

  /** AGS: the scores endpoint is the line item URL with /scores appended to its path. */
  static URI scoresUrl(URI lineItem) {
    String raw = lineItem.toString();
    int query = raw.indexOf('?');
    String path = query < 0 ? raw : raw.substring(0, query);
    String rest = query < 0 ? "" : raw.substring(query);
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(path + "/scores" + rest);
  }

  static URI withQuery(URI uri, String name, String value) {
    String raw = uri.toString();
    return URI.create(
        raw
            + (raw.contains("?") ? "&" : "?")
            + name
            + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asObject(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw ServiceCallFailed.permanent("The stored score has no score object");
    }
    return (Map<String, Object>) map;
  }
}
