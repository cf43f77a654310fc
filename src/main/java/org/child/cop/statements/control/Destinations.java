package org.child.cop.statements.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.child.cop.xapi.XapiVersion;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The learning record stores configured for this tool: {@code xapi.destinations} names them, and
 * each external one has {@code xapi.destination.<name>.endpoint}, {@code .version} (1.0.3 or
 * 2.0.0), {@code .username} and {@code .password}. A wrong setting stops the start with a message,
 * rather than losing statements later.
 */
@ApplicationScoped
public class Destinations {

  private static final Logger LOG = Logger.getLogger(Destinations.class.getName());

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  @Inject
  @ConfigProperty(name = "xapi.destinations")
  Optional<String> names;

  @Inject Config config;

  private List<Destination> all;

  @Inject
  @ConfigProperty(name = "xapi.relay.batch-size")
  int batchSize;

  @PostConstruct
  void read() {
    if (batchSize < 1 || batchSize > 500) {
      // the relay's setting, checked here where a wrong one stops the start
      throw new IllegalStateException("xapi.relay.batch-size must be between 1 and 500");
    }
    all = parse(names.orElse(""), key -> config.getOptionalValue(key, String.class));
    all.forEach(destination -> LOG.info(() -> "Statements go to " + destination));
  }

  /** A wrong setting stops the start, rather than the first statement. */
  void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
    all.size();
  }

  public List<Destination> all() {
    return all;
  }

  public Optional<Destination> named(String name) {
    return all.stream().filter(destination -> destination.name().equals(name)).findFirst();
  }

  static List<Destination> parse(String names, Function<String, Optional<String>> setting) {
    Set<String> listed = new LinkedHashSet<>();
    for (String name : names.split(",")) {
      if (!name.isBlank()) {
        listed.add(name.strip());
      }
    }
    List<Destination> destinations = new ArrayList<>();
    for (String name : listed) {
      if (!NAME.matcher(name).matches()) {
        throw new IllegalStateException(
            "xapi.destinations: '"
                + name
                + "' is not a destination name (lower-case letters, digits and dashes)");
      }
      destinations.add(destination(name, key -> setting.apply("xapi.destination." + name + key)));
    }
    return List.copyOf(destinations);
  }

  private static Destination destination(String name, Function<String, Optional<String>> setting) {
    String prefix = "xapi.destination." + name;
    XapiVersion version;
    String versionText = setting.apply(".version").map(String::strip).orElse("1.0.3");
    try {
      version = XapiVersion.of(versionText);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          prefix + ".version: " + versionText + " is not 1.0.3 or 2.0.0", e);
    }
    Optional<String> endpointText = setting.apply(".endpoint").filter(text -> !text.isBlank());
    Optional<String> username = setting.apply(".username").filter(text -> !text.isEmpty());
    Optional<String> password = setting.apply(".password").filter(text -> !text.isEmpty());
    if (username.isPresent() != password.isPresent()) {
      throw new IllegalStateException(
          prefix + ": set both .username and .password (Basic auth), or neither");
    }
    if (Destination.EMBEDDED.equals(name)) {
      if (endpointText.isPresent()) {
        throw new IllegalStateException(
            prefix
                + ".endpoint: the embedded LRS has no endpoint to set; name another destination");
      }
      return new Destination(name, Optional.empty(), version, username, password);
    }
    URI endpoint =
        endpointText
            .map(text -> endpoint(prefix + ".endpoint", text.strip()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        prefix + ".endpoint is required for the external LRS " + name));
    return new Destination(name, Optional.of(endpoint), version, username, password);
  }

  private static URI endpoint(String key, String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(key + " is not a URL");
    }
    if (uri.getRawUserInfo() != null) {
      // the message must not repeat the password it holds
      throw new IllegalStateException(
          key + " must be a URL without credentials: set .username and .password instead");
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null) {
      throw new IllegalStateException(
          key
              + ": "
              + text
              + " must be an http(s) URL without query, such as https://lrs.example.org/xapi");
    }
    return uri;
  }
}
