package org.child.cop.xapi;

import java.util.Objects;

/** An account on a system: its home page (an IRL) and the name unique on that system. */
public record Account(String homePage, String name) implements Ifi {

  public Account {
    Objects.requireNonNull(homePage, "homePage");
    Objects.requireNonNull(name, "name");
    new Violations()
        .require(Syntax.isAbsoluteIri(homePage), "account.homePage", "must be an absolute IRL")
        .require(!name.isEmpty(), "account.name", "must not be empty")
        .throwIfAny();
  }
}
