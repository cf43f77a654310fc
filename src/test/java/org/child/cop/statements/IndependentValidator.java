package org.child.cop.statements;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Learning Locker's xAPI validator (npm {@code @learninglocker/xapi-validation}) through {@code
 * .ci/xapi-validation}: a second opinion on the statements the tool emits, written by others.
 */
final class IndependentValidator {

  private IndependentValidator() {}

  /** One line per problem, {@code [index] path: warning}; empty when all are valid. */
  static List<String> problems(List<String> statements) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("bash", ".ci/xapi-validation").redirectErrorStream(true).start();
    try (var input = process.getOutputStream()) {
      input.write(("[" + String.join(",", statements) + "]").getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(180, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("the xAPI validator did not finish");
    }
    if (process.exitValue() > 1) {
      throw new IllegalStateException("the xAPI validator could not run:\n" + output);
    }
    return output.lines().filter(line -> !line.isBlank()).toList();
  }
}
