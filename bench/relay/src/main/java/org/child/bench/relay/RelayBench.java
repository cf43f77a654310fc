package org.child.bench.relay;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.XapiClient;
import org.child.cop.xapi.XapiVersion;

/**
 * One phase of bench/relay.sh per call, each writing its figures to a properties file; {@code
 * report} turns them into Markdown. The script restarts the LRS between phases (its in-memory store
 * gets slower as it fills, so every phase starts from an empty one and stores the same number of
 * statements), and restarts the tool when the relay interval changes.
 *
 * <ul>
 *   <li>{@code baseline}: a plain client (the tool's own {@link XapiClient}, as the relay
 *       configures it) posts prepared statements in batches back to back from {@code --threads}
 *       threads, after a warm-up of the same kind.
 *   <li>{@code backlog}: statements are written to the outbox while the destination is held, then
 *       released; the relay drains them. The warm-up goes the same way.
 *   <li>{@code steady}: one statement per transaction at a fixed rate; per statement the delay from
 *       its transaction to the relay marking it delivered.
 *   <li>{@code report}: Markdown from the properties files of a run.
 * </ul>
 *
 * <p>Progress goes to stderr.
 */
public final class RelayBench {

  private final Map<String, String> options = new HashMap<>();

  public static void main(String[] args) throws Exception {
    RelayBench bench = new RelayBench();
    for (int i = 1; i < args.length; i += 2) {
      bench.options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    switch (args[0]) {
      case "baseline" -> bench.baseline();
      case "backlog" -> bench.backlog();
      case "steady" -> bench.steady();
      case "report" -> Report.print(Path.of(bench.option("dir")));
      default -> throw new IllegalArgumentException("unknown phase " + args[0]);
    }
  }

  // --- baseline: the same LRS from a plain batched client

  private void baseline() throws Exception {
    int threads = intOption("threads");
    int batch = intOption("batch");
    // timeouts and credentials as LearningRecordStores builds the relay's client
    XapiClient client =
        XapiClient.to(URI.create(option("endpoint")))
            .version(XapiVersion.of(option("version")))
            .basicAuth(option("lrs-user"), option("lrs-password"))
            .connectTimeout(Duration.ofSeconds(5))
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    // a plain client has its statements as objects already: made before the clock starts
    List<List<Statement>> warmup = batches(BenchStatements.make(intOption("warmup")), batch);
    List<List<Statement>> measured = batches(BenchStatements.make(intOption("count")), batch);
    post(client, warmup, threads);
    log("baseline warm-up done; measuring " + threads + " thread(s)");
    Cpu before = cpu();
    long start = System.nanoTime();
    long[] latencies = post(client, measured, threads);
    long end = System.nanoTime();
    Cpu cpu = cpu().minus(before);
    Properties result = common("baseline", (end - start) / 1e9, cpu);
    result.setProperty("threads", String.valueOf(threads));
    Arrays.sort(latencies);
    result.setProperty("batch.p50", ms(percentile(latencies, 50) / 1e6));
    result.setProperty("batch.p95", ms(percentile(latencies, 95) / 1e6));
    save(result);
  }

  /** Posts the batches from {@code threads} threads; returns each POST's nanoseconds. */
  private static long[] post(XapiClient client, List<List<Statement>> batches, int threads)
      throws InterruptedException {
    long[] latencies = new long[batches.size()];
    AtomicInteger next = new AtomicInteger();
    List<Thread> posters = new ArrayList<>();
    List<RuntimeException> failures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread poster =
          new Thread(
              () -> {
                try {
                  for (int b = next.getAndIncrement();
                      b < batches.size();
                      b = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    client.post(batches.get(b));
                    latencies[b] = System.nanoTime() - t0;
                  }
                } catch (RuntimeException e) {
                  synchronized (failures) {
                    failures.add(e);
                  }
                }
              });
      posters.add(poster);
      poster.start();
    }
    for (Thread poster : posters) {
      poster.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    return latencies;
  }

  private static <T> List<List<T>> batches(List<T> all, int size) {
    List<List<T>> batches = new ArrayList<>();
    for (int i = 0; i < all.size(); i += size) {
      batches.add(all.subList(i, Math.min(all.size(), i + size)));
    }
    return batches;
  }

  // --- backlog: the relay drains what the outbox holds

  private void backlog() throws Exception {
    try (Outbox outbox = outbox()) {
      int perTransaction = intOption("per-transaction");
      drain(outbox, BenchStatements.make(intOption("warmup")), perTransaction);
      log("relay warm-up drained; writing the backlog");
      outbox.pause();
      long t0 = System.nanoTime();
      Outbox.Range range = outbox.write(BenchStatements.make(intOption("count")), perTransaction);
      double writeSeconds = (System.nanoTime() - t0) / 1e9;
      log(
          String.format(
              Locale.ROOT,
              "backlog of %d written in %.1f s; released",
              range.size(),
              writeSeconds));
      Cpu before = cpu();
      double released = outbox.resume();
      double settled = outbox.awaitSettled(range, Duration.ofMinutes(10));
      Cpu cpu = cpu().minus(before);
      List<double[]> batches = outbox.batches(range);
      double firstBatch = batches.get(0)[0];
      // from the first batch's answer to seeing the last one committed: what came after it, so the
      // first batch's statements are not counted
      long measured = range.size() - Math.round(batches.get(0)[1]);
      Properties result = common("relay", settled - firstBatch, cpu);
      result.setProperty("count", String.valueOf(measured));
      result.setProperty("backlog", String.valueOf(range.size()));
      result.setProperty("statuses", outbox.statuses(range));
      result.setProperty("write.seconds", String.format(Locale.ROOT, "%.2f", writeSeconds));
      result.setProperty("first-batch.after", ms((firstBatch - released) * 1000));
      result.setProperty(
          "from-release.seconds", String.format(Locale.ROOT, "%.3f", settled - released));
      long[] cycles = new long[batches.size() - 1];
      for (int i = 1; i < batches.size(); i++) {
        cycles[i - 1] = Math.round((batches.get(i)[0] - batches.get(i - 1)[0]) * 1e6);
      }
      Arrays.sort(cycles);
      result.setProperty("batches", String.valueOf(batches.size()));
      result.setProperty("batch.p50", ms(percentile(cycles, 50) / 1e3));
      result.setProperty("batch.p95", ms(percentile(cycles, 95) / 1e3));
      result.setProperty("batch.max", ms(cycles.length == 0 ? 0 : cycles[cycles.length - 1] / 1e3));
      save(result);
    }
  }

  /** Writes the statements with the destination held, releases it, waits until all are sent. */
  private static Outbox.Range drain(Outbox outbox, List<Statement> statements, int perTransaction)
      throws Exception {
    outbox.pause();
    Outbox.Range range = outbox.write(statements, perTransaction);
    outbox.resume();
    outbox.awaitSettled(range, Duration.ofMinutes(10));
    return range;
  }

  // --- steady: end-to-end delay at a moderate rate

  private void steady() throws Exception {
    double rate = Double.parseDouble(option("rate"));
    long period = Math.round(1e9 / rate);
    try (Outbox outbox = outbox()) {
      outbox.noteAcknowledgements();
      drain(outbox, BenchStatements.make(intOption("warmup")), 500);
      int warmupSeconds = intOption("warmup-seconds");
      int seconds = intOption("seconds");
      log(
          "relay warm-up drained; "
              + warmupSeconds
              + " s steady warm-up, then "
              + seconds
              + " s measured");
      long start = System.nanoTime();
      int warmupCount = (int) Math.round(warmupSeconds * rate);
      int total = warmupCount + (int) Math.round(seconds * rate);
      long first = -1;
      long last = -1;
      long late = 0;
      Cpu before = null;
      for (int i = 0; i < total; i++) {
        // open loop: each statement has its moment; a slow write is caught up, not skipped
        long due = start + i * period;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        } else if (wait < -period) {
          late++;
        }
        if (i == warmupCount) {
          before = cpu();
        }
        long seq = outbox.writeOne(BenchStatements.one(i));
        if (i >= warmupCount) {
          first = first < 0 ? seq : first;
          last = seq;
        }
      }
      double writing = (System.nanoTime() - start) / 1e9 - warmupSeconds;
      Outbox.Range range = new Outbox.Range(first, last);
      outbox.awaitSettled(range, Duration.ofMinutes(2));
      Cpu cpu = cpu().minus(before);
      Properties result = common("delay", writing, cpu);
      result.setProperty("count", String.valueOf(range.size()));
      result.setProperty("rate", option("rate"));
      result.setProperty("late", String.valueOf(late));
      result.setProperty("statuses", outbox.statuses(range));
      List<double[]> delays = outbox.delays(range);
      for (int column = 0; column < 2; column++) {
        long[] micros = new long[delays.size()];
        for (int i = 0; i < micros.length; i++) {
          micros[i] = Math.round(delays.get(i)[column] * 1000);
        }
        Arrays.sort(micros);
        String key = column == 0 ? "recorded" : "acknowledged";
        for (int p : new int[] {50, 95, 99, 100}) {
          result.setProperty(key + ".p" + p, ms(percentile(micros, p) / 1e3));
        }
      }
      save(result);
    }
  }

