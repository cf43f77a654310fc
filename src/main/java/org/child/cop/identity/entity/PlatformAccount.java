package org.child.cop.identity.entity;

import java.util.Objects;

/** Who someone is to an LMS: its issuer and the subject it gives them, together. */
public record PlatformAccount(String issuer, String subject) {

  public PlatformAccount {
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(subject, "subject");
    if (issuer.isBlank() || subject.isBlank()) {
      throw new IllegalArgumentException("a platform account needs an issuer and a subject");
    }
    if (issuer.length() > 255 || subject.length() > 255) {
      throw new IllegalArgumentException("an issuer or subject is longer than 255 characters");
    }
  }
}
