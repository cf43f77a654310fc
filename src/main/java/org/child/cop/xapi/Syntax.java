package org.child.cop.xapi;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The lexical forms the xAPI specification requires: IRIs, mboxes, language tags, durations. Only
 * the UUID form is public: the LRS checks its parameters with it too.
 */
public final class Syntax {

  private Syntax() {}

  private static final Pattern MBOX =
      Pattern.compile("^mailto:[^@\\s<>()\\[\\],;:\"]+@[^@\\s<>()\\[\\],;:\"]+$");

  private static final Pattern SHA1_HEX = Pattern.compile("^[0-9a-fA-F]{40}$");

  // SHA-224, SHA-256, SHA-384 or SHA-512, as the specification allows for attachments
  private static final Pattern SHA2_HEX =
      Pattern.compile("^(?:[0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$");

  // RFC 5646 well-formed tags: langtag, private use, or one of the grandfathered tags
  private static final Pattern LANGUAGE_TAG =
      Pattern.compile(
          "^(?:(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4}|[a-z]{5,8})"
              + "(?:-[a-z]{4})?"
              + "(?:-(?:[a-z]{2}|\\d{3}))?"
              + "(?:-(?:[a-z0-9]{5,8}|\\d[a-z0-9]{3}))*"
              + "(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*"
              + "(?:-x(?:-[a-z0-9]{1,8})+)?"
              + "|x(?:-[a-z0-9]{1,8})+"
              + "|en-gb-oed|i-(?:ami|bnn|default|enochian|hak|klingon|lux|mingo|navajo|pwn|tao|tay|tsu)"
              + "|sgn-(?:be-fr|be-nl|ch-de)|art-lojban|cel-gaulish|no-bok|no-nyn"
              + "|zh-(?:guoyu|hakka|min|min-nan|xiang))$",
          Pattern.CASE_INSENSITIVE);

  // ISO 8601 durations: weeks alone, or date and time parts in order; a fraction on seconds only
  private static final Pattern DURATION =
      Pattern.compile(
          "^P(?:\\d+W|(?=\\d|T\\d)(?:\\d+Y)?(?:\\d+M)?(?:\\d+D)?"
              + "(?:T(?=\\d)(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?)?)$");

  // type/subtype with optional parameters (RFC 2046)
  private static final Pattern MEDIA_TYPE =
      Pattern.compile(
          "^[A-Za-z0-9!#$&^_.+\\-]+/[A-Za-z0-9!#$&^_.+\\-]+(?:\\s*;\\s*[^;\\s]+=[^;]+)*\\s*$");

  private static final Pattern VERSION = Pattern.compile("^[12]\\.0(?:\\.\\d+)?$");

  /**
   * An absolute IRI: a scheme, a colon, and no characters that RFC 3987 excludes everywhere; the
   * same as {@code ^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>"{}|\\^`\p{Cntrl}]+$}, checked by hand:
   * statements are full of IRIs, and matching that character class took about half of the CPU the
   * embedded LRS spent storing statements (bench/lrs.sh profile).
   */
  static boolean isAbsoluteIri(String text) {
    if (text == null || text.isEmpty() || !isAsciiLetter(text.charAt(0))) {
      return false;
    }
    int colon = 1;
    while (colon < text.length() && text.charAt(colon) != ':') {
      char c = text.charAt(colon);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '.' && c != '-') {
        return false;
      }
      colon++;
    }
    if (colon >= text.length() - 1) {
      return false; // no colon, or nothing after it
    }
    for (int i = colon + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      // whitespace and control characters (ASCII, as \s and \p{Cntrl}), and <>"{}|\^`
      if (c <= ' ' || c == 0x7F || "<>\"{}|\\^`".indexOf(c) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  }

  static boolean isMbox(String text) {
    return text != null && MBOX.matcher(text).matches();
  }

  static boolean isSha1Hex(String text) {
    return text != null && SHA1_HEX.matcher(text).matches();
  }

  static boolean isSha2Hex(String text) {
    return text != null && SHA2_HEX.matcher(text).matches();
  }

  static boolean isLanguageTag(String text) {
    return text != null && LANGUAGE_TAG.matcher(text).matches();
  }

  static boolean isDuration(String text) {
    return text != null && DURATION.matcher(text).matches();
  }

  /**
   * Whether the text is a UUID in its 8-4-4-4-12 hexadecimal form: the same as {@code
   * ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$}, checked by hand
   * (the regex took a tenth of the LRS's profile samples while it stored batches).
   */
  public static boolean isUuid(String text) {
    if (text == null || text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          i == 8 || i == 13 || i == 18 || i == 23
              ? c == '-'
              : c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** RFC 4122 UUIDs are variant 2 (the "10" bit pattern), which the specification requires. */
  static boolean isRfc4122(UUID id) {
    return id.variant() == 2;
  }

  static boolean isMediaType(String text) {
    return text != null && MEDIA_TYPE.matcher(text).matches();
  }

  static boolean isVersion(String text) {
    return text != null && VERSION.matcher(text).matches();
  }

  static void requireRfc4122(Violations violations, UUID id, String path) {
    if (id != null) {
      violations.require(isRfc4122(id), path, "must be an RFC 4122 UUID (variant 2)");
    }
  }

  static void requireIri(Violations violations, String iri, String path) {
    if (iri != null) {
      violations.require(
          isAbsoluteIri(iri), path, "must be an absolute IRI, not '" + cut(iri) + "'");
    }
  }

  /** xAPI 2.0 context agents and groups: relevantTypes, when present, is a non-empty IRI list. */
  static void requireRelevantTypes(Violations violations, java.util.List<String> relevantTypes) {
    if (relevantTypes == null) {
      return;
    }
    violations.require(!relevantTypes.isEmpty(), "relevantTypes", "must not be empty when present");
    for (int i = 0; i < relevantTypes.size(); i++) {
      requireIri(violations, relevantTypes.get(i), "relevantTypes[" + i + "]");
    }
  }

  static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
