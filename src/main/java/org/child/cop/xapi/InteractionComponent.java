package org.child.cop.xapi;

import java.util.Objects;

/** One choice, scale point, source, target or step of an interaction. */
public record InteractionComponent(String id, LanguageMap description) {

  public InteractionComponent {
    Objects.requireNonNull(id, "id");
    new Violations().require(!id.isEmpty(), "id", "must not be empty").throwIfAny();
  }

  public static InteractionComponent of(String id, String tag, String text) {
    return new InteractionComponent(id, LanguageMap.of(tag, text));
  }
}
