package org.child.cop.lrs.control;

import java.util.Objects;

/** The raw content of an attachment, sent as a part of a multipart/mixed request. */
public record AttachmentContent(String sha2, String contentType, byte[] bytes) {

  public AttachmentContent {
    Objects.requireNonNull(sha2, "sha2");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(bytes, "bytes");
    sha2 = sha2.toLowerCase(java.util.Locale.ROOT);
  }
}
