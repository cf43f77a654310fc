package org.child.bench.launch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Closed-loop load generator for the full LTI launch: N simulated browsers, each looping login
 * initiation (GET /lti/login, 303 + state cookie) → the platform's authorization (an RS256
 * id_token signed here with the nonce from the redirect) → form_post (POST /lti/launch, 303) →
 * first page (GET /activities?launch=…, 200). Also a baseline loop on a trivial endpoint of the
 * same server. Every measured launch's latency is kept and sorted; CPU of the tool, of PostgreSQL,
 * of this generator and of everything else on the machine is read from /proc over each window.
 *
 * <p>Markdown rows go to stdout, progress to stderr.
 */
public final class LoadGenerator {

  // --- options
  private String toolBase; // public base (TOOL_BASE_URL), what target_link_uri must name
  private String connectBase; // where requests go (127.0.0.1)
  private String adminPassword;
  private long toolPid;
  private int[] levels = {1, 16, 64};
  private int warmupSeconds = 20;
  private int measureSeconds = 30;
  private int baselineWarmupSeconds = 10;
  private int baselineMeasureSeconds = 20;
  private String baselinePath = "/api/about";
  private int courses = 10;
  private int usersPerCourse = 20;
  private int signerThreads = 0; // 0: each browser signs its own id_token
  private double maxLoad = 1.0;
  private int maxWaitSeconds = 20 * 60;
  private Path jfrFile;
  private int jfrLevel = 16;
  private static String database = "childcop_bench";

  private BenchPlatform platform;
  private HttpClient http;
  private ExecutorService signers;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final long CLK_TCK = 100; // Linux USER_HZ on x86-64

  public static void main(String[] args) throws Exception {
    LoadGenerator generator = new LoadGenerator();
    generator.parse(args);
    generator.run();
  }

