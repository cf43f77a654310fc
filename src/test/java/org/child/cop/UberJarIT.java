package org.child.cop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uber jar as the README's run command starts it: no settings, an empty working directory. It
 * must come up on the embedded defaults, listen on loopback only, hand out its administrator
 * credential once, keep its data across restarts, and be ready only once its database is.
 */
class UberJarIT {

  private static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

  @TempDir Path workDir;

  @Test
  void firstStartRunsOnEmbeddedDefaultsAndHandsOutTheCredentialOnce() throws Exception {
    int port = ToolProcess.freePort();
    String password;
    try (ToolProcess tool = ToolProcess.start(workDir, port, Map.of())) {
      tool.awaitReady();

      assertThat(tool.output()).contains("is ready: open http://localhost:" + port + "/");
      assertThat(workDir.resolve("data/child-cop.mv.db")).isRegularFile();
      // bound to 127.0.0.1 only: another loopback address of this machine is refused
      assertThatThrownBy(() -> connect("127.0.0.2", port)).isInstanceOf(ConnectException.class);
      connect("127.0.0.1", port);
      // LMSs frame the tool: Payara's default X-Frame-Options must be off in the uber jar too
      HttpResponse<String> start =
          Http.send(Http.request(tool.at("/")).header("Accept", "text/html"));
      assertThat(start.statusCode()).isEqualTo(200);
      assertThat(start.headers().firstValue("X-Frame-Options")).isEmpty();
      // the demo platform exists only in development mode
      assertThat(Http.page(tool.at("/demo")).statusCode()).isEqualTo(404);

      Matcher printed = PRINTED_PASSWORD.matcher(tool.output());
      assertThat(printed.find()).as("credential printed").isTrue();
      password = printed.group(1);
      assertThat(printed.find()).as("printed only once").isFalse();
      assertThat(adminStatus(tool, password).statusCode()).isEqualTo(200);

      HttpResponse<String> change =
          Http.send(
              Http.request(tool.at("/api/admin/credential"))
                  .header("Authorization", Http.basic("admin", password))
                  .header("Content-Type", "application/json")
                  .PUT(BodyPublishers.ofString("{\"password\":\"chosen by the administrator\"}")));
      assertThat(change.statusCode()).isEqualTo(204);
      assertThat(adminStatus(tool, password).statusCode()).isEqualTo(401);
      assertThat(adminStatus(tool, "chosen by the administrator").statusCode()).isEqualTo(200);
    }

    // the README's run command: development mode, where the demo course launches the tool
    try (ToolProcess restarted =
        ToolProcess.start(workDir, port, Map.of("TOOL_DEV_MODE", "true"))) {
      restarted.awaitReady();

      assertThat(DemoCourse.launch(URI.create("http://localhost:" + port), "LEARNER", null).body())
          .contains("Welcome, Lee Learner");

      assertThat(restarted.output()).doesNotContain("password: ");
      assertThat(adminStatus(restarted, "chosen by the administrator").statusCode()).isEqualTo(200);
      assertThat(adminStatus(restarted, password).statusCode()).isEqualTo(401);
    }
  }

