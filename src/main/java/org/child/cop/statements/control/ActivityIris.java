package org.child.cop.statements.control;

import java.net.URI;
import java.util.Objects;

/**
 * The activity ids of the tool's statements, under its public address. Statements keep them
 * forever, so they are made here only, from ids that never change (never from names).
 */
public record ActivityIris(URI base) {

  public ActivityIris {
    Objects.requireNonNull(base);
  }

  public String community(String communityId) {
    return base + "/activities/communities/" + communityId;
  }
}
