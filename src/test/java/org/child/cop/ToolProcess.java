package org.child.cop;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One run of {@code java -jar child-cop-microbundle.jar} in a working directory, as an operator
 * starts it: for tests of the uber jar itself and of several instances sharing a database.
 */
public final class ToolProcess implements AutoCloseable {

  static final Duration BOOT_LIMIT = Duration.ofSeconds(180);

  private final Process process;
  private final Path log;
  private final int port;

  private ToolProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  public static ToolProcess start(Path workDir, int port, Map<String, String> settings)
      throws IOException {
    String jar = System.getProperty("child.uberJar", "target/child-cop-microbundle.jar");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m"));
    command.add("-Dhttp.port=" + port);
    command.addAll(List.of("-jar", Path.of(jar).toAbsolutePath().toString()));
    Path log = Files.createTempFile(workDir, "tool-", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(workDir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    // the defaults under test, not whatever database or password the test run was given
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("DB_") || name.startsWith("ADMIN_") || name.startsWith("TOOL_"));
    builder.environment().putAll(settings);
    return new ToolProcess(builder.start(), log, port);
  }

  public URI at(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public String output() throws IOException {
    return Files.readString(log);
  }

  public void awaitReady() throws Exception {
    await(response -> response.statusCode() == 200);
  }

  public HttpResponse<String> await(Predicate<HttpResponse<String>> condition) throws Exception {
    Instant limit = Instant.now().plus(BOOT_LIMIT);
    while (Instant.now().isBefore(limit)) {
      if (!process.isAlive()) {
        throw new AssertionError("the tool stopped:\n" + output());
      }
      try {
        HttpResponse<String> response = Http.get(at("/health/ready"));
        if (condition.test(response)) {
          return response;
        }
      } catch (java.io.UncheckedIOException notListeningYet) {
        // still booting
      }
      Thread.sleep(250);
    }
    throw new AssertionError("no such health answer within " + BOOT_LIMIT + ":\n" + output());
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
