package org.child.cop.xapi;

import java.util.Objects;

/**
 * An attachment's metadata: the content itself travels in a multipart request or at {@code
 * fileUrl}.
 */
public record Attachment(
    String usageType,
    LanguageMap display,
    LanguageMap description,
    String contentType,
    long length,
    String sha2,
    String fileUrl) {

  public Attachment {
    Objects.requireNonNull(usageType, "usageType");
    Objects.requireNonNull(display, "display");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(sha2, "sha2");
    Violations violations = new Violations();
    Syntax.requireIri(violations, usageType, "usageType");
    violations.require(
        Syntax.isMediaType(contentType), "contentType", "must be an Internet media type");
    violations.require(length >= 0, "length", "must not be negative");
    violations.require(
        Syntax.isSha2Hex(sha2), "sha2", "must be a hexadecimal SHA-2 (224, 256, 384 or 512 bits)");
    if (fileUrl != null) {
      violations.require(Syntax.isAbsoluteIri(fileUrl), "fileUrl", "must be an absolute IRL");
    }
    violations.throwIfAny();
  }
}
