package org.child.bench.lrs;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the tool's CPU went while clients wrote statements, from a JFR recording: the share of
 * execution samples whose stack holds a frame of each kind of work (inclusive, so rows overlap) and
 * the hottest methods (self). Usage: {@code java -cp lrs-bench.jar
 * org.child.bench.lrs.JfrSummary recording.jfr}; prints Markdown.
 */
public final class JfrSummary {

  private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put(
        "storing a batch (StatementStore.store)",
        List.of("org.child.cop.lrs.control.StatementStore.store"));
    KINDS.put(
        "of which activity definitions (ActivityDefinitions.define)",
        List.of("org.child.cop.lrs.control.ActivityDefinitions.define"));
    KINDS.put(
        "of which link rows (StatementStore.link, StatementLinks)",
        List.of(
            "org.child.cop.lrs.control.StatementStore.link",
            "org.child.cop.lrs.control.StatementLinks."));
    KINDS.put(
        "reading the request's statements (StatementJson.read)",
        List.of("org.child.cop.xapi.StatementJson.read"));
    KINDS.put(
        "writing statement JSON (StatementJson.write*)",
        List.of("org.child.cop.xapi.StatementJson.write"));
    KINDS.put("JSON-P (Parsson)", List.of("org.eclipse.parsson."));
    KINDS.put(
        "JSON-P provider lookup (JsonProvider.provider)",
        List.of("jakarta.json.spi.JsonProvider.provider"));
    KINDS.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
    KINDS.put(
        "JTA / connection pool (Payara)",
        List.of(
            "com.sun.enterprise.transaction",
            "com.sun.enterprise.resource",
            "com.sun.gjc.",
            "com.sun.jts",
            "org.glassfish.transaction"));
    KINDS.put("EclipseLink (JPA: credential lookup)", List.of("org.eclipse.persistence."));
    KINDS.put(
        "HTTP and JAX-RS (Grizzly, Jersey)", List.of("org.glassfish.grizzly.", "org.glassfish.jersey."));
    KINDS.put("Weld (CDI proxies, interceptors)", List.of("org.jboss.weld."));
    KINDS.put(
        "logging",
        List.of("java.util.logging.", "com.sun.enterprise.server.logging", "fish.payara.logging"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    KINDS.keySet().forEach(kind -> inclusive.put(kind, 0));
    Map<String, Integer> self = new HashMap<>();
    int samples = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")
          || event.getStackTrace() == null) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = event.getStackTrace().getFrames();
      Set<String> seen = new HashSet<>();
      for (RecordedFrame frame : frames) {
        String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
        for (var kind : KINDS.entrySet()) {
          if (!seen.contains(kind.getKey()) && kind.getValue().stream().anyMatch(name::startsWith)) {
            seen.add(kind.getKey());
            inclusive.merge(kind.getKey(), 1, Integer::sum);
          }
        }
      }
      if (!frames.isEmpty()) {
        RecordedFrame top = frames.get(0);
        self.merge(
            top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
      }
    }
    final int total = Math.max(1, samples);
    System.out.println("| kind of work (" + samples + " execution samples) | share, inclusive |");
    System.out.println("|---|---|");
    inclusive.forEach(
        (kind, n) ->
            System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", kind, 100.0 * n / total));
    System.out.println();
    System.out.println("| hottest methods (self) | share |");
    System.out.println("|---|---|");
    self.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
        .limit(12)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / total));
  }
}
