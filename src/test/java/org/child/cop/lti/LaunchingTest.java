package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import org.child.cop.Http;
import org.child.cop.ToolUnderTest;

/** The tool under test with the steps of a launch, as an LMS and a browser take them. */
public abstract class LaunchingTest extends ToolUnderTest {

  /** A login begun at /lti/login, as the browser holds it afterwards. */
  protected record Login(String state, String nonce, String cookie) {}

  /** Registers the platform on first use and returns its id; tests may run in any order. */
  protected String registerOnce(FakePlatform platform, String deploymentId) {
    HttpResponse<String> created =
        Http.send(
            Http.request(at("/api/admin/lti/platforms"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(platform.registration(deploymentId))));
    if (created.statusCode() == 201) {
      return Http.json(created).getString("id");
    }
    assertThat(created.statusCode()).isEqualTo(409);
    return Http.json("{\"p\":" + admin("/api/admin/lti/platforms").body() + "}")
        .getJsonArray("p")
        .getValuesAs(jakarta.json.JsonObject.class)
        .stream()
        .filter(p -> p.getString("clientId").equals(platform.clientId))
        .map(p -> p.getString("id"))
        .findFirst()
        .orElseThrow();
  }

  /** The platform's login initiation, as the tool answers it (303 when it goes ahead). */
  protected HttpResponse<String> beginLogin(FakePlatform platform) {
    return beginLogin(platform, "u", "");
  }

  /** The same for this login hint, with more parameters ({@code name=value&} each). */
  protected HttpResponse<String> beginLogin(FakePlatform platform, String loginHint, String more) {
    return Http.send(
        Http.request(
            at(
                "/lti/login?iss="
                    + Http.encoded(platform.issuer)
                    + "&login_hint="
                    + Http.encoded(loginHint)
                    + "&client_id="
                    + Http.encoded(platform.clientId)
                    + "&"
                    + more
                    + "target_link_uri="
                    + Http.encoded(toolBase() + "/lti/launch"))));
  }

  protected Login login(FakePlatform platform) {
    HttpResponse<String> response = beginLogin(platform);
    assertThat(response.statusCode()).isEqualTo(303);
    Map<String, String> query =
        Http.queryOf(response.headers().firstValue("Location").orElseThrow());
    String cookie = response.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
    return new Login(query.get("state"), query.get("nonce"), cookie);
  }

  protected HttpResponse<String> launch(String idToken, Login login) {
    var request =
        Http.request(at("/lti/launch"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json;q=0.9,text/html;q=0.8")
            .POST(
                BodyPublishers.ofString(
                    "id_token=" + Http.encoded(idToken) + "&state=" + Http.encoded(login.state())));
    if (login.cookie() != null) {
      request.header("Cookie", login.cookie());
    }
    return Http.send(request);
  }

  /** Follows the launch's redirect to the page it lands on, as the browser does. */
  protected HttpResponse<String> landing(HttpResponse<String> launched) {
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(303);
    String location = launched.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/activities?launch=");
    return Http.send(
        Http.request(at(location)).header("Accept", "text/html,application/xhtml+xml"));
  }

  protected HttpResponse<String> admin(String path) {
    return Http.send(Http.request(at(path)).header("Authorization", ADMIN));
  }
}
