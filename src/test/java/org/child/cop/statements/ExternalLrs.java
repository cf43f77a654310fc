package org.child.cop.statements;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * An independent LRS (npm {@code xapi-statements}, in memory, on 127.0.0.1) that a test starts and
 * stops itself through {@code .ci/external-lrs}, on a port of its own, to see the relay through an
 * outage. Its statements are kept in memory: a restart forgets them.
 */
final class ExternalLrs implements AutoCloseable {

  private final int port;

  private ExternalLrs(int port) {
    this.port = port;
  }

  static ExternalLrs on(int port) {
    return new ExternalLrs(port);
  }

  /** Whether this machine can run it (CI installs node and npm). */
  static boolean runnable() {
    try {
      return new ProcessBuilder("node", "--version").start().waitFor(10, TimeUnit.SECONDS);
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + port + "/xAPI");
  }

  ExternalLrs start() throws IOException, InterruptedException {
    run("start");
    return this;
  }

  void stop() throws IOException, InterruptedException {
    run("stop");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    stop();
  }

  private void run(String command) throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of(".ci/external-lrs").toString(), command)
            .redirectErrorStream(true);
    builder.environment().put("EXTERNAL_LRS_PORT", String.valueOf(port));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException(".ci/external-lrs " + command + " failed:\n" + output);
    }
  }
}
