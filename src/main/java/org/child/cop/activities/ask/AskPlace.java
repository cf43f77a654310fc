package org.child.cop.activities.ask;

import java.util.Objects;
import java.util.UUID;

/**
 * Where an act of Ask the community happens: the community (its name goes with it), the placed
 * activity in a course (the run) and the question's thread (the xAPI registration that ties a
 * question's statements together).
 */
public record AskPlace(String communityId, String communityName, String runId, UUID registration) {

  public AskPlace {
    Objects.requireNonNull(communityId);
    Objects.requireNonNull(communityName);
    Objects.requireNonNull(runId);
    Objects.requireNonNull(registration);
  }
}
