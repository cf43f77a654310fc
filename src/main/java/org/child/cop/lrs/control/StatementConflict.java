package org.child.cop.lrs.control;

import java.util.UUID;

/** A statement sent under an id the LRS already holds for a different statement (409). */
public class StatementConflict extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final UUID statementId;

  public StatementConflict(UUID statementId) {
    super(
        "The LRS already holds a different statement with id "
            + statementId
            + "; a statement id names one statement for ever.");
    this.statementId = statementId;
  }

  public UUID statementId() {
    return statementId;
  }
}
