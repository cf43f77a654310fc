package org.child.cop.lti.control;

import java.net.URI;
import java.net.URISyntaxException;
import org.child.cop.settings.ToolSettings;

/**
 * What a platform endpoint URL must look like: absolute https, no credentials, no fragment. Plain
 * http is accepted only in development mode and only on this machine (a local Moodle, the demo
 * platform), so that no production token or key ever travels unencrypted.
 */
public final class PlatformUrls {

  private PlatformUrls() {}

  public static URI check(String value, String what, boolean developmentMode) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the " + what + " is required");
    }
    if (value.length() > 2000) {
      throw new IllegalArgumentException("the " + what + " is longer than 2000 characters");
    }
    URI uri;
    try {
      uri = new URI(value.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the " + what + " is not a URL: " + e.getReason());
    }
    if (!uri.isAbsolute() || uri.getHost() == null) {
      throw new IllegalArgumentException("the " + what + " must be an absolute URL with a host");
    }
    if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "the " + what + " must not carry credentials or a fragment");
    }
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    boolean localHttp =
        "http".equalsIgnoreCase(uri.getScheme()) && developmentMode && ToolSettings.isLoopback(uri);
    if (!https && !localHttp) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " must use https"
              + (developmentMode ? " (http only for localhost in development mode)" : ""));
    }
    return uri;
  }
}