  private void parse(String[] args) {
    for (int i = 0; i < args.length; i += 2) {
      String value = args[i + 1];
      switch (args[i]) {
        case "--tool" -> toolBase = value;
        case "--connect" -> connectBase = value;
        case "--admin-password" -> adminPassword = value;
        case "--tool-pid" -> toolPid = Long.parseLong(value);
        case "--levels" -> levels = Arrays.stream(value.split(",")).mapToInt(Integer::parseInt).toArray();
        case "--warmup" -> warmupSeconds = Integer.parseInt(value);
        case "--measure" -> measureSeconds = Integer.parseInt(value);
        case "--baseline-warmup" -> baselineWarmupSeconds = Integer.parseInt(value);
        case "--baseline-measure" -> baselineMeasureSeconds = Integer.parseInt(value);
        case "--baseline-path" -> baselinePath = value;
        case "--courses" -> courses = Integer.parseInt(value);
        case "--users-per-course" -> usersPerCourse = Integer.parseInt(value);
        case "--signer-threads" -> signerThreads = Integer.parseInt(value);
        case "--max-load" -> maxLoad = Double.parseDouble(value);
        case "--max-wait" -> maxWaitSeconds = Integer.parseInt(value);
        case "--jfr" -> jfrFile = Path.of(value);
        case "--jfr-level" -> jfrLevel = Integer.parseInt(value);
        case "--db" -> database = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (toolBase == null || adminPassword == null) {
      throw new IllegalArgumentException("--tool and --admin-password are required");
    }
    if (connectBase == null) {
      connectBase = toolBase.replace("://localhost", "://127.0.0.1");
    }
  }

  private void run() throws Exception {
    http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    platform = new BenchPlatform("https://moodle.bench.example.org", usersPerCourse);
    signers = signerThreads > 0 ? Executors.newFixedThreadPool(signerThreads) : null;
    register();
    seed();
    List<String> rows = new ArrayList<>();
    List<String> steps = new ArrayList<>();
    List<String> cpu = new ArrayList<>();
    for (int level : levels) {
      String load = waitForQuietMachine();
      Result base = run("baseline", level, baselineWarmupSeconds, baselineMeasureSeconds, null);
      Result launch = run("launch", level, warmupSeconds, measureSeconds, null);
      rows.add(launch.row(load));
      rows.add(base.row(load));
      steps.add(launch.stepRow());
      cpu.add(launch.cpuRow());
      cpu.add(base.cpuRow());
      log("level " + level + " done: " + launch.summary() + " | baseline " + base.summary());
    }
    System.out.println();
    System.out.println(
        "| browsers | what | per second | p50 ms | p90 ms | p99 ms | max ms | errors (measured / warm-up) | n | 1-min load before |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "| browsers | login p50 / p99 | authorize (platform signs) p50 / p99 | launch POST p50 / p99 | first page p50 / p99 | tool only (3 requests) p50 / p99 |");
    System.out.println("|---|---|---|---|---|---|");
    steps.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "| browsers | what | tool CPU (cores) | PostgreSQL CPU, bench database backends (cores) | generator CPU (cores) | everything else (cores) | tool ms CPU per op | PostgreSQL ms per op | generator ms per op | of which id_token signing ms per op |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    cpu.forEach(System.out::println);
    System.out.println();
    System.out.println(
        "Platform key set fetched "
            + platform.keysetFetches.get()
            + " time(s) by the tool; its services answered "
            + platform.tokenRequests.get()
            + " token request(s), "
            + platform.rosterRequests.get()
            + " roster request(s) and "
            + platform.scorePosts.get()
            + " score post(s); id_token signing "
            + (signers == null ? "inline in each browser thread" : "on a pool of " + signerThreads + " platform threads")
            + ".");
    if (jfrFile != null) {
      String load = waitForQuietMachine();
      Result profiled = run("launch", jfrLevel, 10, measureSeconds, jfrFile);
      System.out.println();
      System.out.println(
          "Profiled pass (JFR on the tool, "
              + jfrLevel
              + " browsers, load before "
              + load
              + ", not part of the table above): "
              + profiled.summary()
              + "; recording "
              + jfrFile);
    }
    if (signers != null) {
      signers.shutdownNow();
    }
    platform.close();
    System.out.println();
    System.out.println("<!-- launches-total " + LAUNCHES.sum() + " -->");
  }

  // --- set-up

  private void register() throws IOException, InterruptedException {
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + adminPassword).getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> created =
        http.send(
            HttpRequest.newBuilder(URI.create(connectBase + "/api/admin/lti/platforms"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(platform.registration()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "registering the bench platform: " + created.statusCode() + " " + created.body());
    }
    log("registered platform " + platform.clientId + " (JWKS at " + platform.base() + "/jwks)");
  }

  /** Every simulated person launches once, one after the other, so no run creates members. */
  private void seed() throws Exception {
    long start = System.nanoTime();
    Browser browser = new Browser(null);
    int failures = 0;
    for (int course = 1; course <= courses; course++) {
      for (int user = 1; user <= usersPerCourse; user++) {
        if (!browser.launch(course, course * 1000 + user)) {
          failures++;
        }
      }
    }
    if (failures > 0) {
      throw new IllegalStateException(
          failures + " seed launches failed: " + browser.sink.errors + "; sample " + browser.sink.lastError);
    }
    log(
        "seeded "
            + courses * usersPerCourse
            + " members in "
            + courses
            + " courses in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
  }

  /** Waits (polling every 30 s) until the 1-minute load average is below the limit. */
  private String waitForQuietMachine() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
    double load = loadAverage();
    double first = load;
    while (load >= maxLoad && System.nanoTime() < deadline) {
      log(String.format(Locale.ROOT, "1-min load %.2f ≥ %.1f: waiting 30 s", load, maxLoad));
      Thread.sleep(30_000);
      load = loadAverage();
    }
    String seen =
        load < maxLoad
            ? String.format(Locale.ROOT, "%.2f", load)
            : String.format(Locale.ROOT, "%.2f (NOT below %.1f after %d s)", load, maxLoad, maxWaitSeconds);
    if (first != load) {
      seen += String.format(Locale.ROOT, " (was %.2f)", first);
    }
    log("1-min load before the run: " + seen);
    return seen;
  }

  private static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  // --- one run: N browsers, warm-up, measured window

  private enum Phase {
    WARMUP,
    MEASURE,
    STOP
  }

  private volatile Phase phase = Phase.WARMUP;

  /** What one browser measured; merged after the run. */
  private static final class Sink {
    long[] total = new long[1024];
    long[] login = new long[1024];
    long[] authorize = new long[1024];
    long[] launch = new long[1024];
    long[] page = new long[1024];
    int n;
    final Map<String, Integer> errors = new TreeMap<>();
    final Map<String, Integer> warmupErrors = new TreeMap<>();
    String lastError;
    long signCpuNanos;

    void add(long total, long login, long authorize, long launch, long page) {
      if (n == this.total.length) {
        this.total = Arrays.copyOf(this.total, n * 2);
        this.login = Arrays.copyOf(this.login, n * 2);
        this.authorize = Arrays.copyOf(this.authorize, n * 2);
        this.launch = Arrays.copyOf(this.launch, n * 2);
        this.page = Arrays.copyOf(this.page, n * 2);
      }
      this.total[n] = total;
      this.login[n] = login;
      this.authorize[n] = authorize;
      this.launch[n] = launch;
      this.page[n] = page;
      n++;
    }
  }

  private static final class Unexpected extends Exception {
    Unexpected(String message) {
      super(message, null, false, false);
    }
  }

  /** One simulated browser: its own cookie jar (one state cookie per launch). */
  private final class Browser {
    final Sink sink = new Sink();
    final Phase[] phaseRef;

    Browser(Phase[] phaseRef) {
      this.phaseRef = phaseRef;
    }

    private boolean measuring() {
      return phaseRef != null && phase == Phase.MEASURE;
    }

    private void error(String what) {
      if (phaseRef == null || phase == Phase.MEASURE) {
        sink.errors.merge(what, 1, Integer::sum);
      } else {
        sink.warmupErrors.merge(what, 1, Integer::sum);
      }
    }

    /** One full launch; true when every step answered as expected. */
    boolean launch(int course, int user) {
      long t0 = System.nanoTime();
      String step = "login";
      try {
        String target = toolBase + "/lti/launch";
        String hint = "{\"cmid\":" + (1000 + course) + ",\"launchid\":\"ltilaunch" + user + "_" + ThreadLocalRandom.current().nextInt(1_000_000) + "\"}";
        URI login =
            URI.create(
                connectBase
                    + "/lti/login?iss="
                    + enc(platform.issuer)
                    + "&target_link_uri="
                    + enc(target)
                    + "&login_hint="
                    + user
                    + "&lti_message_hint="
                    + enc(hint)
                    + "&client_id="
                    + enc(platform.clientId)
                    + "&lti_deployment_id="
                    + platform.deploymentId);
        HttpResponse<Void> r1 =
            http.send(
                HttpRequest.newBuilder(login)
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        expect(r1, 303);
        String location = r1.headers().firstValue("Location").orElseThrow(() -> new Unexpected("login: no Location"));
        String cookie =
            r1.headers().firstValue("Set-Cookie").orElseThrow(() -> new Unexpected("login: no Set-Cookie")).split(";", 2)[0];
        long t1 = System.nanoTime();

        // the platform's authorization endpoint: checks the request, signs the id_token
        step = "authorize";
        if (!location.startsWith(platform.authorizationUrl() + "?")) {
          throw new Unexpected("authorize: redirected elsewhere");
        }
        Map<String, String> query = query(location.substring(location.indexOf('?') + 1));
        if (!target.equals(query.get("redirect_uri")) || !platform.clientId.equals(query.get("client_id"))
            || !String.valueOf(user).equals(query.get("login_hint"))) {
          throw new Unexpected("authorize: wrong redirect_uri, client_id or login_hint");
        }
        String nonce = query.get("nonce");
        String state = query.get("state");
        String idToken;
        if (signers == null) {
          long cpu0 = THREADS.getCurrentThreadCpuTime();
          idToken = platform.sign(platform.launchClaims(toolBase, nonce, course, user));
          long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
          if (measuring()) {
            sink.signCpuNanos += cpu;
          }
        } else {
          boolean measured = measuring();
          idToken =
              signers
                  .submit(
                      () -> {
                        long cpu0 = THREADS.getCurrentThreadCpuTime();
                        String token = platform.sign(platform.launchClaims(toolBase, nonce, course, user));
                        signCpu.add(measured ? THREADS.getCurrentThreadCpuTime() - cpu0 : 0);
                        return token;
                      })
                  .get();
        }
        long t2 = System.nanoTime();

        // the form_post back to the tool
        step = "launch";
        HttpResponse<Void> r2 =
            http.send(
                HttpRequest.newBuilder(URI.create(connectBase + "/lti/launch"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .header("Cookie", cookie)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString("id_token=" + enc(idToken) + "&state=" + enc(state)))
                    .build(),
                HttpResponse.BodyHandlers.discarding());
        expect(r2, 303);
        String landing = r2.headers().firstValue("Location").orElseThrow(() -> new Unexpected("launch: no Location"));
        if (!landing.contains("/activities?launch=")) {
          throw new Unexpected("launch: redirected to " + landing);
        }
        URI page = URI.create(connectBase).resolve(landing);
        long t3 = System.nanoTime();

        // the first page
        step = "page";
        HttpResponse<String> r3 =
            http.send(
                HttpRequest.newBuilder(page)
                    .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(r3, 200);
        if (!r3.body().contains("Welcome, Learner Number " + user)) {
          throw new Unexpected("page: not the member's community space");
        }
        long t4 = System.nanoTime();
        if (measuring()) {
          sink.add(t4 - t0, t1 - t0, t2 - t1, t3 - t2, t4 - t3);
        }
        LAUNCHES.increment();
        return true;
      } catch (Unexpected e) {
        error(e.getMessage());
        sink.lastError = e.getMessage();
      } catch (Exception e) {
        error(step + ": " + e.getClass().getSimpleName());
        sink.lastError = step + ": " + e;
      }
      return false;
    }

    /** One request to the baseline endpoint. */
    boolean baseline() {
      long t0 = System.nanoTime();
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(URI.create(connectBase + baselinePath))
                    .header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        expect(r, 200);
        long t1 = System.nanoTime();
        if (measuring()) {
          sink.add(t1 - t0, 0, 0, 0, 0);
        }
        return true;
      } catch (Unexpected e) {
        error(e.getMessage());
        sink.lastError = e.getMessage();
      } catch (Exception e) {
        error("baseline: " + e.getClass().getSimpleName());
        sink.lastError = "baseline: " + e;
      }
      return false;
    }
  }

  private final LongAdder signCpu = new LongAdder();

  /** Successful launches of the whole run (seed, warm-ups, measured, profiled), for per-launch DB counts. */
  private static final LongAdder LAUNCHES = new LongAdder();

  private static void expect(HttpResponse<?> response, int status) throws Unexpected {
    if (response.statusCode() != status) {
      String path = response.request().uri().getPath();
      throw new Unexpected(path + " answered " + response.statusCode() + " (expected " + status + ")");
    }
  }

  private Result run(String what, int browsers, int warmup, int measure, Path jfr) throws Exception {
    log(what + " with " + browsers + " browsers: " + warmup + " s warm-up, " + measure + " s measured");
    phase = Phase.WARMUP;
    signCpu.reset();
    Phase[] marker = new Phase[0];
    List<Browser> all = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(browsers);
    for (int i = 0; i < browsers; i++) {
      Browser browser = new Browser(marker);
      all.add(browser);
      pool.submit(
          () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (phase != Phase.STOP) {
              if (what.equals("baseline")) {
                browser.baseline();
              } else {
                int course = 1 + random.nextInt(courses);
                browser.launch(course, course * 1000 + 1 + random.nextInt(usersPerCourse));
              }
            }
          });
    }
    Thread.sleep(warmup * 1000L);
    if (jfr != null) {
      jcmd("JFR.start", "name=launchbench", "settings=profile", "filename=" + jfr.toAbsolutePath());
    }
    Cpu before = Cpu.read(toolPid);
    long start = System.nanoTime();
    phase = Phase.MEASURE;
    Thread.sleep(measure * 1000L);
    phase = Phase.STOP;
    long end = System.nanoTime();
    Cpu after = Cpu.read(toolPid);
    if (jfr != null) {
      jcmd("JFR.stop", "name=launchbench");
    }
    pool.shutdown();
    if (!pool.awaitTermination(60, TimeUnit.SECONDS)) {
      log("browsers still busy 60 s after the window; abandoning them");
      pool.shutdownNow();
    }
    Result result = new Result(what, browsers, (end - start) / 1e9, after.minus(before));
    for (Browser browser : all) {
      result.merge(browser.sink);
    }
    result.signCpuNanos += signCpu.sum();
    return result;
  }

  private void jcmd(String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(toolPid)));
    line.addAll(List.of(command));
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    log("jcmd " + String.join(" ", command) + ": " + out.strip().replace('\n', ' '));
  }

  // --- CPU accounting from /proc

  private record Cpu(long machineBusy, long tool, long postgres, long self) {
    static Cpu read(long toolPid) throws IOException {
      String[] stat = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long busy = 0;
      for (int i = 1; i < stat.length; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          if (i <= 8) { // user nice system idle iowait irq softirq steal (guest is in user)
            busy += Long.parseLong(stat[i]);
          }
        }
      }
      long tool = toolPid > 0 ? procTicks(toolPid) : 0;
      long postgres = 0;
      try (var dirs = Files.list(Path.of("/proc"))) {
        for (Path dir : (Iterable<Path>) dirs::iterator) {
          String name = dir.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)) {
            try {
              String s = Files.readString(dir.resolve("stat"));
              // only the backends serving the bench database: others' tests share the server
              if (s.contains("(postgres)")
                  && Files.readString(dir.resolve("cmdline")).contains(" " + database + " ")) {
                postgres += ticksOf(s);
              }
            } catch (IOException gone) {
              // the process ended meanwhile
            }
          }
        }
      }
      return new Cpu(busy, tool, postgres, procTicks(ProcessHandle.current().pid()));
    }

    static long procTicks(long pid) throws IOException {
      return ticksOf(Files.readString(Path.of("/proc/" + pid + "/stat")));
    }

    static long ticksOf(String stat) {
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
    }

    Cpu minus(Cpu other) {
      return new Cpu(
          machineBusy - other.machineBusy, tool - other.tool, postgres - other.postgres, self - other.self);
    }
  }

