package org.child.bench.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the tool's CPU went in a JFR recording: of all execution samples (Java code on CPU), the
 * share whose stack holds a frame of each kind of work (inclusive, so rows overlap), and the
 * hottest methods by self samples. Usage: {@code java -cp launch-bench.jar
 * org.child.bench.launch.JfrSummary recording.jfr}.
 */
public final class JfrSummary {

  /** Kinds of work, by a prefix of a frame's class name (first matching frame from the top). */
  private static final Map<String, List<String>> KINDS = new LinkedHashMap<>();

  static {
    KINDS.put("RSA / big-integer arithmetic (sign and verify)", List.of("sun.security.rsa.", "java.math.BigInteger", "java.math.MutableBigInteger", "sun.security.util.math"));
    KINDS.put("nimbus JOSE/JWT (parse, sign, verify, JSON)", List.of("com.nimbusds."));
    KINDS.put("tool JWK parse (ToolKey.publicKey / signingKey)", List.of("org.child.cop.lti.entity.ToolKey.parse"));
    KINDS.put("PostgreSQL JDBC driver", List.of("org.postgresql."));
    KINDS.put("EclipseLink (JPA)", List.of("org.eclipse.persistence."));
    KINDS.put("JTA / connection pool (Payara)", List.of("com.sun.enterprise.transaction", "com.sun.enterprise.resource", "com.sun.gjc.", "fish.payara.jdbc", "com.sun.jts", "org.glassfish.transaction"));
    KINDS.put("logging (java.util.logging, Payara log handler)", List.of("java.util.logging.", "com.sun.enterprise.server.logging", "fish.payara.logging", "fish.payara.enterprise.server.logging"));
    KINDS.put("JSON-B / Yasson (launch session JSON)", List.of("org.eclipse.yasson.", "jakarta.json.bind"));
    KINDS.put("Jersey (JAX-RS)", List.of("org.glassfish.jersey."));
    KINDS.put("Weld (CDI proxies, events, interceptors)", List.of("org.jboss.weld."));
    KINDS.put("Grizzly HTTP / servlet container", List.of("org.glassfish.grizzly.", "org.apache.catalina.", "com.sun.enterprise.web", "org.glassfish.web."));
    KINDS.put("SecureRandom (state, nonce, ids)", List.of("sun.security.provider.SecureRandom", "sun.security.provider.NativePRNG", "java.security.SecureRandom"));
    KINDS.put("tool code (org.child.cop)", List.of("org.child.cop."));
  }

  public static void main(String[] args) throws Exception {
    Map<String, Integer> inclusive = new LinkedHashMap<>();
    KINDS.keySet().forEach(k -> inclusive.put(k, 0));
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> gc = new HashMap<>();
    int samples = 0;
    long gcPauseNanos = 0;
    int gcs = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gcs++;
        gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
        gc.merge(event.getString("name"), 1, Integer::sum);
        continue;
      }
      if (!type.equals("jdk.ExecutionSample")) {
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      samples++;
      List<RecordedFrame> frames = stack.getFrames();
      RecordedFrame top = frames.get(0);
      self.merge(name(top), 1, Integer::sum);
      for (var kind : KINDS.entrySet()) {
        boolean hit = false;
        for (RecordedFrame frame : frames) {
          String n = name(frame);
          if (kind.getValue().stream().anyMatch(n::startsWith)) {
            hit = true;
            break;
          }
        }
        if (hit) {
          inclusive.merge(kind.getKey(), 1, Integer::sum);
        }
      }
    }
    System.out.printf(Locale.ROOT, "%d execution samples; %d collections (%s), %.0f ms paused%n%n", samples, gcs, gc, gcPauseNanos / 1e6);
    System.out.println("| kind of work (inclusive: stack holds a frame of it) | share of samples |");
    System.out.println("|---|---|");
    for (var e : inclusive.entrySet()) {
      System.out.printf(Locale.ROOT, "| %s | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, samples));
    }
    System.out.println();
    System.out.println("| hottest methods (self) | share |");
    System.out.println("|---|---|");
    List<Map.Entry<String, Integer>> top = new ArrayList<>(self.entrySet());
    top.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    for (var e : top.subList(0, Math.min(20, top.size()))) {
      System.out.printf(Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, samples));
    }
    if (args.length > 1) {
      // the tool's own frames nearest the top: which of its methods the time is spent under
      Map<String, Integer> toolFrames = new HashMap<>();
      for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
          continue;
        }
        for (RecordedFrame frame : event.getStackTrace().getFrames()) {
          String n = name(frame);
          if (n.startsWith(args[1]) && !n.contains("$Proxy") && !n.contains("$$")) {
            toolFrames.merge(n, 1, Integer::sum);
            break;
          }
        }
      }
      System.out.println();
      System.out.println("| nearest " + args[1] + " frame | share |");
      System.out.println("|---|---|");
      List<Map.Entry<String, Integer>> tf = new ArrayList<>(toolFrames.entrySet());
      tf.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
      for (var e : tf.subList(0, Math.min(15, tf.size()))) {
        System.out.printf(Locale.ROOT, "| `%s` | %.1f %% |%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, samples));
      }
    }
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
