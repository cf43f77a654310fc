package org.child.cop.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written lexical checks against the patterns they replace. */
class SyntaxTest {

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");

  @Test
  void uuidsInEitherCaseAreUuids() {
    String id = UUID.randomUUID().toString();
    assertThat(Syntax.isUuid(id)).isTrue();
    assertThat(Syntax.isUuid(id.toUpperCase(java.util.Locale.ROOT))).isTrue();
    assertThat(Syntax.isUuid("00000000-0000-0000-0000-000000000000")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0123456789abcdef0123456789abcdef",
        "01234567-89ab-cdef-0123-456789abcde",
        "01234567-89ab-cdef-0123-456789abcdef0",
        "01234567-89ab-cdef-0123-456789abcdeg",
        "0123456789-ab-cdef-0123-456789abcdef",
        "01234567-89ab-cdef-0123+456789abcdef",
        "{1234567-89ab-cdef-0123-456789abcdef}",
        "01234567-89ab-cdef-0123-456789abcde:",
        "01234567-89ab-cdef-0123-456789abcde@",
        "01234567-89ab-cdef-0123-456789abcde`",
        "01234567-89ab-cdef-0123-456789abcdeG",
        "01234567-89ab-cdef-0123-456789abcde/",
        "01234567-89ab-cdef-0123-456789abcde\u0660",
        " 1234567-89ab-cdef-0123-456789abcdef"
      })
  void anythingElseIsNot(String text) {
    assertThat(Syntax.isUuid(text)).as(text).isFalse();
    assertThat(UUID_TEXT.matcher(text).matches()).as("the pattern, on " + text).isFalse();
  }

  @Test
  void nullIsNoUuid() {
    assertThat(Syntax.isUuid(null)).isFalse();
  }

  @Test
  void answersAsThePatternOnUuidsWithOneCharacterChanged() {
    // every position of a UUID, changed to characters on both sides of each range it allows
    String alphabet = "-/0189:@AFG`afgz{ \u00e9\u0660";
    SplittableRandom random = new SplittableRandom(36);
    int matches = 0;
    for (int n = 0; n < 20_000; n++) {
      char[] text = UUID.randomUUID().toString().toCharArray();
      text[random.nextInt(36)] = alphabet.charAt(random.nextInt(alphabet.length()));
      String candidate = new String(text);
      boolean expected = UUID_TEXT.matcher(candidate).matches();
      assertThat(Syntax.isUuid(candidate)).as(candidate).isEqualTo(expected);
      matches += expected ? 1 : 0;
    }
    // both answers occur, so the comparison decided something each way
    assertThat(matches).isBetween(1_000, 19_000);
  }
}
