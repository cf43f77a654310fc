package org.child.cop.xapi;

import java.util.Optional;

/** Who did something: an Agent, or a Group (identified, or anonymous by its members). */
public sealed interface Actor extends StatementObject permits Agent, Group {

  /** The display name, if any. */
  Optional<String> displayName();

  /** The identifier; empty only for an anonymous Group. */
  Optional<Ifi> identifier();
}
