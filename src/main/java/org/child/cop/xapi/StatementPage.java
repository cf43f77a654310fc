package org.child.cop.xapi;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One page of a statement query: its statements and, when there are more, the {@code more} IRL
 * already resolved against the endpoint.
 */
public record StatementPage(List<Statement> statements, URI more) {

  public StatementPage {
    statements = List.copyOf(statements);
  }

  public Optional<URI> next() {
    return Optional.ofNullable(more);
  }
}
