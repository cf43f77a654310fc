package org.child.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps the settings the code reads, their defaults, the README's configuration table, the Payara
 * start-up file and docker/ in step, and docker/ free of committed secrets.
 */
class ConfigurationIsDocumentedTest {

  private static final Pattern README_ROW =
      Pattern.compile("^\\| `([a-z][a-z.-]*)` \\| `([A-Z_]+)` \\|", Pattern.MULTILINE);
  private static final Pattern READ_IN_CODE =
      Pattern.compile(
          "@ConfigProperty\\(\\s*name = \"([^\"]+)\"|MPCONFIG=([a-z.-]+)|get(?:Optional)?Value\\(\"([^\"]+)\"");
  private static final Pattern READ_BY_PAYARA = Pattern.compile("\\$\\{([a-z.-]+)}");

  /** README setting → its environment variable. */
  private static Map<String, String> documented;

  @BeforeAll
  static void readTheReadme() throws IOException {
    documented = new TreeMap<>();
    Matcher row = README_ROW.matcher(Files.readString(Path.of("README.md")));
    while (row.find()) {
      documented.put(row.group(1), row.group(2));
    }
  }

  @Test
  void theReadmeTableIsFound() {
    assertThat(documented).containsKeys("db.url", "tool.base-url", "admin.password");
  }

  @Test
  void everySettingTheCodeReadsIsDocumented() throws IOException {
    assertThat(documented.keySet()).containsAll(readInCode());
  }

  @Test
  void everyDefaultIsDocumented() throws IOException {
    assertThat(documented.keySet()).containsAll(defaults().stringPropertyNames());
  }

  @Test
  void everyDocumentedSettingIsReadBySomething() throws IOException {
    Set<String> read = readInCode();
    read.addAll(readByPayara());
    assertThat(read).containsAll(documented.keySet());
  }

  @Test
  void eachEnvironmentVariableIsTheMicroProfileSpellingOfItsSetting() {
    documented.forEach(
        (setting, variable) ->
            assertThat(variable)
                .as(setting)
                .isEqualTo(setting.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT)));
  }

  @Test
  void composePassesOnlyDocumentedSettingsToTheTool() throws IOException {
    Map<String, Object> tool = service("tool");
    @SuppressWarnings("unchecked")
    Map<String, Object> environment = (Map<String, Object>) tool.get("environment");

    assertThat(documented.values()).containsAll(environment.keySet());
    assertThat(environment)
        .containsKeys("DB_URL", "DB_CLASS", "DB_USER", "DB_PASSWORD", "ADMIN_PASSWORD");
  }

  @Test
  void composeCommitsNoSecretAndPublishesOnLoopbackOnly() throws IOException {
    for (String name : new String[] {"tool", "postgres", "keycloak"}) {
      Map<String, Object> service = service(name);
      @SuppressWarnings("unchecked")
      Map<String, Object> environment = (Map<String, Object>) service.get("environment");
      environment.forEach(
          (variable, value) -> {
            if (variable.contains("PASSWORD") || variable.contains("SECRET")) {
              assertThat(String.valueOf(value))
                  .as(name + " " + variable)
                  .startsWith("${")
                  .contains(":?");
            }
          });
      Object ports = service.get("ports");
      if (ports != null) {
        assertThat((Iterable<?>) ports)
            .as(name + " ports")
            .allSatisfy(port -> assertThat(String.valueOf(port)).startsWith("127.0.0.1:"));
      }
    }
  }

  @Test
  void theImageRunsTheBuiltJarAsAnUnprivilegedUserWithAHealthCheck() throws IOException {
    String dockerfile = Files.readString(Path.of("docker/Dockerfile"));

    assertThat(dockerfile)
        .contains("COPY target/child-cop-microbundle.jar ")
        .containsPattern("(?m)^USER childcop$")
        .containsPattern("(?m)^HEALTHCHECK .*")
        .contains("/health/ready", "-Dhttp.address=", "-Dhttp.port=");
    // what mvn package builds: finalName plus the uber-jar classifier
    assertThat(Files.readString(Path.of("pom.xml")))
        .contains(
            "<finalName>child-cop</finalName>",
            "<uberJarClassifier>microbundle</uberJarClassifier>");
  }

  @Test
  void theRealmFileHoldsNoSecretOfItsOwn() throws IOException {
    String realm = Files.readString(Path.of("docker/keycloak/child-cop-realm.json"));

    assertThat(realm)
        .contains("\"secret\": \"${CHILD_COP_OIDC_SECRET}\"")
        .doesNotContain("\"password\"");
  }

  private static Set<String> readInCode() throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher read = READ_IN_CODE.matcher(Files.readString(source));
        while (read.find()) {
          for (int group = 1; group <= 3; group++) {
            if (read.group(group) != null) {
              names.add(read.group(group));
            }
          }
        }
      }
    }
    return names;
  }

  private static Set<String> readByPayara() throws IOException {
    Set<String> names = new TreeSet<>();
    Matcher read =
        READ_BY_PAYARA.matcher(
            Files.readString(Path.of("src/main/resources/pre-boot-commands.txt")));
    while (read.find()) {
      names.add(read.group(1));
    }
    return names;
  }

  private static Properties defaults() throws IOException {
    Properties properties = new Properties();
    try (Reader reader =
        Files.newBufferedReader(
            Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
      properties.load(reader);
    }
    return properties;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    try (Reader reader = Files.newBufferedReader(Path.of("docker/compose.yaml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }
  }
}
