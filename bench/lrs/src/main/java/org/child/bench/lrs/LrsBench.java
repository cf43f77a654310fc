package org.child.bench.lrs;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.child.cop.lrs.control.StatementLinks;
import org.child.cop.xapi.Account;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.XapiVersion;

/**
 * One phase of bench/lrs.sh per call; each prints one Markdown table row on stdout, progress on
 * stderr.
 *
 * <ul>
 *   <li>{@code post}: statements of a {@link Workload} stream POSTed to an LRS in batches from
 *       {@code --threads} clients (JDK HttpClient, one request at a time per client). Bodies are
 *       serialised before the clock starts, unless the run is too large to hold them ({@code
 *       --prepare false}: the 1M load, where each client makes its batches as it goes).
 *   <li>{@code raw}: the same statements as the StatementStore would store them (stored, authority,
 *       version set; payload written as 2.0.0 JSON) inserted straight into {@code lrs_statement}
 *       and its link tables (rows from the tool's own {@link StatementLinks}) with batched JDBC,
 *       one transaction per batch, from {@code --threads} connections: the floor.
 *   <li>{@code query}: one client, {@code --count} statement queries of one kind with varied
 *       parameters after a short warm-up: latency per query, the whole page read.
 * </ul>
 */
public final class LrsBench {

  private final Map<String, String> options = new HashMap<>();

  public static void main(String[] args) throws Exception {
    LrsBench bench = new LrsBench();
    for (int i = 1; i < args.length; i += 2) {
      bench.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    switch (args[0]) {
      case "post" -> bench.post();
      case "raw" -> bench.raw();
      case "query" -> bench.query();
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
  }

  // --- post: write throughput through an LRS's statements resource

  private void post() throws Exception {
    int threads = intOption("threads");
    int batch = intOption("batch");
    long count = Long.parseLong(option("count"));
    long from = Long.parseLong(option("from", "0"));
    int warmup = intOption("warmup", 0);
    boolean prepare = Boolean.parseBoolean(option("prepare", "true"));
    Workload workload = new Workload(option("stream"));
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    URI uri = URI.create(option("endpoint") + "/statements");
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (option("key") + ":" + option("secret")).getBytes(StandardCharsets.UTF_8));
    LongFunction<String> body = b -> body(workload, from + b * batch, batch, count - b * batch);
    long batches = (count + batch - 1) / batch;
    if (warmup > 0) {
      Workload warm = new Workload(option("stream") + "-warmup");
      int warmBatches = (warmup + batch - 1) / batch;
      String[] bodies = new String[warmBatches];
      for (int b = 0; b < warmBatches; b++) {
        bodies[b] = body(warm, (long) b * batch, batch, warmup - (long) b * batch);
      }
      send(http, uri, auth, threads, warmBatches, b -> bodies[(int) b], new long[warmBatches]);
      log("warm-up of " + warmup + " statements done");
    }
    LongFunction<String> source = body;
    if (prepare) {
      String[] bodies = new String[(int) batches];
      for (int b = 0; b < batches; b++) {
        bodies[b] = body.apply(b);
      }
      source = b -> bodies[(int) b];
    }
    long[] latencies = new long[(int) batches];
    long lrsPid = Long.parseLong(option("lrs-pid", "0"));
    String database = option("db-name", "-");
    Cpu before = Cpu.read(lrsPid, database);
    long start = System.nanoTime();
    int errors = send(http, uri, auth, threads, batches, source, latencies);
    double seconds = (System.nanoTime() - start) / 1e9;
    Cpu cpu = Cpu.read(lrsPid, database).minus(before);
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d | %.1f | **%.0f** | %.1f / %.1f / %.1f | %d | %s | %s |%n",
        option("label"),
        batch,
        threads,
        count,
        seconds,
        count / seconds,
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        ms(percentile(latencies, 99)),
        errors,
        cpu.cores(seconds),
        option("load", "–"));
  }

