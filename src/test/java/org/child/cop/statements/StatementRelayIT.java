package org.child.cop.statements;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.child.cop.Http;
import org.child.cop.ToolProcess;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Verb;
import org.child.cop.xapi.XapiClient;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outbox and its relay against a real, independent LRS (npm {@code xapi-statements}) behind a
 * proxy that counts what reaches it: delivery, a harmless re-send, a bad statement inside a batch,
 * a conflicting id, an LRS that is down for a while, and two instances relaying together. The tool
 * runs as its uber jar on PostgreSQL; statements are written to its outbox table directly, as the
 * transaction of a domain change writes them, so each test knows exactly which ones are its own.
 */
class StatementRelayIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String ADMIN_PASSWORD = "statement-relay-it-secret";

  @TempDir static Path workDir;

  private static ExternalLrs lrs;
  private static CountingProxy proxy;
  private static ToolProcess tool;
  private static String destination;
  private static Map<String, String> settings;

  @BeforeAll
  static void startTheLrsAndTheTool() throws Exception {
    String database = System.getenv("DB_URL");
    boolean ci = "true".equals(System.getenv("CI"));
    if (ci && !ExternalLrs.runnable()) {
      throw new IllegalStateException("CI must install node and npm for the external LRS");
    }
    Assumptions.assumeTrue(
        database != null && database.startsWith("jdbc:postgresql:"),
        "needs the PostgreSQL database CI names in DB_URL");
    Assumptions.assumeTrue(ExternalLrs.runnable(), "needs node and npm for the external LRS");

    lrs = ExternalLrs.on(ToolProcess.freePort()).start();
    proxy = CountingProxy.of(lrs.endpoint());
    destination = "relay-it-" + UUID.randomUUID().toString().substring(0, 8);
    settings = new HashMap<>();
    for (String name : List.of("DB_URL", "DB_CLASS", "DB_USER", "DB_PASSWORD")) {
      settings.put(name, System.getenv(name));
    }
    settings.put("ADMIN_PASSWORD", ADMIN_PASSWORD);
    settings.put("XAPI_DESTINATIONS", destination);
    settings.put("XAPI_RELAY_BATCH_SIZE", "10");
    settings.put("XAPI_RELAY_INTERVAL", "PT0.2S");
    settings.put("XAPI_RELAY_FIRST_RETRY", "PT1S");
    tool = start(proxy);
  }

  @AfterAll
  static void stop() throws Exception {
    if (tool != null) {
      tool.close();
    }
    if (proxy != null) {
      proxy.close();
    }
    if (lrs != null) {
      lrs.close();
    }
  }

  @Test
  void statementsReachTheLrsAndAStatementSentAgainIsTakenAsTheSame() throws Exception {
    List<Statement> statements = statements("delivered", 25);

    queue(statements);

    awaitStatuses(statements, status -> status.equals("DELIVERED"));
    Map<String, Long> stored = proxy.timesStored();
    statements.forEach(statement -> assertThat(stored.get(id(statement))).isEqualTo(1));
    XapiClient reader = XapiClient.to(lrs.endpoint()).basicAuth("test", "test").build();
    Statement first = statements.get(0);
    assertThat(reader.get(first.id())).hasValueSatisfying(back -> assertSame(back, first));

    // as if an instance died after the LRS stored it but before its transaction committed
    sql(
        "update statement_delivery set status = 'PENDING' where destination = '"
            + destination
            + "' and statement_seq = (select seq from statement_outbox where statement_id = '"
            + first.id()
            + "')");
    awaitStatuses(List.of(first), status -> status.equals("DELIVERED"));
    assertThat(proxy.timesStored().get(id(first))).isEqualTo(2);
  }

  @Test
  void aBatchWithOneBadStatementDeliversTheOthersAndSetsTheBadOneAside() throws Exception {
    List<Statement> statements = new ArrayList<>(statements("batch", 9));
    // a statement claiming xAPI 2.0.0, which this 1.0.3 LRS refuses with 400
    Statement bad = statement("batch-bad").toBuilder().version("2.0.0").build();
    statements.add(4, bad);

    queue(statements);

    Map<UUID, String> statuses = awaitStatuses(statements, status -> !status.equals("PENDING"));
    statements.forEach(
        statement ->
            assertThat(statuses.get(statement.id()))
                .as(statement.id().toString())
                .isEqualTo(statement == bad ? "REJECTED" : "DELIVERED"));
    assertThat(proxy.timesStored()).doesNotContainKey(id(bad));
    JsonObject setAside = setAsideEntry(bad);
    assertThat(setAside.getString("status")).isEqualTo("REJECTED");
    assertThat(setAside.getString("error")).contains("HTTP 400", "version");
  }

  @Test
  void aStatementWhoseIdTheLrsHoldsWithOtherContentIsSetAsideAsAConflict() throws Exception {
    List<Statement> statements = statements("conflict", 5);
    Statement taken = statements.get(2);
    // another system stored something else under that id first
    XapiClient.to(lrs.endpoint())
        .basicAuth("other", "system")
        .build()
        .put(statement("something-else").toBuilder().id(taken.id()).build());

    queue(statements);

    Map<UUID, String> statuses = awaitStatuses(statements, status -> !status.equals("PENDING"));
    statements.forEach(
        statement ->
            assertThat(statuses.get(statement.id()))
                .isEqualTo(statement == taken ? "CONFLICT" : "DELIVERED"));
    assertThat(setAsideEntry(taken).getString("error")).contains("HTTP 409");
    JsonObject overview =
        Http.json(admin("GET", "/api/admin/statements/destinations/" + destination));
    assertThat(overview.getJsonNumber("conflicts").longValue()).isPositive();

    // the administrator's retry sends it again; the LRS still holds the other statement
    HttpResponse<String> retried =
        admin("POST", "/api/admin/statements/destinations/" + destination + "/retry");
    assertThat(retried.statusCode()).isEqualTo(200);
    assertThat(Http.json(retried).getInt("setAsideSentAgain")).isPositive();
    awaitStatuses(List.of(taken), status -> status.equals("CONFLICT"));
  }

  @Test
  void whileTheLrsIsDownNothingIsLostAndAfterwardsNothingIsDuplicated() throws Exception {
    lrs.stop();
    List<Statement> statements;
    try {
      statements = statements("outage", 30);
      queue(statements);

      JsonObject resting =
          awaitDestination(
              view -> view.containsKey("lastError") && view.getInt("consecutiveFailures") > 0);
      assertThat(resting.getString("lastError")).contains("502");
      assertThat(statuses(statements).values()).containsOnly("PENDING");
    } finally {
      lrs.start();
    }

    awaitStatuses(statements, status -> status.equals("DELIVERED"));
    Map<String, Long> stored = proxy.timesStored();
    statements.forEach(statement -> assertThat(stored.get(id(statement))).isEqualTo(1));
    assertThat(
            Http.json(admin("GET", "/api/admin/statements/destinations/" + destination))
                .getInt("consecutiveFailures"))
        .isZero();
  }

  @Test
  void twoInstancesRelayingTogetherStoreEachStatementExactlyOnce() throws Exception {
    // the first instance reaches the LRS slowly, so the second one surely finds work too
    proxy.slowDown(Duration.ofMillis(100));
    try (CountingProxy second = CountingProxy.of(lrs.endpoint());
        ToolProcess other = start(second)) {
      List<Statement> statements = statements("two-relays", 200);

      queue(statements);

      awaitStatuses(statements, status -> status.equals("DELIVERED"));
      Map<String, Long> byFirst = proxy.timesStored();
      Map<String, Long> bySecond = second.timesStored();
      for (Statement statement : statements) {
        long times =
            byFirst.getOrDefault(id(statement), 0L) + bySecond.getOrDefault(id(statement), 0L);
        assertThat(times).as(id(statement)).isEqualTo(1);
      }
      long fromSecond = statements.stream().filter(s -> bySecond.containsKey(id(s))).count();
      assertThat(fromSecond).as("statements the second instance delivered").isBetween(1L, 199L);
    } finally {
      proxy.slowDown(Duration.ZERO);
    }
  }

  // --- the tool

  private static ToolProcess start(CountingProxy lrsProxy) throws Exception {
    int port = ToolProcess.freePort();
    Map<String, String> own = new HashMap<>(settings);
    own.put("TOOL_BASE_URL", "http://localhost:" + port);
    own.put(
        "XAPI_DESTINATION_" + destination.toUpperCase(Locale.ROOT).replace('-', '_') + "_ENDPOINT",
        lrsProxy.endpoint().toString());
    ToolProcess started = ToolProcess.start(workDir, port, own);
    started.awaitReady();
    return started;
  }

  private static HttpResponse<String> admin(String method, String path) {
    return Http.send(
        Http.request(tool.at(path))
            .header("Accept", "application/json")
            .header("Authorization", Http.basic("admin", ADMIN_PASSWORD))
            .method(method, BodyPublishers.noBody()));
  }

  private static JsonObject setAsideEntry(Statement statement) {
    HttpResponse<String> response =
        admin("GET", "/api/admin/statements/destinations/" + destination + "/set-aside");
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.json("{\"list\":" + response.body() + "}").getJsonArray("list").stream()
        .map(JsonObject.class::cast)
        .filter(entry -> entry.getString("statementId").equals(id(statement)))
        .findFirst()
        .orElseThrow(
            () -> new AssertionError(statement.id() + " is not set aside: " + response.body()));
  }

  private static JsonObject awaitDestination(Predicate<JsonObject> condition) throws Exception {
    Instant limit = Instant.now().plus(PATIENCE);
    JsonObject view;
    do {
      view = Http.json(admin("GET", "/api/admin/statements/destinations/" + destination));
      if (condition.test(view)) {
        return view;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(limit));
    throw new AssertionError("the destination never got there: " + view);
  }

  // --- the outbox, as a domain change's transaction writes it

  private static List<Statement> statements(String marker, int count) {
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      statements.add(statement(marker + "-" + i));
    }
    return statements;
  }

  private static Statement statement(String marker) {
    return Statement.builder()
        .id(UUID.randomUUID())
        .actor(Agent.account("https://moodle.example.org", "relay-it"))
        .verb(Verb.of("http://adlnet.gov/expapi/verbs/asked", "en", "asked"))
        .object(Activity.of("https://cop.example.org/relay-it/" + marker))
        .timestamp(Timestamp.now())
        .build();
  }

  private static void queue(List<Statement> statements) throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (var outbox =
              connection.prepareStatement(
                  "insert into statement_outbox (statement_id, payload, created_at)"
                      + " values (?, ?, current_timestamp)");
          var delivery =
              connection.prepareStatement(
                  "insert into statement_delivery (destination, statement_seq, status, attempts)"
                      + " select ?, seq, 'PENDING', 0 from statement_outbox where statement_id = ?")) {
        for (Statement statement : statements) {
          outbox.setString(1, id(statement));
          outbox.setString(2, statement.toJson(XapiVersion.V2_0_0));
          outbox.executeUpdate();
          delivery.setString(1, destination);
          delivery.setString(2, id(statement));
          delivery.executeUpdate();
        }
      }
      connection.commit();
    }
  }

  private static Map<UUID, String> awaitStatuses(
      List<Statement> statements, Predicate<String> condition) throws Exception {
    Instant limit = Instant.now().plus(PATIENCE);
    Map<UUID, String> statuses;
    do {
      statuses = statuses(statements);
      if (statuses.size() == statements.size() && statuses.values().stream().allMatch(condition)) {
        return statuses;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(limit));
    throw new AssertionError("not every statement got there in " + PATIENCE + ": " + statuses);
  }

  private static Map<UUID, String> statuses(List<Statement> statements) throws SQLException {
    Map<UUID, String> statuses = new HashMap<>();
    try (Connection connection = connect();
        var query =
            connection.prepareStatement(
                "select o.statement_id, d.status from statement_delivery d join statement_outbox o"
                    + " on o.seq = d.statement_seq where d.destination = ? and o.statement_id = ?")) {
      for (Statement statement : statements) {
        query.setString(1, destination);
        query.setString(2, id(statement));
        try (var rows = query.executeQuery()) {
          if (rows.next()) {
            statuses.put(UUID.fromString(rows.getString(1)), rows.getString(2));
          }
        }
      }
    }
    return statuses;
  }

  private static void sql(String update) throws SQLException {
    try (Connection connection = connect();
        var statement = connection.createStatement()) {
      statement.executeUpdate(update);
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(
        settings.get("DB_URL"), settings.get("DB_USER"), settings.get("DB_PASSWORD"));
  }

  private static String id(Statement statement) {
    return statement.id().toString();
  }

  private static void assertSame(Statement back, Statement sent) {
    assertThat(back.id()).isEqualTo(sent.id());
    assertThat(back.verb().id()).isEqualTo(sent.verb().id());
    assertThat(back.object())
        .isInstanceOfSatisfying(
            Activity.class,
            activity -> assertThat(activity.id()).isEqualTo(((Activity) sent.object()).id()));
    assertThat(back.timestamp()).isEqualTo(sent.timestamp());
  }
}
