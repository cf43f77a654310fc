package org.child.cop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.child.cop.Http;
import org.child.cop.lti.FakePlatform;
import org.child.cop.lti.LaunchingTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Org units from an administrator's import and from launches: the import is all or nothing, a
 * launch that names no unit takes the imported one (and its statement carries it), a launch that
 * names another unit adds a period and keeps the earlier ones.
 */
class OrgUnitsIT extends LaunchingTest {

  private static FakePlatform lms;

  @BeforeAll
  static void platform() {
    lms = new FakePlatform("https://units.lms.test");
  }

  @AfterAll
  static void stop() {
    lms.close();
  }

  @Test
  void onlyAnAdministratorImports() {
    HttpResponse<String> anonymous =
        Http.send(
            Http.request(at("/api/admin/org-units"))
                .header("Content-Type", "text/csv")
                .POST(BodyPublishers.ofString("issuer,subject,unit_id\nhttps://x.test,1,EVIL\n")));
    HttpResponse<String> guessed =
        Http.send(
            Http.request(at("/api/admin/org-units"))
                .header("Content-Type", "text/csv")
                .header("Authorization", Http.basic("admin", "guess"))
                .POST(BodyPublishers.ofString("issuer,subject,unit_id\nhttps://x.test,1,EVIL\n")));

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(guessed.statusCode()).isEqualTo(401);
    assertThat(history("https://x.test", "1")).isEmpty();
  }

