package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.XapiClient;

/**
 * The tool's one adapter to learning record stores: an xAPI client per destination, with the
 * destination's version and credentials and timeouts short enough that a hanging LRS cannot hold a
 * relay (and the rows it has locked) for long.
 */
@ApplicationScoped
public class LearningRecordStores {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final Map<String, XapiClient> clients = new ConcurrentHashMap<>();

  /**
   * Sends the statements in one batch; an {@link org.child.cop.xapi.LrsException} says why the LRS
   * did not take them.
   */
  public void send(Destination destination, List<Statement> statements) {
    client(destination).post(statements);
  }

  XapiClient client(Destination destination) {
    return clients.computeIfAbsent(
        destination.name(),
        name -> {
          XapiClient.Builder builder =
              XapiClient.to(destination.endpoint().orElseThrow())
                  .version(destination.version())
                  .connectTimeout(CONNECT_TIMEOUT)
                  .requestTimeout(REQUEST_TIMEOUT);
          if (destination.username().isPresent()) {
            builder.basicAuth(destination.username().get(), destination.password().orElseThrow());
          }
          return builder.build();
        });
  }
}
