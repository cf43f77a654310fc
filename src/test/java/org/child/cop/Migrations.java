package org.child.cop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the migration scripts in the source tree say the schema version should be. */
public final class Migrations {

  private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__.*\\.sql");

  private Migrations() {}

  public static String latestVersion() {
    // common, and the scripts for one database only (postgresql, h2), which exist for both
    try (Stream<Path> scripts = Files.walk(Path.of("src/main/resources/db/migration"), 2)) {
      return String.valueOf(
          scripts
              .map(script -> VERSIONED.matcher(script.getFileName().toString()))
              .filter(Matcher::matches)
              .mapToInt(version -> Integer.parseInt(version.group(1)))
              .max()
              .orElseThrow());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
