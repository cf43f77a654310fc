package org.child.cop.lrs.control;

import java.time.Instant;
import java.util.UUID;

/**
 * What a statement query asks for, in index keys ({@link StatementLinks}): every part is optional.
 * {@code limit} is already capped to the server's page size.
 */
public record StatementFilter(
    String agentKey,
    boolean relatedAgents,
    String verbKey,
    String activityKey,
    boolean relatedActivities,
    UUID registration,
    Instant since,
    Instant until,
    int limit,
    boolean ascending) {

  /** The most statements one page holds; {@code limit=0} and larger limits get this many. */
  public static final int MOST = 500;

  public StatementFilter {
    if (limit <= 0 || limit > MOST) {
      limit = MOST;
    }
  }

  public static StatementFilter all() {
    return new StatementFilter(null, false, null, null, false, null, null, null, MOST, false);
  }
}
