package org.child.cop.lrs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.XapiVersion;

/**
 * The tool's own statements, handed to the embedded LRS in-process by the statement relay. They are
 * stored under the relay's own credential (so their authority says who vouched for them) in the
 * {@value LrsCredentials#TOOL_TENANT} tenant, in a transaction of their own: a conflict or a
 * refusal must not undo the relay's record of the rest of its batch.
 */
@ApplicationScoped
public class RelayedStatements {

  @Inject StatementStore store;
  @Inject LrsCredentials credentials;

  /**
   * @throws StatementConflict when the LRS holds another statement under one of the ids
   * @throws org.child.cop.xapi.XapiValidationException when a statement breaks a rule
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<UUID> store(List<Statement> statements) {
    LrsCaller relay = credentials.relayCaller();
    // the outbox keeps statements in their xAPI 2.0 form
    return store.store(relay, statements, XapiVersion.V2_0_0, Map.of());
  }
}
