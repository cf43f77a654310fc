package org.child.cop;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser in the development-mode demo course: it follows the demo platform's self-submitting
 * forms and the tool's redirects, keeping the state cookie as a browser would.
 */
public final class DemoCourse {

  private static final Pattern ACTION = Pattern.compile("<form[^>]* action=\"([^\"]*)\"");
  private static final Pattern INPUT =
      Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">");

  private DemoCourse() {}

  /** Launches from the demo course and returns the page the tool lands on. */
  public static HttpResponse<String> launch(URI tool, String as, String activity) {
    HttpResponse<String> start =
        Http.page(
            tool.resolve(
                "/demo/start?as="
                    + as
                    + (activity == null ? "" : "&custom=" + Http.encoded(activity))));
    assertThat(start.statusCode()).as(start.body()).isEqualTo(200);
    HttpResponse<String> login = submit(tool, start.body(), null);
    assertThat(login.statusCode()).as(login.body()).isEqualTo(303);
    String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    HttpResponse<String> authorized =
        Http.page(URI.create(login.headers().firstValue("Location").orElseThrow()));
    assertThat(authorized.statusCode()).as(authorized.body()).isEqualTo(200);
    HttpResponse<String> launched = submit(tool, authorized.body(), cookie);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    return Http.page(tool.resolve(launched.headers().firstValue("Location").orElseThrow()));
  }

  /** Submits the page's (first) form as its script would. */
  public static HttpResponse<String> submit(URI tool, String page, String cookie) {
    Matcher action = ACTION.matcher(page);
    assertThat(action.find()).as(page).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher input = INPUT.matcher(page);
    while (input.find()) {
      fields.put(unescaped(input.group(1)), unescaped(input.group(2)));
    }
    var request =
        Http.request(tool.resolve(unescaped(action.group(1))))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "text/html")
            .POST(
                BodyPublishers.ofString(
                    fields.entrySet().stream()
                        .map(e -> e.getKey() + "=" + Http.encoded(e.getValue()))
                        .collect(Collectors.joining("&"))));
    if (cookie != null) {
      request.header("Cookie", cookie);
    }
    return Http.send(request);
  }

  private static String unescaped(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
