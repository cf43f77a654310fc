package org.child.cop.xapi;

import java.util.ArrayList;
import java.util.List;

/** Collects the violations of one value so that its constructor reports all of them at once. */
final class Violations {

  private final List<Violation> found = new ArrayList<>();

  Violations require(boolean rule, String path, String message) {
    if (!rule) {
      found.add(new Violation(path, message));
    }
    return this;
  }

  Violations add(String path, String message) {
    found.add(new Violation(path, message));
    return this;
  }

  void throwIfAny() {
    if (!found.isEmpty()) {
      throw new XapiValidationException(found);
    }
  }
}
