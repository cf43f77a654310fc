package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.child.cop.lrs.control.RelayedStatements;
import org.child.cop.lrs.control.StatementConflict;
import org.child.cop.xapi.LrsException;
import org.child.cop.xapi.LrsFailure;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.XapiClient;
import org.child.cop.xapi.XapiValidationException;

/**
 * The tool's one adapter to learning record stores: the embedded one in process, and an xAPI client
 * per external destination, with the destination's version and credentials and timeouts short
 * enough that a hanging LRS cannot hold a relay (and the rows it has locked) for long.
 */
@ApplicationScoped
public class LearningRecordStores {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);

  private final Map<String, XapiClient> clients = new ConcurrentHashMap<>();

  @Inject RelayedStatements embedded;

  /**
   * Sends the statements in one batch; an {@link LrsException} says why the LRS did not take them.
   * The embedded LRS answers in process, in the same terms as one over HTTP.
   */
  public void send(Destination destination, List<Statement> statements) {
    if (!destination.isEmbedded()) {
      client(destination).post(statements);
      return;
    }
    try {
      embedded.store(statements);
    } catch (StatementConflict conflict) {
      throw new LrsException(LrsFailure.CONFLICT, 409, conflict.getMessage());
    } catch (XapiValidationException invalid) {
      throw new LrsException(LrsFailure.BAD_REQUEST, 400, invalid.getMessage());
    } catch (RuntimeException failed) {
      // the database, most likely: try again later, as after an LRS's 5xx
      throw new LrsException(
          LrsFailure.SERVER_ERROR,
          500,
          "the embedded LRS failed: " + failed.getClass().getSimpleName(),
          failed);
    }
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
