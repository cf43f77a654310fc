package org.child.cop.lti.control;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a failed service call waits before its next attempt: doubling from {@code first}, never
 * longer than {@code longest}, so a platform that is down is not hammered and one that is back soon
 * is not waited on for long.
 */
public record Backoff(Duration first, Duration longest) {

  public Backoff {
    Objects.requireNonNull(first);
    Objects.requireNonNull(longest);
    if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
      throw new IllegalArgumentException("the first wait must be positive and not the longest");
    }
  }

  /** The wait after the given number of failed attempts (1 for the first failure). */
  public Duration after(int failedAttempts) {
    int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
    Duration wait = first.multipliedBy(1L << doublings);
    return wait.compareTo(longest) > 0 ? longest : wait;
  }
}
