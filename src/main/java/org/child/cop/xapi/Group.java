package org.child.cop.xapi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of Agents: identified by one IFI (members optional), or anonymous and then defined by its
 * members. Members are Agents: the specification forbids Groups inside Groups.
 */
public record Group(String name, Ifi ifi, List<Agent> members) implements Actor {

  public Group {
    members = members == null ? null : List.copyOf(members);
    new Violations()
        .require(
            ifi != null || (members != null && !members.isEmpty()),
            "member",
            "an anonymous Group (no IFI) must list at least one member")
        .throwIfAny();
  }

  public static Group identified(String name, Ifi ifi) {
    return new Group(name, Objects.requireNonNull(ifi, "ifi"), null);
  }

  public static Group identified(String name, Ifi ifi, List<Agent> members) {
    return new Group(name, Objects.requireNonNull(ifi, "ifi"), members);
  }

  public static Group anonymous(List<Agent> members) {
    return new Group(null, null, members);
  }

  /** The members, or an empty list where none are given. */
  public List<Agent> memberList() {
    return members == null ? List.of() : members;
  }

  public boolean isAnonymous() {
    return ifi == null;
  }

  @Override
  public Optional<String> displayName() {
    return Optional.ofNullable(name);
  }

  @Override
  public Optional<Ifi> identifier() {
    return Optional.ofNullable(ifi);
  }
}
