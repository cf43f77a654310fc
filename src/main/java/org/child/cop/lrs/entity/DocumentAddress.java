package org.child.cop.lrs.entity;

import java.util.Objects;
import java.util.UUID;

/**
 * One document: its scope, the registration for State documents (null for none, which is a place of
 * its own, not "any"), and the id the client gave it.
 */
public record DocumentAddress(DocumentScope scope, UUID registration, String documentId) {

  public DocumentAddress {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(documentId, "documentId");
    if (registration != null && scope.kind() != DocumentKind.STATE) {
      throw new IllegalArgumentException("only State documents have a registration");
    }
  }

  /** The registration as stored: '' for none, so the unique key needs no NULLs. */
  String storedRegistration() {
    return registration == null ? "" : registration.toString();
  }
}
