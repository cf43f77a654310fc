package org.child.cop.statements.control;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.child.cop.xapi.XapiVersion;

/**
 * A learning record store the tool's statements go to: the embedded one, or an external LRS with
 * its endpoint, xAPI version and Basic credentials (from the environment, never shown).
 */
public record Destination(
    String name,
    Optional<URI> endpoint,
    XapiVersion version,
    Optional<String> username,
    Optional<String> password) {

  /** The tool's own LRS. */
  public static final String EMBEDDED = "embedded";

  public Destination {
    Objects.requireNonNull(name);
    Objects.requireNonNull(endpoint);
    Objects.requireNonNull(version);
    Objects.requireNonNull(username);
    Objects.requireNonNull(password);
  }

  /** The tool's own LRS, which takes statements in process rather than over HTTP. */
  public boolean isEmbedded() {
    return EMBEDDED.equals(name);
  }

  /** Whether statements can be sent: the embedded LRS always, an external one with an endpoint. */
  public boolean available() {
    return isEmbedded() || endpoint.isPresent();
  }

  /** Never the password. */
  @Override
  public String toString() {
    return name
        + " ("
        + endpoint.map(URI::toString).orElse(isEmbedded() ? "in process" : "no endpoint")
        + ", xAPI "
        + version.header()
        + ")";
  }
}