  // --- shared

  private Outbox outbox() throws Exception {
    return new Outbox(
        option("db"), option("db-user"), option("db-password"), option("destination"));
  }

  private Cpu cpu() throws IOException {
    return Cpu.read(longOption("tool-pid"), longOption("lrs-pid"), option("db-name"));
  }

  /** What every result has: what ran, how many, how long, the CPU, the load before. */
  private Properties common(String kind, double seconds, Cpu cpu) {
    Properties result = new Properties();
    result.setProperty("kind", kind);
    result.setProperty("label", option("label"));
    result.setProperty("round", options.getOrDefault("round", "-"));
    result.setProperty("count", options.getOrDefault("count", "0"));
    result.setProperty("interval", options.getOrDefault("interval", "-"));
    result.setProperty("seconds", String.format(Locale.ROOT, "%.3f", seconds));
    result.setProperty("load", option("load"));
    result.setProperty("cpu.machine", String.valueOf(cpu.machineBusy()));
    result.setProperty("cpu.tool", String.valueOf(cpu.tool()));
    result.setProperty("cpu.lrs", String.valueOf(cpu.lrs()));
    result.setProperty("cpu.postgres", String.valueOf(cpu.postgres()));
    result.setProperty("cpu.generator", String.valueOf(cpu.self()));
    result.setProperty("cpu.others", String.valueOf(cpu.others()));
    return result;
  }

  private void save(Properties result) throws IOException {
    try (Writer out = Files.newBufferedWriter(Path.of(option("out")))) {
      result.store(out, null);
    }
    log(option("label") + ": " + result);
  }

  static Properties load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      properties.load(in);
    }
    return properties;
  }

  static List<Path> results(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
    }
  }

  /** Nearest rank on a sorted array; 100 is the maximum. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  private static String ms(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  private String option(String name) {
    String value = options.get(name);
    if (value == null) {
      throw new IllegalArgumentException("--" + name + " is required");
    }
    return value;
  }

  private int intOption(String name) {
    return Integer.parseInt(option(name));
  }

  private long longOption(String name) {
    return Long.parseLong(option(name));
  }

  static void log(String message) {
    System.err.println(java.time.LocalTime.now().withNano(0) + " " + message);
  }
}
