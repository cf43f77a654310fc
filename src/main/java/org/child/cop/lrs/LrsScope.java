package org.child.cop.lrs;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What an LRS client may do: the scopes the xAPI specification names for its clients. */
public enum LrsScope {
  STATEMENTS_WRITE("statements/write"),
  STATEMENTS_READ("statements/read"),
  STATEMENTS_READ_MINE("statements/read/mine"),
  STATE("state"),
  DEFINE("define"),
  PROFILE("profile"),
  ALL_READ("all/read"),
  ALL("all");

  private final String text;

  LrsScope(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  public static Optional<LrsScope> of(String text) {
    return Arrays.stream(values()).filter(scope -> scope.text.equals(text)).findFirst();
  }

  /** Scopes as stored: their texts separated by spaces. */
  public static Set<LrsScope> parse(String texts) {
    Set<LrsScope> scopes = EnumSet.noneOf(LrsScope.class);
    for (String text : texts.trim().split("\\s+")) {
      of(text).ifPresent(scopes::add);
    }
    return scopes;
  }
}
