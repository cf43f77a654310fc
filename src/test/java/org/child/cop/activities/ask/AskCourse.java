package org.child.cop.activities.ask;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.child.cop.Http;
import org.child.cop.lti.FakePlatform;
import org.child.cop.statements.ProfileConformance;

/**
 * A course with Ask the community placed in it, as the tests' LMS launches its members (a unit
 * each, passed as custom parameters), and the tool's LRS as a reader of the statements sees it.
 */
final class AskCourse {

  static final String LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";

  static final List<String> TEMPLATES =
      List.of(
          "asked-question",
          "answered-question",
          "accepted-answer",
          "rated-answer",
          "voted-up-answer",
          "applied-answer");

  private AskCourse() {}

  /**
   * A learner's launch of the course's Ask the community link, with the unit's display name when
   * the LMS passes one (else null).
   */
  static JWTClaimsSet.Builder learnerLaunch(
      FakePlatform platform,
      String nonce,
      String course,
      String subject,
      String name,
      String unitPath,
      String unitName) {
    Map<String, String> custom = new LinkedHashMap<>();
    custom.put("activity", "ask-the-community");
    custom.put(
        "placement", UUID.nameUUIDFromBytes(course.getBytes(StandardCharsets.UTF_8)).toString());
    custom.put("org_unit_id", unitPath.substring(unitPath.lastIndexOf('/') + 1));
    custom.put("org_unit_path", unitPath);
    if (unitName != null) {
      custom.put("org_unit_name", unitName);
    }
    return platform
        .moodleLaunch(nonce, "1")
        .subject(subject)
        .claim("name", name)
        .claim(FakePlatform.LTI + "roles", List.of(LEARNER))
        .claim(FakePlatform.LTI + "context", Map.of("id", course, "title", "Wound care " + course))
        .claim(
            FakePlatform.LTI + "resource_link",
            Map.of("id", "ask-" + course, "title", "Ask the community"))
        .claim(FakePlatform.LTI + "custom", custom);
  }

  /** A reader's credential for the tool's LRS, as its Authorization header. */
  static String lrsReader(URI tool, String adminAuthorization) {
    HttpResponse<String> issued =
        Http.send(
            Http.request(tool.resolve("/api/admin/lrs/credentials"))
                .header("Authorization", adminAuthorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(
                    BodyPublishers.ofString(
                        "{\"name\":\"ask test\",\"scopes\":[\"statements/read\"]}")));
    assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    JsonObject json = Http.json(issued);
    return Http.basic(json.getJsonObject("credential").getString("key"), json.getString("secret"));
  }

  /**
   * The statements about a question (its object or context), by template; a second one of a
   * template gets {@code #2}.
   */
  static Map<String, JsonObject> statementsAbout(
      URI tool, String toolBase, String reader, String questionId) {
    HttpResponse<String> found =
        Http.send(
            Http.request(
                    tool.resolve(
                        "/xapi/statements?related_activities=true&activity="
                            + Http.encoded(toolBase + "/activities/questions/" + questionId)))
                .header("Authorization", reader)
                .header("X-Experience-API-Version", "2.0.0")
                .header("Accept", "application/json"));
    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    Map<String, JsonObject> byTemplate = new LinkedHashMap<>();
    for (JsonObject statement :
        Http.json(found).getJsonArray("statements").getValuesAs(JsonObject.class)) {
      String template = templateOf(statement);
      byTemplate.put(byTemplate.containsKey(template) ? template + "#2" : template, statement);
    }
    return byTemplate;
  }

  private static String templateOf(JsonObject statement) {
    String verb = statement.getJsonObject("verb").getString("id");
    return TEMPLATES.stream()
        .filter(template -> ProfileConformance.verbOf(template).equals(verb))
        .findFirst()
        .orElse(verb);
  }
}
