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

  /** An activity placed in a course: the parent of what is done in it. */
  public String run(String runId) {
    return base + "/activities/runs/" + runId;
  }

  public String question(String questionId) {
    return base + "/activities/questions/" + questionId;
  }

  public String answer(String answerId) {
    return base + "/activities/answers/" + answerId;
  }

  public String capability(java.util.UUID capabilityId) {
    return base + "/activities/capabilities/" + capabilityId;
  }
}