  private static String body(Workload workload, long first, int batch, long left) {
    int n = (int) Math.min(batch, left);
    StringBuilder json = new StringBuilder(n * 1400).append('[');
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        json.append(',');
      }
      json.append(workload.statement(first + i).toJson(XapiVersion.V1_0_3));
    }
    return json.append(']').toString();
  }

  /** Posts batches 0..batches-1 from {@code threads} clients; answers the errors. */
  private static int send(
      HttpClient http,
      URI uri,
      String auth,
      int threads,
      long batches,
      LongFunction<String> bodies,
      long[] latencies)
      throws InterruptedException {
    AtomicLong next = new AtomicLong();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong done = new AtomicLong();
    List<Thread> clients = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread client =
          new Thread(
              () -> {
                for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                  String body = bodies.apply(b);
                  HttpRequest request =
                      HttpRequest.newBuilder(uri)
                          .timeout(Duration.ofSeconds(60))
                          .header("Content-Type", "application/json")
                          .header("X-Experience-API-Version", "1.0.3")
                          .header("Authorization", auth)
                          .POST(HttpRequest.BodyPublishers.ofString(body))
                          .build();
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<String> response =
                        http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                      if (errors.incrementAndGet() <= 3) {
                        log("POST answered " + response.statusCode() + ": " + cut(response.body()));
                      }
                    }
                  } catch (Exception e) {
                    if (errors.incrementAndGet() <= 3) {
                      log("POST failed: " + e);
                    }
                  }
                  latencies[(int) b] = System.nanoTime() - sent;
                  long d = done.incrementAndGet();
                  if (d % 2000 == 0) {
                    log(d + " of " + batches + " requests");
                  }
                }
              });
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    return errors.get();
  }

  // --- raw: the same rows straight into PostgreSQL

  /** One statement's rows, made before the clock starts. */
  private record Rows(
      String id,
      String verbKey,
      String registration,
      Instant timestamp,
      String payload,
      StatementLinks links) {}

  private void raw() throws Exception {
    int threads = intOption("threads");
    int batch = intOption("batch");
    long count = Long.parseLong(option("count"));
    long from = Long.parseLong(option("from", "0"));
    int warmup = intOption("warmup", 0);
    boolean prepare = Boolean.parseBoolean(option("prepare", "true"));
    String tenant = option("tenant", "default");
    String credentialId = option("credential-id");
    Agent authority =
        Agent.of(
            option("authority-name"),
            new Account(option("authority-home"), option("authority-key")));
    Workload workload = new Workload(option("stream"));
    String url = option("db");
    List<Connection> connections = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Connection connection =
          DriverManager.getConnection(url, option("db-user"), option("db-password"));
      connection.setAutoCommit(false);
      connections.add(connection);
    }
    if (warmup > 0) {
      List<Rows> warm = rows(new Workload(option("stream") + "-warmup"), 0, warmup, authority);
      insertAll(
          connections,
          (warmup + batch - 1) / batch,
          b -> warm.subList(b * batch, Math.min(warm.size(), (b + 1) * batch)),
          tenant,
          credentialId,
          new long[(warmup + batch - 1) / batch]);
      log("raw warm-up of " + warmup + " statements done");
    }
    int batches = (int) ((count + batch - 1) / batch);
    java.util.function.IntFunction<List<Rows>> source;
    if (prepare) {
      List<Rows> rows = rows(workload, from, (int) count, authority);
      source = b -> rows.subList(b * batch, Math.min(rows.size(), (b + 1) * batch));
    } else {
      // too many to hold: each connection makes its batch's rows as it goes
      source =
          b ->
              rows(
                  workload,
                  from + (long) b * batch,
                  (int) Math.min(batch, count - (long) b * batch),
                  authority);
    }
    long[] latencies = new long[batches];
    String database = option("db-name", "-");
    Cpu before = Cpu.read(0, database);
    long start = System.nanoTime();
    int errors = insertAll(connections, batches, source, tenant, credentialId, latencies);
    double seconds = (System.nanoTime() - start) / 1e9;
    Cpu cpu = Cpu.read(0, database).minus(before);
    for (Connection connection : connections) {
      connection.close();
    }
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %d | %d | %.1f | **%.0f** | %.1f / %.1f / %.1f | %d | %s | %s |%n",
        option("label"),
        batch,
        threads,
        count,
        seconds,
        count / seconds,
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        ms(percentile(latencies, 99)),
        errors,
        cpu.cores(seconds),
        option("load", "–"));
  }

  private static List<Rows> rows(Workload workload, long first, int count, Agent authority) {
    List<Rows> rows = new ArrayList<>(count);
    Timestamp stored = Timestamp.of(Instant.now());
    for (int i = 0; i < count; i++) {
      Statement sent = workload.statement(first + i);
      // what StatementStore.asStored makes of a statement sent by a 1.0.3 client
      Statement statement =
          sent.toBuilder()
              .timestamp(sent.timestamp().inUtc())
              .stored(stored)
              .authority(authority)
              .version("1.0.0")
              .build();
      rows.add(
          new Rows(
              statement.id().toString(),
              StatementLinks.verbKey(statement.verb().id()),
              statement.context().registration() == null
                  ? null
                  : statement.context().registration().toString(),
              statement.timestamp().instant(),
              statement.toJson(XapiVersion.V2_0_0),
              StatementLinks.of(statement)));
    }
    return rows;
  }

  private static int insertAll(
      List<Connection> connections,
      int batches,
      java.util.function.IntFunction<List<Rows>> source,
      String tenant,
      String credentialId,
      long[] latencies)
      throws InterruptedException {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    List<Thread> clients = new ArrayList<>();
    for (Connection connection : connections) {
      Thread client =
          new Thread(
              () -> {
                for (int b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                  List<Rows> rows = source.apply(b);
                  long sent = System.nanoTime();
                  try {
                    insert(connection, rows, tenant, credentialId);
                    connection.commit();
                  } catch (Exception e) {
                    try {
                      connection.rollback();
                    } catch (Exception ignored) {
                      // reported below
                    }
                    if (errors.incrementAndGet() <= 3) {
                      log("raw insert failed: " + e);
                    }
                  }
                  latencies[b] = System.nanoTime() - sent;
                  if (done.incrementAndGet() % 200 == 0) {
                    log(done.get() + " of " + batches + " transactions");
                  }
                }
              });
      client.start();
      clients.add(client);
    }
    for (Thread client : clients) {
      client.join();
    }
    return errors.get();
  }

  /** What StatementStore.insert and link write for new statements, in the same statements. */
  private static void insert(
      Connection connection, List<Rows> rows, String tenant, String credentialId)
      throws Exception {
    long[] seqs = new long[rows.size()];
    Instant now = Instant.now();
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into lrs_statement (tenant, statement_id, verb_key, registration, voided,"
                + " voiding_target, stored, statement_timestamp, credential_id, payload,"
                + " object_statement_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"seq"})) {
      for (Rows row : rows) {
        insert.setString(1, tenant);
        insert.setString(2, row.id());
        insert.setString(3, row.verbKey());
        insert.setString(4, row.registration());
        insert.setBoolean(5, false);
        insert.setString(6, null);
        insert.setObject(7, now.atOffset(java.time.ZoneOffset.UTC));
        insert.setObject(8, row.timestamp().atOffset(java.time.ZoneOffset.UTC));
        insert.setString(9, credentialId);
        insert.setString(10, row.payload());
        insert.setString(11, null);
        insert.addBatch();
      }
      insert.executeBatch();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        for (int i = 0; keys.next(); i++) {
          seqs[i] = keys.getLong(1);
        }
      }
    }
    try (PreparedStatement agents =
            connection.prepareStatement(
                "insert into lrs_statement_agent (statement_seq, tenant, agent_key, usage)"
                    + " values (?, ?, ?, ?)");
        PreparedStatement activities =
            connection.prepareStatement(
                "insert into lrs_statement_activity (statement_seq, tenant, activity_key, usage)"
                    + " values (?, ?, ?, ?)")) {
      for (int i = 0; i < rows.size(); i++) {
        for (StatementLinks.Link link : rows.get(i).links().agents()) {
          link(agents, seqs[i], tenant, link);
        }
        for (StatementLinks.Link link : rows.get(i).links().activities()) {
          link(activities, seqs[i], tenant, link);
        }
      }
      agents.executeBatch();
      activities.executeBatch();
    }
  }

  private static void link(
      PreparedStatement insert, long seq, String tenant, StatementLinks.Link link)
      throws Exception {
    insert.setLong(1, seq);
    insert.setString(2, tenant);
    insert.setString(3, link.key());
    insert.setString(4, link.usage());
    insert.addBatch();
  }

  // --- query: latency of statement queries

  private void query() throws Exception {
    String kind = option("kind");
    int count = intOption("count");
    int warmup = intOption("warmup", 20);
    String limit = option("limit", "");
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String auth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (option("key") + ":" + option("secret")).getBytes(StandardCharsets.UTF_8));
    Instant sinceFrom = Instant.parse(option("since-from", Instant.EPOCH.toString()));
    Instant sinceTo = Instant.parse(option("since-to", Instant.EPOCH.toString()));
    SplittableRandom random = new SplittableRandom(kind.hashCode() + 17L * limit.hashCode());
    long[] latencies = new long[count];
    long statements = 0;
    int errors = 0;
    for (int q = -warmup; q < count; q++) {
      String parameters = parameters(kind, random, sinceFrom, sinceTo);
      if (!limit.isEmpty()) {
        parameters += "&limit=" + limit;
      }
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(option("endpoint") + "/statements?" + parameters))
              .timeout(Duration.ofSeconds(60))
              .header("X-Experience-API-Version", "1.0.3")
              .header("Authorization", auth)
              .GET()
              .build();
      long sent = System.nanoTime();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - sent;
      if (q < 0) {
        continue;
      }
      latencies[q] = took;
      if (response.statusCode() != 200) {
        if (++errors <= 3) {
          log("GET " + parameters + " answered " + response.statusCode() + ": " + cut(response.body()));
        }
      } else {
        // statements in the page: each has exactly one "stored" member at its top level
        statements += count(response.body(), "\"stored\"");
      }
    }
    Arrays.sort(latencies);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %d | %.0f | %.1f | **%.1f** | %.1f | %.1f | %d |%n",
        option("label"),
        limit.isEmpty() ? "none (server page: 500)" : limit,
        count,
        (double) statements / count,
        ms(percentile(latencies, 50)),
        ms(percentile(latencies, 95)),
        ms(percentile(latencies, 99)),
        ms(latencies[latencies.length - 1]),
        errors);
  }

  private static String parameters(
      String kind, SplittableRandom random, Instant sinceFrom, Instant sinceTo) {
    return switch (kind) {
      case "agent" -> {
        Agent person = Workload.person(random.nextInt(Workload.PEOPLE));
        Account account = (Account) person.ifi();
        yield "agent="
            + encode(
                "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\""
                    + account.homePage()
                    + "\",\"name\":\""
                    + account.name()
                    + "\"}}");
      }
      case "verb" -> "verb=" + encode(Workload.VERBS[random.nextInt(Workload.VERBS_COUNT)][0]);
      case "activity" -> {
        // objects mostly; one in four a community (grouping) or a run (parent)
        int pick = random.nextInt(8);
        String id =
            pick == 0
                ? Workload.communityId(random.nextInt(Workload.COMMUNITIES))
                : pick == 1
                    ? Workload.runId(random.nextInt(Workload.RUNS))
                    : Workload.objectId(random.nextInt(Workload.OBJECTS));
        yield "activity=" + encode(id) + "&related_activities=true";
      }
      case "since" -> {
        long span = Math.max(1, sinceTo.toEpochMilli() - sinceFrom.toEpochMilli());
        yield "since=" + encode(sinceFrom.plusMillis(random.nextLong(span)).toString());
      }
      default -> throw new IllegalArgumentException("unknown query kind " + kind);
    };
  }

  // --- helpers

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
      n++;
    }
    return n;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static String cut(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private String option(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is needed");
    }
    return value;
  }

  private String option(String name, String otherwise) {
    return options.getOrDefault(name, otherwise);
  }

  private int intOption(String name) {
    return Integer.parseInt(option(name));
  }

  private int intOption(String name, int otherwise) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
  }

  static void log(String message) {
    System.err.println(java.time.LocalTime.now().withNano(0) + " " + message);
  }
}
