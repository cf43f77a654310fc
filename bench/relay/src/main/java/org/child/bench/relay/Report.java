package org.child.bench.relay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The Markdown tables of one run, from the properties files its phases wrote. */
final class Report {

  private Report() {}

  static void print(Path dir) throws IOException {
    List<Properties> results = new ArrayList<>();
    for (Path file : RelayBench.results(dir)) {
      results.add(RelayBench.load(file));
    }
    List<Properties> throughput =
        results.stream().filter(r -> !r.getProperty("kind").equals("delay")).toList();
    List<Properties> delays =
        results.stream().filter(r -> r.getProperty("kind").equals("delay")).toList();
    if (!throughput.isEmpty()) {
      throughput(throughput);
    }
    if (!delays.isEmpty()) {
      System.out.println();
      delays(delays);
    }
  }

  private static void throughput(List<Properties> results) {
    System.out.println(
        "| round | what | statements | seconds | statements/s | ÷ 1-thread baseline of the round"
            + " | per batch p50 / p95 / max ms | 1-min load before |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    List<Double> baselines = new ArrayList<>();
    List<Double> relays = new ArrayList<>();
    for (Properties r : results) {
      String ratio = "";
      if (r.getProperty("kind").equals("relay")) {
        relays.add(rate(r));
        Properties baseline = baselineOf(results, r.getProperty("round"));
        ratio = baseline == null ? "–" : percent(rate(r) / rate(baseline));
      } else if (r.getProperty("threads").equals("1")) {
        baselines.add(rate(r));
      }
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s | %s | %s | %s / %s / %s | %s |%n",
          r.getProperty("round"),
          what(r),
          r.getProperty("count"),
          r.getProperty("seconds"),
          bold(r, String.format(Locale.ROOT, "%.0f", rate(r))),
          bold(r, ratio),
          r.getProperty("batch.p50"),
          r.getProperty("batch.p95"),
          r.getProperty("batch.max", "–"),
          r.getProperty("load"));
    }
    if (!relays.isEmpty() && !baselines.isEmpty()) {
      double ratio = median(relays) / median(baselines);
      System.out.printf(
          Locale.ROOT,
          "%n**Relay ÷ plain batched client (1 thread), medians over the rounds: %.0f / %.0f ="
              + " %s** (target ≥ 90 %%: %s).%n",
          median(relays),
          median(baselines),
          percent(ratio),
          ratio >= 0.9 ? "met" : "**missed**");
    }
    System.out.println();
    System.out.println("Relay runs in detail:");
    System.out.println();
    System.out.println(
        "| round | release → first batch ms | statements/s counted from the release |"
            + " batches | backlog written in s | statuses after |");
    System.out.println("|---|---|---|---|---|---|");
    for (Properties r : results) {
      if (r.getProperty("kind").equals("relay")) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %.0f | %s | %s | %s |%n",
            r.getProperty("round"),
            r.getProperty("first-batch.after"),
            Long.parseLong(r.getProperty("backlog"))
                / Double.parseDouble(r.getProperty("from-release.seconds")),
            r.getProperty("batches"),
            r.getProperty("write.seconds"),
            r.getProperty("statuses"));
      }
    }
    System.out.println();
    System.out.println(
        "Where the CPU went during each measured window (cores = CPU seconds per second):");
    System.out.println();
    cpuHeader();
    for (Properties r : results) {
      cpuRow(r.getProperty("round") + " | " + what(r), r);
    }
  }

  private static void delays(List<Properties> results) {
    System.out.println(
        "| rate /s | relay interval | statements | delivered_at − created_at p50 / p95 / p99 / max"
            + " ms | LRS answered − created_at p50 / p95 / p99 / max ms | statuses after | writes >"
            + " 1 period late | 1-min load before |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Properties r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %s | %s / %s / %s / %s | **%s / %s** / %s / %s | %s | %s | %s |%n",
          r.getProperty("rate"),
          r.getProperty("interval"),
          r.getProperty("count"),
          r.getProperty("recorded.p50"),
          r.getProperty("recorded.p95"),
          r.getProperty("recorded.p99"),
          r.getProperty("recorded.p100"),
          r.getProperty("acknowledged.p50"),
          r.getProperty("acknowledged.p95"),
          r.getProperty("acknowledged.p99"),
          r.getProperty("acknowledged.p100"),
          r.getProperty("statuses"),
          r.getProperty("late"),
          r.getProperty("load"));
    }
    System.out.println();
    cpuHeader();
    for (Properties r : results) {
      cpuRow("– | delay at " + r.getProperty("rate") + "/s, " + r.getProperty("interval"), r);
    }
  }

  private static void cpuHeader() {
    System.out.println(
        "| round | what | LRS process (cores) | tool (cores) | PostgreSQL, bench database backends"
            + " (cores) | generator (cores) | everything else (cores) | µs CPU per statement:"
            + " LRS / tool / PostgreSQL |");
    System.out.println("|---|---|---|---|---|---|---|---|");
  }

  private static void cpuRow(String first, Properties r) {
    double seconds = Double.parseDouble(r.getProperty("seconds"));
    double perStatement = 1e6 / Cpu.TICKS_PER_SECOND / count(r);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f / %.0f / %.0f |%n",
        first,
        cores(r, "lrs", seconds),
        cores(r, "tool", seconds),
        cores(r, "postgres", seconds),
        cores(r, "generator", seconds),
        cores(r, "others", seconds),
        ticks(r, "lrs") * perStatement,
        ticks(r, "tool") * perStatement,
        ticks(r, "postgres") * perStatement);
  }

  private static Properties baselineOf(List<Properties> results, String round) {
    return results.stream()
        .filter(r -> r.getProperty("kind").equals("baseline"))
        .filter(r -> r.getProperty("threads").equals("1"))
        .filter(r -> r.getProperty("round").equals(round))
        .findFirst()
        .orElse(null);
  }

  private static String what(Properties r) {
    return switch (r.getProperty("kind")) {
      case "baseline" ->
          "baseline: plain client, "
              + r.getProperty("threads")
              + (r.getProperty("threads").equals("1") ? " thread" : " threads")
              + " (per batch: one POST)";
      case "relay" ->
          "relay, interval "
              + r.getProperty("interval")
              + " (per batch: one batch's answer to the next; the first batch not counted)";
      default -> r.getProperty("kind");
    };
  }

  private static String bold(Properties r, String text) {
    return r.getProperty("kind").equals("relay") && !text.isEmpty() ? "**" + text + "**" : text;
  }

  private static double rate(Properties r) {
    return count(r) / Double.parseDouble(r.getProperty("seconds"));
  }

  private static long count(Properties r) {
    return Long.parseLong(r.getProperty("count"));
  }

  private static long ticks(Properties r, String who) {
    return Long.parseLong(r.getProperty("cpu." + who));
  }

  private static double cores(Properties r, String who, double seconds) {
    return ticks(r, who) / Cpu.TICKS_PER_SECOND / seconds;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String percent(double ratio) {
    return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
  }
}
