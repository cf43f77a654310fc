package org.child.bench.relay;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the tool's CPU went while the relay drained a backlog, from a JFR recording: the share of
 * execution samples whose stack holds a frame of each kind of work (inclusive, so rows overlap),
 * the tool's frames nearest the top, and the hottest methods. Usage: {@code java -cp
 * relay-bench.jar org.child.bench.relay.JfrSummary recording.jfr}.
 */
public final class JfrSummary {

  /** Kinds of work, by a prefix of a frame's class and method name. */
  private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(
        "relay: one batch (DestinationRelay.relayBatch)",
        List.of("org.child.cop.statements.control.DestinationRelay.relayBatch"));
    KINDS.put(
        "reading the outbox JSON back (StatementJson.read)",
        List.of("org.child.cop.xapi.StatementJson.read"));
    KINDS.put(
        "writing the batch's JSON (StatementJson.write*)",
        List.of("org.child.cop.xapi.StatementJson.write"));
    KINDS.put(
        "HTTP client (java.net.http, jdk.internal.net.http)",
        List.of("java.net.http.", "jdk.internal.net.http."));
    KINDS.put("JSON-P (Parsson)", List.of("org.eclipse.parsson."));
    KINDS.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
    KINDS.put("EclipseLink (JPA)", List.of("org.eclipse.persistence."));
    KINDS.put(
        "JTA / connection pool (Payara)",
        List.of(
            "com.sun.enterprise.transaction",
            "com.sun.enterprise.resource",
            "com.sun.gjc.",
            "fish.payara.jdbc",
            "com.sun.jts",
            "org.glassfish.transaction"));
    KINDS.put("Weld (CDI proxies, interceptors)", List.of("org.jboss.weld."));
    KINDS.put("EJB timer and container", List.of("com.sun.ejb.", "org.glassfish.ejb."));
    KINDS.put(
        "logging",
        List.of("java.util.logging.", "com.sun.enterprise.server.logging", "fish.payara.logging"));
    KINDS.put("tool code (org.child.cop)", List.of("org.child.cop."));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    KINDS.keySet().forEach(kind -> inclusive.put(kind, 0));
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> nearestTool = new HashMap<>();
    int samples = 0;
    int gcs = 0;
    long gcPauseNanos = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gcs++;
        gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
        continue;
      }
      if (!type.equals("jdk.ExecutionSample")
          || event.getStackTrace() == null
          || event.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      self.merge(name(frames.get(0)), 1, Integer::sum);
      for (var kind : KINDS.entrySet()) {
        if (frames.stream()
            .map(JfrSummary::name)
            .anyMatch(n -> startsWithAny(n, kind.getValue()))) {
          inclusive.merge(kind.getKey(), 1, Integer::sum);
        }
      }
      frames.stream()
          .map(JfrSummary::name)
          .filter(n -> n.startsWith("org.child.cop.") && !n.contains("$Proxy") && !n.contains("$$"))
          .findFirst()
          .ifPresent(n -> nearestTool.merge(n, 1, Integer::sum));
    }
    System.out.printf(
        Locale.ROOT,
        "%d execution samples of the tool; %d collections, %.0f ms paused%n%n",
        samples,
        gcs,
        gcPauseNanos / 1e6);
    System.out.println(
        "| kind of work (inclusive: the stack holds a frame of it) | share of samples |");
    System.out.println("|---|---|");
    for (var e : inclusive.entrySet()) {
      System.out.printf(Locale.ROOT, "| %s | %s |%n", e.getKey(), share(e.getValue(), samples));
    }
    table("nearest tool frame", nearestTool, samples, 12);
    table("hottest methods (self)", self, samples, 15);
  }

  private static void table(String title, Map<String, Integer> counts, int samples, int rows) {
    System.out.println();
    System.out.println("| " + title + " | share of samples |");
    System.out.println("|---|---|");
    List<Map.Entry<String, Integer>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (var e : sorted.subList(0, Math.min(rows, sorted.size()))) {
      System.out.printf(Locale.ROOT, "| `%s` | %s |%n", e.getKey(), share(e.getValue(), samples));
    }
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    return prefixes.stream().anyMatch(name::startsWith);
  }

  private static String share(int count, int samples) {
    return String.format(Locale.ROOT, "%.1f %%", 100.0 * count / Math.max(1, samples));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
