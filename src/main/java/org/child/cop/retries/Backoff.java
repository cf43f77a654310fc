package org.child.cop.retries;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long a failed call to another system waits before its next attempt: doubling from {@code
 * first}, never longer than {@code longest}, so a system that is down is not hammered and one that
 * is back soon is not waited on for long.
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

  /**
   * The wait with "equal jitter": between half of {@link #after} and all of it, so that callers
   * that failed together (several instances, one LRS coming back) do not all return together.
   */
  public Duration withJitter(int failedAttempts, RandomGenerator random) {
    long wait = after(failedAttempts).toMillis();
    long half = wait / 2;
    return Duration.ofMillis(half + (wait - half == 0 ? 0 : random.nextLong(wait - half + 1)));
  }
}
