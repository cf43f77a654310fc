package org.child.cop.identity.control;

import java.time.Duration;

/** The outcome of an administrator sign-in attempt. */
public sealed interface SignIn {

  /** The credential is right. */
  record Admitted() implements SignIn {}

  /** A wrong credential; {@code failures} of {@code allowed} used up from this address. */
  record Refused(int failures, int allowed) implements SignIn {}

  /** Too many failures from this address: it must wait. */
  record LockedOut(Duration retryAfter) implements SignIn {}

  /** No credential can be checked yet (the database is not migrated). */
  record Unavailable() implements SignIn {}
}
