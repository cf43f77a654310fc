package org.child.cop.xapi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An ISO 8601 date-time as written, so that a statement is sent back exactly as it came, with an
 * {@link Instant} view. A time without a zone is read as UTC, as the specification advises.
 */
public record Timestamp(String text) {

  private static final DateTimeFormatter ISO_8601 =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendPattern("[XXX][XX][X]")
          .optionalEnd()
          .toFormatter();

  // the specification forbids the "unknown local offset" forms
  private static final Pattern NEGATIVE_ZERO_OFFSET = Pattern.compile("-00(?::?00)?$");

  public Timestamp {
    Objects.requireNonNull(text, "text");
    new Violations()
        .require(
            parse(text) != null && !NEGATIVE_ZERO_OFFSET.matcher(text).find(),
            "",
            "must be an ISO 8601 date-time (offset not -00:00), not '" + Syntax.cut(text) + "'")
        .throwIfAny();
  }

  /**
   * The instant truncated to milliseconds: the precision the specification requires of an LRS, so
   * that what comes back from an LRS equals what was sent.
   */
  public static Timestamp of(Instant instant) {
    return new Timestamp(instant.truncatedTo(ChronoUnit.MILLIS).toString());
  }

  public static Timestamp now() {
    return of(Instant.now());
  }

  public Instant instant() {
    return parse(text);
  }

  /** Whether the text names its zone offset ({@code Z}, {@code +01:00}), as RFC 3339 requires. */
  public boolean hasOffset() {
    return ISO_8601.parseBest(text, OffsetDateTime::from, LocalDateTime::from)
        instanceof OffsetDateTime;
  }

  /**
   * The same instant written in UTC, as the specification has an LRS return timestamps; a UTC text
   * is kept as it was written.
   */
  public Timestamp inUtc() {
    return text.endsWith("Z") ? this : new Timestamp(instant().toString());
  }

  private static Instant parse(String text) {
    try {
      TemporalAccessor parsed = ISO_8601.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime offset) {
        return offset.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return text;
  }
}
