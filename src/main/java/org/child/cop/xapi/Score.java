package org.child.cop.xapi;

import java.math.BigDecimal;

/**
 * A score: scaled in [-1, 1], raw between min and max. Decimals keep the number exactly as written
 * ({@code 83} and {@code 83.0} are different JSON).
 */
public record Score(BigDecimal scaled, BigDecimal raw, BigDecimal min, BigDecimal max) {

  public Score {
    Violations violations = new Violations();
    if (scaled != null) {
      violations.require(
          scaled.compareTo(BigDecimal.ONE.negate()) >= 0 && scaled.compareTo(BigDecimal.ONE) <= 0,
          "scaled",
          "must be between -1 and 1");
    }
    if (raw != null && min != null) {
      violations.require(raw.compareTo(min) >= 0, "raw", "must not be less than min");
    }
    if (raw != null && max != null) {
      violations.require(raw.compareTo(max) <= 0, "raw", "must not be greater than max");
    }
    if (min != null && max != null) {
      violations.require(min.compareTo(max) < 0, "max", "must be greater than min");
    }
    violations.throwIfAny();
  }

  public static Score scaled(double scaled) {
    return new Score(BigDecimal.valueOf(scaled), null, null, null);
  }

  /** A raw score out of a range, with its scaled equivalent when the range allows one. */
  public static Score raw(long raw, long min, long max) {
    BigDecimal scaled =
        max > 0 && min == 0
            ? BigDecimal.valueOf(raw)
                .divide(BigDecimal.valueOf(max), 4, java.math.RoundingMode.HALF_UP)
            : null;
    return new Score(
        scaled, BigDecimal.valueOf(raw), BigDecimal.valueOf(min), BigDecimal.valueOf(max));
  }
}