  @Test
  void guessingTheAdministratorPasswordLocksTheGuesserOut() throws Exception {
    try (ToolProcess tool = ToolProcess.start(workDir, ToolProcess.freePort(), Map.of())) {
      tool.awaitReady();
      Matcher printed = PRINTED_PASSWORD.matcher(tool.output());
      assertThat(printed.find()).isTrue();

      for (int guess = 1; guess <= 5; guess++) {
        assertThat(adminStatus(tool, "guess number " + guess).statusCode()).isEqualTo(401);
      }
      HttpResponse<String> locked = adminStatus(tool, printed.group(1));

      assertThat(locked.statusCode()).as("even the right password waits").isEqualTo(429);
      assertThat(locked.headers().firstValue("Retry-After").map(Long::parseLong))
          .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(1L, 900L));
      assertThat(tool.output()).contains("Administrator sign-in refused", "5 of 5");
      assertThat(tool.output()).doesNotContain("guess number");
    }
  }

  @Test
  void theToolKeysAreSealedOnceTheOperatorSetsASecretAndAWrongSecretKeepsTheToolNotReady()
      throws Exception {
    int port = ToolProcess.freePort();
    String jwks;
    try (ToolProcess tool = ToolProcess.start(workDir, port, Map.of())) {
      tool.awaitReady();
      jwks = Http.get(tool.at("/lti/jwks")).body();
      assertThat(tool.output()).contains("LTI private keys are stored unsealed");
    }
    assertThat(storedPrivateKeys()).allMatch(key -> key.contains("\"d\":"));

    String secret = "an operator's secret of more than 32 characters";
    try (ToolProcess sealing =
        ToolProcess.start(workDir, port, Map.of("LTI_KEY_SEAL_SECRET", secret))) {
      sealing.awaitReady();
      assertThat(sealing.output()).contains("Sealed 1 LTI tool keys").doesNotContain("unsealed");
      // the same key, now read through the seal
      assertThat(Http.get(sealing.at("/lti/jwks")).body()).isEqualTo(jwks);
      HttpResponse<String> rotated =
          Http.send(
              Http.request(sealing.at("/api/admin/lti/keys/rotation"))
                  .header("Authorization", Http.basic("admin", printedPassword(workDir)))
                  .POST(BodyPublishers.noBody()));
      assertThat(rotated.statusCode()).as(rotated.body()).isIn(200, 201);
    }
    List<String> sealed = storedPrivateKeys();
    assertThat(sealed)
        .hasSize(2)
        .allMatch(key -> key.startsWith("sealed:v1:"))
        .noneMatch(key -> key.contains("\"d\""));

    try (ToolProcess wrong =
        ToolProcess.start(workDir, port, Map.of("LTI_KEY_SEAL_SECRET", secret.replace('o', '0')))) {
      HttpResponse<String> notReady =
          wrong.await(r -> r.statusCode() == 503 && r.body().contains(KEYS_DOWN));
      assertThat(notReady.body())
          .contains("the keys cannot be read; see the log")
          .doesNotContain("SECRET");
      assertThat(wrong.output())
          .contains("The tool's LTI keys cannot be read", "another LTI_KEY_SEAL_SECRET");
    }
    try (ToolProcess forgotten = ToolProcess.start(workDir, port, Map.of())) {
      HttpResponse<String> notReady =
          forgotten.await(r -> r.statusCode() == 503 && r.body().contains(KEYS_DOWN));
      assertThat(forgotten.output()).contains("LTI_KEY_SEAL_SECRET is not set");
    }
    // nothing was replaced or lost on the way: the right secret opens both keys again
    assertThat(storedPrivateKeys()).isEqualTo(sealed);
  }

  private static final String KEYS_DOWN = "{\"name\":\"lti-keys\",\"status\":\"DOWN\"";

  /** The private keys as the database holds them, read while the tool is stopped. */
  private List<String> storedPrivateKeys() throws Exception {
    String url = "jdbc:h2:file:" + workDir.resolve("data/child-cop") + ";MODE=LEGACY";
    List<String> keys = new ArrayList<>();
    try (var connection = DriverManager.getConnection(url, "sa", "sa");
        var rows =
            connection
                .createStatement()
                .executeQuery("select private_jwk from lti_tool_key order by created_at")) {
      while (rows.next()) {
        keys.add(rows.getString(1));
      }
    }
    return keys;
  }

  private static String printedPassword(Path workDir) throws IOException {
    try (var logs = java.nio.file.Files.list(workDir)) {
      for (Path log : logs.filter(p -> p.getFileName().toString().endsWith(".log")).toList()) {
        Matcher printed = PRINTED_PASSWORD.matcher(java.nio.file.Files.readString(log));
        if (printed.find()) {
          return printed.group(1);
        }
      }
    }
    throw new AssertionError("no administrator password was printed");
  }

  @Test
  void readinessStaysDownWhileTheSchemaCannotBeMigratedAndRisesOnceItIs() throws Exception {
    // a database someone filled by hand: Flyway refuses to migrate a non-empty unknown schema.
    // AUTO_SERVER lets this test reach the H2 file while the tool holds it.
    String url = "jdbc:h2:file:" + workDir.resolve("late") + ";MODE=LEGACY;AUTO_SERVER=TRUE";
    try (var connection = DriverManager.getConnection(url, "sa", "sa");
        var statement = connection.createStatement()) {
      statement.execute("create table left_by_hand (id integer)");
    }
    try (ToolProcess tool =
        ToolProcess.start(workDir, ToolProcess.freePort(), Map.of("DB_URL", url))) {
      HttpResponse<String> notYet =
          tool.await(r -> r.statusCode() == 503 && r.body().contains("\"database\""));
      assertThat(notYet.body()).contains("\"schema\":\"failed\"");
      assertThat(Http.get(tool.at("/health/live")).statusCode()).isEqualTo(200);
      assertThat(tool.output()).contains("Database migration failed");

      // the administrator clears the stray table; the next attempt migrates
      try (var connection = DriverManager.getConnection(url, "sa", "sa");
          var statement = connection.createStatement()) {
        statement.execute("drop table left_by_hand");
      }
      HttpResponse<String> ready = tool.await(r -> r.statusCode() == 200);
      assertThat(ready.body()).contains("\"schemaVersion\":\"" + Migrations.latestVersion() + "\"");
    }
  }

  @Test
  void aLaunchBegunOnOneInstanceFinishesOnAnotherSharingTheDatabase() throws Exception {
    // several instances share PostgreSQL in production; the embedded H2 file serves one instance
    String ciDatabase = System.getenv("DB_URL");
    org.junit.jupiter.api.Assumptions.assumeTrue(
        ciDatabase != null && ciDatabase.startsWith("jdbc:postgresql:"),
        "needs the PostgreSQL database CI names in DB_URL");
    Map<String, String> shared = new java.util.HashMap<>();
    for (String name : List.of("DB_URL", "DB_CLASS", "DB_USER", "DB_PASSWORD")) {
      shared.put(name, System.getenv(name));
    }
    int portA = ToolProcess.freePort();
    int portB = ToolProcess.freePort();
    // behind a load balancer both instances answer for one public address: here, A's
    shared.put("TOOL_BASE_URL", "http://localhost:" + portA);
    shared.put("TOOL_DEV_MODE", "true");
    shared.put("ADMIN_PASSWORD", "two-instances-secret");
    URI a = URI.create("http://localhost:" + portA);
    URI b = URI.create("http://localhost:" + portB);
    try (ToolProcess first = ToolProcess.start(workDir, portA, shared)) {
      first.awaitReady();
      try (ToolProcess second = ToolProcess.start(workDir, portB, shared)) {
        second.awaitReady();

        // login initiation and the platform's answer on A ...
        HttpResponse<String> start = Http.page(a.resolve("/demo/start?as=LEARNER"));
        HttpResponse<String> login = DemoCourse.submit(a, start.body(), null);
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        HttpResponse<String> authorized =
            Http.page(URI.create(login.headers().firstValue("Location").orElseThrow()));
        // ... the form_post lands on B, which finds A's state and nonce in the database ...
        HttpResponse<String> launched =
            DemoCourse.submit(
                b, authorized.body().replace(a + "/lti/launch", b + "/lti/launch"), cookie);
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
        String landing = launched.headers().firstValue("Location").orElseThrow();
        // ... and the launch token B signed opens the page on A
        assertThat(Http.page(a.resolve(landing)).body()).contains("Welcome, Lee Learner");
        assertThat(second.output()).contains("LTI launch ");
        assertThat(first.output()).doesNotContain("LTI launch refused");
      }
    }

    // what launches leave behind goes once it has expired: age this run's rows, start again
    try (var connection =
            DriverManager.getConnection(
                shared.get("DB_URL"), shared.get("DB_USER"), shared.get("DB_PASSWORD"));
        var statement = connection.createStatement()) {
      statement.executeUpdate(
          "update lti_login_state set expires_at = expires_at - interval '2 hours'");
      statement.executeUpdate(
          "update lti_launch_session set expires_at = current_timestamp - interval '1 minute'");
      // finished service calls: one past lti.service-call.keep, one past it but the record of a
      // once-only call, one finished yesterday
      for (String[] call :
          new String[][] {
            {"old-roster-read", "null", "DONE", "31 days"},
            {"old-once-only", "'once-1'", "DONE", "31 days"},
            {"recent-failure", "null", "FAILED", "1 day"}
          }) {
        statement.executeUpdate(
            ("insert into lti_service_call (id, platform_id, kind, context_id, target_url, once_key,"
                    + " status, attempts, next_attempt_at, created_at, finished_at)"
                    + " select '%1$s', id, 'ROSTER', 'c1', 'https://lms.example.org/m', %2$s, '%3$s',"
                    + " 1, current_timestamp, current_timestamp - interval '%4$s',"
                    + " current_timestamp - interval '%4$s' from lti_platform limit 1")
                .formatted((Object[]) call));
      }
      // statements in the outbox: delivered long ago (to go), still owed though old, delivered
      // lately
      for (String[] queued :
          new String[][] {
            {"00000000-0000-4000-8000-0000000000d1", "40 days", "DELIVERED"},
            {"00000000-0000-4000-8000-0000000000d2", "40 days", "PENDING"},
            {"00000000-0000-4000-8000-0000000000d3", "1 day", "DELIVERED"}
          }) {
        statement.executeUpdate(
            ("insert into statement_outbox (statement_id, payload, created_at)"
                    + " values ('%1$s', '{}', current_timestamp - interval '%2$s')")
                .formatted((Object[]) queued));
        statement.executeUpdate(
            ("insert into statement_delivery (destination, statement_seq, status, attempts)"
                    + " select 'embedded', seq, '%3$s', 1 from statement_outbox"
                    + " where statement_id = '%1$s'")
                .formatted((Object[]) queued));
      }
      try (ToolProcess again = ToolProcess.start(workDir, portA, shared)) {
        again.awaitReady();
        assertThat(again.output())
            .containsPattern("Housekeeping deleted [1-9][0-9]* expired login");
        try (var rows =
            statement.executeQuery(
                "select (select count(*) from lti_login_state where expires_at < current_timestamp"
                    + " - interval '1 hour') + (select count(*) from lti_launch_session where"
                    + " expires_at < current_timestamp)")) {
          rows.next();
          assertThat(rows.getLong(1)).isZero();
        }
        try (var rows =
            statement.executeQuery(
                "select id from lti_service_call where id in"
                    + " ('old-roster-read', 'old-once-only', 'recent-failure') order by id")) {
          List<String> left = new ArrayList<>();
          while (rows.next()) {
            left.add(rows.getString(1));
          }
          assertThat(left).containsExactly("old-once-only", "recent-failure");
        }
        try (var rows =
            statement.executeQuery(
                "select statement_id from statement_outbox where statement_id like"
                    + " '00000000-0000-4000-8000-0000000000d_' order by statement_id")) {
          List<String> left = new ArrayList<>();
          while (rows.next()) {
            left.add(rows.getString(1));
          }
          assertThat(left)
              .containsExactly(
                  "00000000-0000-4000-8000-0000000000d2", "00000000-0000-4000-8000-0000000000d3");
        }
      }
    }
  }

  private static HttpResponse<String> adminStatus(ToolProcess tool, String password) {
    return Http.send(
        Http.request(tool.at("/api/admin/status"))
            .header("Accept", "application/json")
            .header("Authorization", Http.basic("admin", password)));
  }

  private static void connect(String host, int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 2000);
    }
  }
}
