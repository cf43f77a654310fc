package org.child.cop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.child.cop.Endpoints.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * The built tool on Payara Micro, seen from outside: health, the error format, and the
 * administrator guard on every administrator endpoint. Runs on H2 by default and on PostgreSQL when
 * DB_URL says so (.ci/run).
 */
class FoundationIT extends ToolUnderTest {

  // --- health and about

  @Test
  void readinessIsUpWithTheSchemaVersionOnceMigrated() {
    HttpResponse<String> response = Http.get(at("/health/ready"));

    assertThat(response.statusCode()).isEqualTo(200);
    // checks come in no fixed order: the database's is found by its name
    JsonObject database =
        Http.json(response).getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("schemaVersion"))
        .isEqualTo(Migrations.latestVersion());
  }

  @Test
  void aboutNamesTheToolAndItsVersionWithoutInternals() {
    HttpResponse<String> response = Http.get(at("/api/about"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject about = Http.json(response);
    assertThat(about.getString("name")).isEqualTo("CHILD CoP");
    assertThat(about.getString("version")).isNotBlank().isNotEqualTo("unknown");
    assertThat(about.keySet()).doesNotContain("database", "java", "administratorCredential");
  }

  @Test
  void administratorStatusNamesTheDatabaseThatIsReallyInUse() {
    HttpResponse<String> response =
        Http.send(Http.request(at("/api/admin/status")).header("Authorization", ADMIN));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject status = Http.json(response);
    String dbUrl = System.getenv().getOrDefault("DB_URL", "jdbc:h2:");
    String expected = dbUrl.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2";
    assertThat(status.getString("database")).startsWith(expected);
    assertThat(status.getString("schema")).isEqualTo("current");
    assertThat(status.getString("administratorCredential")).isEqualTo("ADMIN_PASSWORD");
  }

  // --- pages

  @Test
  void startPageIsAnAccessibleFrameablePage() {
    HttpResponse<String> response = Http.send(Http.request(at("/")).header("Accept", "text/html"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body())
        .contains("<html lang=\"en\">", "<main id=\"main\">", "name=\"viewport\"", "<h1>");
    // LMSs show the tool in an iframe: nothing may forbid framing
    assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
    assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  @Test
  void stylesheetIsServedAndPathTricksAreNot() {
    assertThat(Http.get(at("/static/child-cop.css")).statusCode()).isEqualTo(200);
    for (String trick :
        List.of("/static/..%2FWEB-INF%2Fweb.xml", "/static/.css", "/static/child-cop.CSS")) {
      HttpResponse<String> response = Http.get(at(trick));
      assertThat(response.statusCode()).as(trick).isEqualTo(404);
      assertThat(response.body()).as(trick).doesNotContain("<web-app");
    }
  }

  // --- the error format

  @Test
  void unknownAddressIsA404ProblemWithoutAStackTrace() {
    HttpResponse<String> response = Http.get(at("/no/such/thing"));

    assertProblem(response, 404);
    assertThat(Http.json(response).getString("detail"))
        .isEqualTo("Nothing is here. Check the address.");
  }

  @Test
  void malformedJsonIsA400ProblemThatSaysSo() {
    HttpResponse<String> response = putCredential("application/json", "{\"password\": ");

    assertProblem(response, 400);
    assertThat(Http.json(response).getString("detail")).contains("not the JSON");
  }

  @Test
  void missingFieldsAreNamedInTheProblem() {
    HttpResponse<String> response = putCredential("application/json", "{}");

    assertProblem(response, 400);
    JsonObject violation = Http.json(response).getJsonArray("violations").getJsonObject(0);
    assertThat(violation.getString("field")).isEqualTo("password");
    assertThat(violation.getString("message")).isEqualTo("is required");
  }

  @Test
  void wrongContentTypeIsA415Problem() {
    HttpResponse<String> response = putCredential("text/plain", "a new password");

    assertProblem(response, 415);
  }

  @Test
  void wrongMethodIsA405Problem() {
    HttpResponse<String> response =
        Http.send(Http.request(at("/api/about")).header("Accept", "application/json").DELETE());

    assertProblem(response, 405);
    assertThat(Http.json(response).getString("detail")).contains("DELETE");
  }

  @Test
  void browsersGetAnErrorPageThatEscapesWhatTheyAskedFor() {
    HttpResponse<String> response =
        Http.send(
            Http.request(at("/static/%3Cscript%3Ealert(1)%3C%2Fscript%3E.css"))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(response.body())
        .contains("<h1>Not Found</h1>", "reference")
        .doesNotContain("<script>");
  }

  @Test
  void requestIdIsEchoedSoReportsLeadToTheLog() {
    HttpResponse<String> response =
        Http.send(
            Http.request(at("/no/such/thing"))
                .header("Accept", "application/json")
                .header("X-Request-Id", "lms-trace-0001"));

    assertThat(response.headers().firstValue("X-Request-Id")).hasValue("lms-trace-0001");
    assertThat(Http.json(response).getString("requestId")).isEqualTo("lms-trace-0001");
  }

  @Test
  void forgedRequestIdsAreReplaced() {
    HttpResponse<String> response =
        Http.send(
            Http.request(at("/no/such/thing"))
                .header("Accept", "application/json")
                .header("X-Request-Id", "x\"><script>"));

    assertThat(Http.json(response).getString("requestId")).matches("[0-9a-f-]{36}");
  }

  // --- the administrator guard, from the attacker's side

  @Test
  void everyAdministratorEndpointIsFoundByTheScan() {
    assertThat(Endpoints.administratorOnly())
        .extracting(Endpoint::toString)
        .contains("GET /admin", "GET /api/admin/status", "PUT /api/admin/credential");
  }

  @Test
  void nothingUnderAnAdministratorPathIsLeftUnguarded() {
    assertThat(Endpoints.all())
        .filteredOn(
            e ->
                e.path().equals("admin")
                    || e.path().startsWith("admin/")
                    || e.path().startsWith("api/admin"))
        .isNotEmpty()
        .allMatch(Endpoint::administratorOnly);
  }

  @Test
  void everyAdministratorEndpointRefusesAnonymousCallers() {
    for (Endpoint endpoint : Endpoints.administratorOnly()) {
      HttpResponse<String> response = call(endpoint, null);
      assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(401);
      assertThat(response.headers().firstValue("WWW-Authenticate"))
          .as(endpoint.toString())
          .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    }
  }

  @Test
  void everyAdministratorEndpointRefusesWrongCredentials() {
    List<String> wrong =
        List.of(
            Http.basic("admin", "not-the-password"),
            Http.basic("root", ADMIN_PASSWORD),
            Http.basic("admin", ADMIN_PASSWORD + " "),
            Http.basic("admin", ""),
            "Basic !!not-base64!!",
            "Bearer " + ADMIN_PASSWORD,
            "Basic " + java.util.Base64.getEncoder().encodeToString(ADMIN_PASSWORD.getBytes()));
    for (Endpoint endpoint : Endpoints.administratorOnly()) {
      for (String authorization : wrong) {
        HttpResponse<String> response = call(endpoint, authorization);
        assertThat(response.statusCode()).as(endpoint + " with " + authorization).isEqualTo(401);
        assertThat(response.body()).doesNotContain(ADMIN_PASSWORD);
      }
    }
  }

  @Test
  void everyAdministratorEndpointAdmitsTheAdministrator() {
    for (Endpoint endpoint : Endpoints.administratorOnly()) {
      HttpResponse<String> response = call(endpoint, ADMIN);
      assertThat(response.statusCode()).as(endpoint.toString()).isNotIn(401, 403, 429);
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
  }

  @Test
  void passwordOwnedByTheEnvironmentCannotBeChangedThroughTheApi() {
    HttpResponse<String> response =
        putCredential("application/json", "{\"password\":\"a-brand-new-password\"}");

    assertProblem(response, 409);
    assertThat(Http.json(response).getString("detail")).contains("ADMIN_PASSWORD");
  }

  private HttpResponse<String> call(Endpoint endpoint, String authorization) {
    var request = Http.request(at("/" + endpoint.path())).header("Accept", "*/*");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    boolean hasBody = Stream.of("POST", "PUT", "PATCH").anyMatch(endpoint.method()::equals);
    request.header("Content-Type", "application/json");
    request.method(
        endpoint.method(), hasBody ? BodyPublishers.ofString("{}") : BodyPublishers.noBody());
    return Http.send(request);
  }

  /** What an administrator's client sends to change the password. */
  private HttpResponse<String> putCredential(String contentType, String body) {
    return Http.send(
        Http.request(at("/api/admin/credential"))
            .header("Authorization", ADMIN)
            .header("Content-Type", contentType)
            .PUT(BodyPublishers.ofString(body)));
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    JsonObject problem = Http.json(response);
    assertThat(problem.getInt("status")).isEqualTo(status);
    assertThat(problem.getString("title")).isNotBlank();
    assertThat(problem.getString("detail")).isNotBlank();
    assertThat(problem.getString("requestId")).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java:");
  }
}
