package org.child.cop.lti.boundary;

import java.net.URI;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.child.cop.lti.control.RegisteredPlatform;
import org.child.cop.pages.Html;

/**
 * LTI client-side platform storage (the {@code lti_storage_target} postMessage API): where a
 * browser that refuses cookies in the LMS iframe keeps the login state. The pages here only carry
 * data attributes; {@code /static/lti-storage.js} does the messaging.
 */
final class PlatformStorage {

  // "_parent" or the name of a frame of the platform's page, never anything that could break out
  private static final Pattern TARGET = Pattern.compile("_parent|_top|[A-Za-z0-9_-]{1,64}");

  private PlatformStorage() {}

  static boolean isTarget(String value) {
    return value != null && TARGET.matcher(value).matches();
  }

  /**
   * The origin messages go to and replies must come from. Canvas answers from a forwarding frame on
   * another host than its login endpoint, so for Canvas the target is any origin and replies are
   * matched by window and message id.
   */
  static String origin(RegisteredPlatform platform) {
    URI issuer = URI.create(platform.issuer());
    if (issuer.getHost() != null && issuer.getHost().endsWith("instructure.com")) {
      return "*";
    }
    URI auth = platform.authorizationUrl();
    return auth.getScheme() + "://" + auth.getRawAuthority();
  }

  /** The element the script reads: what to store or fetch, where, and what comes next. */
  static String element(
      String mode, String target, RegisteredPlatform platform, Map<String, String> data) {
    String attributes =
        data.entrySet().stream()
            .map(e -> " data-" + e.getKey() + "=\"" + Html.escape(e.getValue()) + "\"")
            .collect(Collectors.joining());
    return "<div id=\"lti-storage\" hidden data-mode=\""
        + mode
        + "\" data-target=\""
        + Html.escape(target)
        + "\" data-origin=\""
        + Html.escape(origin(platform))
        + "\""
        + attributes
        + "></div><script src=\"/static/lti-storage.js\"></script>";
  }

  /** A link that begins the same login top-level, where the state cookie is first-party. */
  static String newWindowLink(Map<String, String> initiation) {
    String query =
        initiation.entrySet().stream()
            .map(
                e ->
                    e.getKey()
                        + "="
                        + java.net.URLEncoder.encode(
                            e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return "<p><a class=\"button\" href=\"/lti/login?"
        + Html.escape(query)
        + "\" target=\"_blank\" rel=\"noopener\">Open CHILD CoP in a new window</a></p>";
  }
}
