package org.child.cop.statements.control;

import java.util.UUID;

/** A statement was written to the outbox (observed after its transaction commits). */
public record StatementWasQueued(UUID statementId) {}