  // --- results

  private final class Result {
    final String what;
    final int browsers;
    final double seconds;
    final Cpu cpu;
    long[] total = new long[0];
    long[] login = new long[0];
    long[] authorize = new long[0];
    long[] launch = new long[0];
    long[] page = new long[0];
    long[] toolOnly = new long[0];
    final Map<String, Integer> errors = new TreeMap<>();
    final Map<String, Integer> warmupErrors = new TreeMap<>();
    String lastError;
    long signCpuNanos;

    Result(String what, int browsers, double seconds, Cpu cpu) {
      this.what = what;
      this.browsers = browsers;
      this.seconds = seconds;
      this.cpu = cpu;
    }

    void merge(Sink sink) {
      total = concat(total, sink.total, sink.n);
      login = concat(login, sink.login, sink.n);
      authorize = concat(authorize, sink.authorize, sink.n);
      launch = concat(launch, sink.launch, sink.n);
      page = concat(page, sink.page, sink.n);
      long[] tool = new long[sink.n];
      for (int i = 0; i < sink.n; i++) {
        tool[i] = sink.login[i] + sink.launch[i] + sink.page[i];
      }
      toolOnly = concat(toolOnly, tool, sink.n);
      sink.errors.forEach((k, v) -> errors.merge(k, v, Integer::sum));
      sink.warmupErrors.forEach((k, v) -> warmupErrors.merge(k, v, Integer::sum));
      if (sink.lastError != null) {
        lastError = sink.lastError;
      }
      signCpuNanos += sink.signCpuNanos;
    }

