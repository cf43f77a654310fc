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

  /**
   * Whether statements can be sent now. The embedded LRS arrives with the embedded-LRS issue: until
   * then its statements wait in the outbox, and are sent once it exists.
   */
  public boolean available() {
    return endpoint.isPresent();
  }

  /** Never the password. */
  @Override
  public String toString() {
    return name
        + " ("
        + endpoint.map(URI::toString).orElse("not available yet")
        + ", xAPI "
        + version.header()
        + ")";
  }
}
