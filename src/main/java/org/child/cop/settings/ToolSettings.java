package org.child.cop.settings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public base URL LMSs and browsers use, and the development-mode switch. */
@ApplicationScoped
public class ToolSettings {

  private static final Logger LOG = Logger.getLogger(ToolSettings.class.getName());

  @Inject
  @ConfigProperty(name = "tool.base-url")
  String baseUrl;

  @Inject
  @ConfigProperty(name = "tool.dev-mode", defaultValue = "false")
  boolean developmentMode;

  private URI base;

  @PostConstruct
  void check() {
    base = parseBaseUrl(baseUrl);
    if (!developmentMode && isLoopback(base)) {
      // statements keep the activity IRIs made from this address for ever
      LOG.warning(
          () ->
              "tool.base-url "
                  + base
                  + " is this machine's own address outside development mode: LMSs cannot reach"
                  + " it, and the xAPI activity ids made from it would stay wrong; set the public"
                  + " https address");
    }
    if (!developmentMode && "http".equals(base.getScheme()) && !isLoopback(base)) {
      // LMSs refuse plain-http tools; say so now rather than at the first failed launch.
      LOG.warning(
          () ->
              "tool.base-url "
                  + base
                  + " is plain http outside development mode: LMSs will refuse it; use https");
    }
  }

  /** The base URL without a trailing slash, e.g. {@code https://cop.example.org}. */
  public URI baseUrl() {
    return base;
  }

  public boolean developmentMode() {
    return developmentMode;
  }

  static URI parseBaseUrl(String value) {
    URI uri;
    try {
      uri = URI.create(value.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("tool.base-url is not a URL: " + value, e);
    }
    String scheme = uri.getScheme();
    if (!("http".equals(scheme) || "https".equals(scheme)) || uri.getHost() == null) {
      throw new IllegalStateException(
          "tool.base-url must be an absolute http(s) URL such as https://cop.example.org, not "
              + value);
    }
    if (uri.getQuery() != null || uri.getFragment() != null) {
      throw new IllegalStateException("tool.base-url must not carry a query or fragment: " + value);
    }
    String text = uri.toString();
    return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  /** True for addresses on this machine: localhost, 127.0.0.0/8 and [::1]. */
  public static boolean isLoopback(URI uri) {
    String host = uri.getHost();
    return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "[::1]".equals(host);
  }
}
