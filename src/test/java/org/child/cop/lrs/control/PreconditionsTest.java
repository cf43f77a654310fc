package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** If-Match and If-None-Match against a document's ETag, or against no document. */
class PreconditionsTest {

  private static final Optional<String> CURRENT = Optional.of("a9993e36");
  private static final Optional<String> NONE = Optional.empty();

  @Test
  void noHeadersAlwaysHold() {
    Preconditions none = Preconditions.of(null, " ");

    assertThat(none.any()).isFalse();
    assertThat(none.holdFor(CURRENT)).isTrue();
    assertThat(none.holdFor(NONE)).isTrue();
  }

  @Test
  void ifMatchHoldsOnlyForTheCurrentTag() {
    assertThat(Preconditions.of("\"a9993e36\"", null).holdFor(CURRENT)).isTrue();
    assertThat(Preconditions.of("\"old\", \"a9993e36\"", null).holdFor(CURRENT)).isTrue();
    assertThat(Preconditions.of("\"old\"", null).holdFor(CURRENT)).isFalse();
    assertThat(Preconditions.of("\"a9993e36\"", null).holdFor(NONE)).isFalse();
  }

  @Test
  void anUnquotedTagIsTakenAsTheSameTag() {
    assertThat(Preconditions.of("a9993e36", null).holdFor(CURRENT)).isTrue();
  }

  @Test
  void aWeakTagNeverMatchesStrongly() {
    assertThat(Preconditions.of("W/\"a9993e36\"", null).holdFor(CURRENT)).isFalse();
  }

  @Test
  void ifMatchStarNeedsADocument() {
    assertThat(Preconditions.of("*", null).holdFor(CURRENT)).isTrue();
    assertThat(Preconditions.of("*", null).holdFor(NONE)).isFalse();
  }

  @Test
  void ifNoneMatchStarHoldsOnlyWhereThereIsNoDocument() {
    assertThat(Preconditions.of(null, "*").holdFor(NONE)).isTrue();
    assertThat(Preconditions.of(null, "*").holdFor(CURRENT)).isFalse();
  }

  @Test
  void ifNoneMatchWithTheCurrentTagFails() {
    assertThat(Preconditions.of(null, "\"a9993e36\"").holdFor(CURRENT)).isFalse();
    assertThat(Preconditions.of(null, "\"other\"").holdFor(CURRENT)).isTrue();
  }
}