    int n() {
      return total.length;
    }

    double perSecond() {
      return n() / seconds;
    }

    int errorCount(Map<String, Integer> map) {
      return map.values().stream().mapToInt(Integer::intValue).sum();
    }

    String errorText() {
      int measured = errorCount(errors);
      int warm = errorCount(warmupErrors);
      String text = measured + " / " + warm;
      if (measured + warm > 0) {
        Map<String, Integer> both = new TreeMap<>(errors);
        warmupErrors.forEach((k, v) -> both.merge(k, v, Integer::sum));
        text += " **" + both + "**";
      }
      return text;
    }

    String row(String load) {
      long[] sorted = sorted(total);
      String label =
          what.equals("baseline")
              ? "baseline: GET " + baselinePath + " (requests/s)"
              : "full launch (launches/s)";
      return String.format(
          Locale.ROOT,
          "| %d | %s | %.1f | %s | %s | %s | %s | %s | %d | %s |",
          browsers,
          label,
          perSecond(),
          ms(pct(sorted, 50)),
          ms(pct(sorted, 90)),
          ms(pct(sorted, 99)),
          ms(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
          errorText(),
          n(),
          load);
    }

    String stepRow() {
      return String.format(
          Locale.ROOT,
          "| %d | %s | %s | %s | %s | %s |",
          browsers,
          pair(login),
          pair(authorize),
          pair(launch),
          pair(page),
          pair(toolOnly));
    }

    String cpuRow() {
      double ticks = CLK_TCK * seconds;
      double others = (cpu.machineBusy - cpu.tool - cpu.postgres - cpu.self) / ticks;
      double perOp = n() == 0 ? Double.NaN : 1000.0 / CLK_TCK / n();
      return String.format(
          Locale.ROOT,
          "| %d | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %s |",
          browsers,
          what,
          cpu.tool / ticks,
          cpu.postgres / ticks,
          cpu.self / ticks,
          others,
          cpu.tool * perOp,
          cpu.postgres * perOp,
          cpu.self * perOp,
          what.equals("baseline") ? "–" : String.format(Locale.ROOT, "%.2f", signCpuNanos / 1e6 / Math.max(1, n())));
    }

    String summary() {
      long[] sorted = sorted(total);
      return String.format(
          Locale.ROOT,
          "%s@%d %.1f/s p50 %s p99 %s ms errors %s%s",
          what,
          browsers,
          perSecond(),
          ms(pct(sorted, 50)),
          ms(pct(sorted, 99)),
          errorText(),
          lastError == null ? "" : " (last: " + lastError + ")");
    }
  }

  private static String pair(long[] values) {
    long[] sorted = sorted(values);
    return ms(pct(sorted, 50)) + " / " + ms(pct(sorted, 99));
  }

  private static long[] sorted(long[] values) {
    long[] copy = values.clone();
    Arrays.sort(copy);
    return copy;
  }

  /** Nearest-rank percentile. */
  private static long pct(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }

  private static long[] concat(long[] a, long[] b, int n) {
    long[] out = Arrays.copyOf(a, a.length + n);
    System.arraycopy(b, 0, out, a.length, n);
    return out;
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new HashMap<>();
    for (String pair : raw.split("&")) {
      String[] parts = pair.split("=", 2);
      query.put(
          URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
          parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
    }
    return query;
  }

  private static void log(String message) {
    System.err.println(java.time.LocalTime.now().withNano(0) + " " + message);
  }
}
