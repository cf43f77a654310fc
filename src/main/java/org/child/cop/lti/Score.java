package org.child.cop.lti;

import java.time.Instant;
import java.util.Objects;

/**
 * A learner's result to publish to the platform's grade book (LTI Assignment and Grade Services):
 * how far they are in the activity, how far its grading is, and, once graded, the score.
 */
public record Score(
    Double scoreGiven,
    Double scoreMaximum,
    ActivityProgress activityProgress,
    GradingProgress gradingProgress,
    String comment,
    Instant timestamp) {

  /** AGS activityProgress. */
  public enum ActivityProgress {
    INITIALIZED("Initialized"),
    STARTED("Started"),
    IN_PROGRESS("InProgress"),
    SUBMITTED("Submitted"),
    COMPLETED("Completed");

    private final String code;

    ActivityProgress(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /** AGS gradingProgress. */
  public enum GradingProgress {
    FULLY_GRADED("FullyGraded"),
    PENDING("Pending"),
    PENDING_MANUAL("PendingManual"),
    FAILED("Failed"),
    NOT_READY("NotReady");

    private final String code;

    GradingProgress(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Score {
    Objects.requireNonNull(activityProgress, "activityProgress");
    Objects.requireNonNull(gradingProgress, "gradingProgress");
    Objects.requireNonNull(timestamp, "timestamp");
    if (scoreGiven != null && (scoreMaximum == null || scoreMaximum <= 0 || scoreGiven < 0)) {
      throw new IllegalArgumentException(
          "a score given needs a positive maximum and must not be negative");
    }
  }

  /** The learner has begun: the grade book shows it, with nothing to grade yet. */
  public static Score started(Instant now) {
    return new Score(null, null, ActivityProgress.STARTED, GradingProgress.NOT_READY, null, now);
  }

  /** A finished, graded result. */
  public static Score graded(double given, double maximum, Instant now) {
    return new Score(
        given, maximum, ActivityProgress.COMPLETED, GradingProgress.FULLY_GRADED, null, now);
  }
}
