package org.child.cop.xapi;

import java.util.Objects;
import java.util.Optional;

/**
 * A person or system, identified by exactly one IFI. {@code objectTypeStated} remembers whether
 * {@code "objectType": "Agent"} was written, so that JSON read in is written out unchanged; the
 * factories state it.
 */
public record Agent(String name, Ifi ifi, boolean objectTypeStated) implements Actor {

  public Agent {
    Objects.requireNonNull(ifi, "an Agent needs exactly one IFI");
  }

  public static Agent of(Ifi ifi) {
    return new Agent(null, ifi, true);
  }

  public static Agent of(String name, Ifi ifi) {
    return new Agent(name, ifi, true);
  }

  public static Agent mbox(String email) {
    return of(Ifi.Mbox.of(email));
  }

  public static Agent account(String homePage, String name) {
    return of(new Account(homePage, name));
  }

  @Override
  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<Ifi> identifier() {
    return Optional.of(ifi);
  }
}