  @Test
  void anotherSitesPageCannotImportWithTheAdministratorsBrowser() {
    String csv = "issuer,subject,unit_id\nhttps://x.test,2,EVIL\n";
    // what a plain HTML form of another site can send without the browser asking first
    HttpResponse<String> formPost =
        Http.send(
            Http.request(at("/api/admin/org-units"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(csv)));
    HttpResponse<String> crossSite =
        Http.send(
            Http.request(at("/api/admin/org-units"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "text/csv")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(BodyPublishers.ofString(csv)));
    HttpResponse<String> otherOrigin =
        Http.send(
            Http.request(at("/api/admin/org-units"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "text/csv")
                .header("Origin", "https://evil.example")
                .POST(BodyPublishers.ofString(csv)));

    assertThat(formPost.statusCode()).isEqualTo(415);
    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(otherOrigin.statusCode()).isEqualTo(403);
    assertThat(history("https://x.test", "2")).isEmpty();
  }

  @Test
  void aFileWithOneBadLineImportsNothingAndNamesTheLine() {
    String subject = "bad-file-" + System.nanoTime();
    HttpResponse<String> refused =
        importCsv(
            "issuer,subject,unit_id,valid_from\n"
                + lms.issuer
                + ","
                + subject
                + ",WARD-3,2026-01-01\n"
                + lms.issuer
                + ",other,WARD-3,not a date\n");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    JsonObject problem = Http.json(refused);
    assertThat(problem.getString("title")).isEqualTo("The file was not imported");
    assertThat(problem.getJsonArray("violations").getJsonObject(0).getString("field"))
        .isEqualTo("line 3");
    assertThat(refused.body()).doesNotContain("Exception", "at org.");
    assertThat(history(lms.issuer, subject)).as("nothing stored").isEmpty();
  }

  @Test
  void aLaunchWithoutUnitTakesTheImportedOneAndALaunchNamingAnotherAddsAPeriod() throws Exception {
    registerOnce(lms, "1");
    String subject = "nurse-" + System.nanoTime();
    HttpResponse<String> imported =
        importCsv(
            "issuer,subject,unit_id,unit_path,unit_name,valid_from\n"
                + lms.issuer
                + ","
                + subject
                + ",WARD-4B,CHILD/NURSING/WARD-4B,\"Children's Hospital / Nursing / Ward 4B\","
                + "2026-01-05\n");
    assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
    assertThat(Http.json(imported).getInt("changes")).isEqualTo(1);
    // the same file again changes nothing
    assertThat(
            Http.json(
                    importCsv(
                        "issuer,subject,unit_id,unit_path,valid_from\n"
                            + lms.issuer
                            + ","
                            + subject
                            + ",WARD-4B,CHILD/NURSING/WARD-4B,"
                            + "2026-01-05\n"))
                .getInt("unchanged"))
        .isEqualTo(1);

    String course = "units-course-" + System.nanoTime();
    launchAs(subject, course, Map.of());
    awaitJoinedStatementWith(subject, "\"WARD-4B\"", "[\"CHILD\",\"NURSING\",\"WARD-4B\"]");

    launchAs(
        subject,
        course,
        Map.of(
            "org_unit_id", "PHARM", "org_unit_path", "CHILD/PHARM", "org_unit_name", "Pharmacy"));

    List<JsonObject> periods = history(lms.issuer, subject);
    assertThat(periods).hasSize(2);
    assertThat(periods.get(0).getString("unitId")).isEqualTo("WARD-4B");
    assertThat(periods.get(0).getString("unitName"))
        .isEqualTo("Children's Hospital / Nursing / Ward 4B");
    assertThat(periods.get(0).getString("source")).isEqualTo("IMPORT");
    assertThat(periods.get(0).getString("validFrom")).startsWith("2026-01-05T00:00");
    assertThat(periods.get(0).getString("validTo"))
        .isEqualTo(periods.get(1).getString("validFrom"));
    assertThat(periods.get(1).getString("unitId")).isEqualTo("PHARM");
    assertThat(periods.get(1).getString("unitName")).isEqualTo("Pharmacy");
    assertThat(periods.get(1).getString("source")).isEqualTo("LAUNCH");
    assertThat(periods.get(1).containsKey("validTo") && !periods.get(1).isNull("validTo"))
        .isFalse();
  }

  private void launchAs(String subject, String course, Map<String, String> custom) {
    Login login = login(lms);
    var claims =
        lms.moodleLaunch(login.nonce(), "1")
            .subject(subject)
            .claim(FakePlatform.LTI + "context", Map.of("id", course, "title", "Units CoP"))
            .claim(
                FakePlatform.LTI + "roles",
                List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));
    if (!custom.isEmpty()) {
      claims.claim(FakePlatform.LTI + "custom", custom);
    }
    assertThat(landing(launch(lms.sign(claims.build()), login)).statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> importCsv(String csv) {
    return Http.send(
        Http.request(at("/api/admin/org-units"))
            .header("Authorization", ADMIN)
            .header("Content-Type", "text/csv")
            .header("Accept", "application/json")
            .POST(BodyPublishers.ofString(csv)));
  }

  private List<JsonObject> history(String issuer, String subject) {
    HttpResponse<String> response =
        admin(
            "/api/admin/org-units?issuer="
                + Http.encoded(issuer)
                + "&subject="
                + Http.encoded(subject));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Http.json("{\"p\":" + response.body() + "}")
        .getJsonArray("p")
        .getValuesAs(JsonObject.class);
  }

  /** The joined statement of this person as the tool's own LRS holds it, once relayed. */
  private void awaitJoinedStatementWith(String subject, String... expected) throws Exception {
    String auth = credential("default", "statements/read");
    String agent =
        "{\"account\":{\"homePage\":\"" + lms.issuer + "\",\"name\":\"" + subject + "\"}}";
    URI query = at("/xapi/statements?agent=" + Http.encoded(agent));
    Instant limit = Instant.now().plus(Duration.ofSeconds(60));
    String body = "";
    while (Instant.now().isBefore(limit)) {
      body =
          Http.send(
                  Http.request(query)
                      .header("Authorization", auth)
                      .header("X-Experience-API-Version", "1.0.3"))
              .body();
      if (body.contains("joined")) {
        assertThat(body).contains(expected).doesNotContain("Ward 4B");
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no joined statement reached the embedded LRS: " + body);
  }
}
