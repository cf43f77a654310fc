package org.child.cop.lti;

import java.util.List;
import java.util.Objects;

/**
 * A course context's roster was read from its platform. Fired inside the transaction that records
 * the roster sync as done, so the members it lists and the sync's outcome are stored together.
 * {@code complete} says every page was read: only then may people missing from it be taken as gone.
 */
public record RosterWasRead(
    String platformId, String contextId, List<RosterEntry> entries, boolean complete) {

  public RosterWasRead {
    Objects.requireNonNull(platformId, "platformId");
    Objects.requireNonNull(contextId, "contextId");
    entries = List.copyOf(entries);
  }
}
