package org.child.cop.statements;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The canonical statement of each template, {@code statements/golden/<template>.json}; the emission
 * code is held to the same shapes.
 */
final class GoldenStatements {

  static final Path FOLDER = Path.of("src", "test", "resources", "statements", "golden");

  private GoldenStatements() {}

  static String of(String templateShortName) {
    try {
      return Files.readString(FOLDER.resolve(templateShortName + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> names() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - ".json".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
