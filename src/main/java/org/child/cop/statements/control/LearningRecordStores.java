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
import org.child.cop.xapi.StatementJson;
import org.child.cop.xapi.XapiClient;
import org.child.cop.xapi.XapiValidationException;
import org.child.cop.xapi.XapiVersion;

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
   * Sends statements in one batch, each as the outbox keeps it (its xAPI 2.0 JSON); an {@link
   * LrsException} says why the LRS did not take them. An external LRS gets the JSON as it is where
   * its version allows, since reading a statement back only to write it again cost the relay more
   * than sending it. The embedded LRS reads them in process and answers in the same terms as one
   * over HTTP: a statement that is no longer valid xAPI is a 400 there too.
   */
  public void send(Destination destination, List<String> statements) {
    if (!destination.isEmbedded()) {
      XapiClient client = client(destination);
      client.postJson(statements.stream().map(json -> inVersion(json, client.version())).toList());
      return;
    }
    try {
      embedded.store(statements.stream().map(StatementJson::read).toList());
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

  /**
   * The statement in the form an LRS of {@code version} takes. The xAPI 2.0 form is also a 1.0.3
   * statement unless it uses a member 1.0.3 lacks; those few are written again without them. A
   * false alarm (the name inside a text) only costs that rewrite.
   */
  static String inVersion(String json, XapiVersion version) {
    if (version == XapiVersion.V2_0_0
        || !(json.contains("\"contextAgents\"") || json.contains("\"contextGroups\""))) {
      return json;
    }
    try {
      return StatementJson.write(StatementJson.read(json), version).toString();
    } catch (XapiValidationException invalid) {
      throw new LrsException(LrsFailure.BAD_REQUEST, 400, invalid.getMessage());
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
