package org.child.cop.lrs.control;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A write's {@code If-Match} and {@code If-None-Match} headers (RFC 9110 §13.1), compared strongly
 * with a document's ETag: a weak tag never matches, {@code *} matches any existing document.
 * Unquoted tags are accepted too, since some xAPI clients send the bare SHA-1.
 */
public record Preconditions(List<String> ifMatch, List<String> ifNoneMatch) {

  public static final Preconditions NONE = new Preconditions(null, null);

  public Preconditions {
    ifMatch = ifMatch == null ? null : List.copyOf(ifMatch);
    ifNoneMatch = ifNoneMatch == null ? null : List.copyOf(ifNoneMatch);
  }

  /** From the two headers as sent; null or blank means the header is absent. */
  public static Preconditions of(String ifMatch, String ifNoneMatch) {
    return new Preconditions(tags(ifMatch), tags(ifNoneMatch));
  }

  public boolean any() {
    return ifMatch != null || ifNoneMatch != null;
  }

  /**
   * Whether the write may go on, for the current ETag (unquoted) or none if there is no document.
   */
  public boolean holdFor(Optional<String> currentEtag) {
    if (ifMatch != null) {
      boolean matches =
          currentEtag.isPresent() && (ifMatch.contains("*") || ifMatch.contains(currentEtag.get()));
      if (!matches) {
        return false;
      }
    }
    if (ifNoneMatch != null && currentEtag.isPresent()) {
      return !(ifNoneMatch.contains("*") || ifNoneMatch.contains(currentEtag.get()));
    }
    return true;
  }

  private static List<String> tags(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    return Arrays.stream(header.split(","))
        .map(String::strip)
        .filter(tag -> !tag.isEmpty())
        .map(Preconditions::opaque)
        .toList();
  }

  /** The tag's opaque part, or the tag as written (never equal to a bare hex) if it is weak. */
  private static String opaque(String tag) {
    if (tag.startsWith("W/")) {
      return tag;
    }
    if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
      return tag.substring(1, tag.length() - 1);
    }
    return tag;
  }
}
