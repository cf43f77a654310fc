package org.child.cop.identity.boundary;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A user name and password from an {@code Authorization: Basic} header (RFC 7617, UTF-8). */
record BasicCredentials(String user, char[] password) {

  static Optional<BasicCredentials> from(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).strip()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new BasicCredentials(
            decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
  }
}
