package org.child.cop.xapi;

import java.util.Objects;

/**
 * One broken rule of the xAPI specification, at a JSON path such as {@code actor.mbox} or {@code
 * context.contextActivities.parent[0].id} (empty for the value itself).
 */
public record Violation(String path, String message) {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** The same violation seen from an enclosing object whose member or element {@code prefix} is. */
  Violation under(String prefix) {
    if (prefix.isEmpty()) {
      return this;
    }
    if (path.isEmpty()) {
      return new Violation(prefix, message);
    }
    return new Violation(prefix + (path.startsWith("[") ? "" : ".") + path, message);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
