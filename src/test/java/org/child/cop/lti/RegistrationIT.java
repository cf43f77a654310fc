package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.child.cop.Http;
import org.child.cop.ToolUnderTest;
import org.child.cop.lti.RegistrationPlatform.Shape;
import org.junit.jupiter.api.Test;

/**
 * LTI Dynamic Registration at /lti/register, from the LMS's, the administrator's and the attacker's
 * side. The tool runs in development mode with {@code lti.registration.allowed-hosts} set to {@code
 * localhost} (pom.xml): a test platform addressed as localhost is trusted at once, the same
 * platform addressed as 127.0.0.1 waits for approval.
 */
class RegistrationIT extends ToolUnderTest {

  private static final String AGS = "https://purl.imsglobal.org/spec/lti-ags/scope/";

  // --- registrations that succeed

  @Test
  void moodleRegistersAndAppearsWithItsDeploymentForTheAdministrator() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      HttpResponse<String> page = register(moodle);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body())
          .contains("CHILD CoP is registered with Moodle", moodle.clientId, "<code>7</code>")
          .contains("activate the new tool")
          .contains("id=\"finish-registration\" data-close=\"at-once\"")
          .contains("<script src=\"/static/registration.js\">")
          .doesNotContain(moodle.token);

      JsonObject platform = listed(moodle).orElseThrow();
      assertThat(platform.getString("status")).isEqualTo("ENABLED");
      assertThat(platform.getBoolean("enabled")).isTrue();
      assertThat(platform.getString("issuer")).isEqualTo(moodle.issuer());
      assertThat(platform.getString("name")).isEqualTo("Moodle at localhost");
      assertThat(platform.getString("registeredFrom")).isEqualTo(moodle.configurationUrl());
      assertThat(platform.getString("keysetUrl")).isEqualTo(moodle.base() + "/mod/lti/certs.php");
      JsonObject deployment = platform.getJsonArray("deployments").getJsonObject(0);
      assertThat(deployment.getString("deploymentId")).isEqualTo("7");
      assertThat(deployment.getString("status")).isEqualTo("CONFIRMED");
      // Moodle granted lineitem.readonly too, which the tool did not ask for and does not keep
      assertThat(scopes(platform))
          .containsExactlyInAnyOrder(
              AGS + "lineitem", AGS + "result.readonly", AGS + "score", RegistrationPlatform.NRPS);

      // and it can begin a launch at once
      assertThat(login(moodle).statusCode()).isEqualTo(303);
    }
  }

  @Test
  void theRegistrationCarriesTheToolsAddressesAndNoEmailClaim() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      assertThat(register(moodle).statusCode()).isEqualTo(200);

      JsonObject sent = moodle.lastRegistration();
      String base = toolBase();
      assertThat(sent.getString("initiate_login_uri")).isEqualTo(base + "/lti/login");
      assertThat(sent.getJsonArray("redirect_uris").getString(0)).isEqualTo(base + "/lti/launch");
      assertThat(sent.getString("jwks_uri")).isEqualTo(base + "/lti/jwks");
      assertThat(sent.getJsonArray("grant_types").getValuesAs(JsonString.class))
          .extracting(JsonString::getString)
          .containsExactlyInAnyOrder("implicit", "client_credentials");
      assertThat(sent.getString("scope").split(" "))
          .contains(
              AGS + "lineitem", AGS + "score", AGS + "result.readonly", RegistrationPlatform.NRPS);
      JsonObject tool = sent.getJsonObject(RegistrationPlatform.TOOL_CONFIGURATION);
      assertThat(tool.getString("target_link_uri")).isEqualTo(base + "/lti/launch");
      assertThat(tool.getJsonArray("claims").toString()).contains("name").doesNotContain("email");
      assertThat(tool.getJsonArray("messages").toString())
          .contains("LtiResourceLinkRequest", "LtiDeepLinkingRequest", "ContentArea");
    }
  }

  @Test
  void olderMoodleListingMessageTypesAsStringsRegistersToo() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.OLDER_MOODLE, "localhost")) {
      assertThat(register(moodle).statusCode()).isEqualTo(200);

      assertThat(listed(moodle))
          .hasValueSatisfying(p -> assertThat(p.getString("status")).isEqualTo("ENABLED"));
      assertThat(moodle.lastRegistration().toString()).contains("LtiDeepLinkingRequest");
    }
  }

  @Test
  void canvasRegistersWithoutADeploymentAndTheScopesItGrantedAreRecorded() {
    try (RegistrationPlatform canvas = new RegistrationPlatform(Shape.CANVAS, "localhost")) {
      HttpResponse<String> page = register(canvas);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("CHILD CoP is registered with Canvas")
          .contains("none yet: each deployment is recorded at its first launch")
          .doesNotContain("course rosters");
      JsonObject platform = listed(canvas).orElseThrow();
      assertThat(platform.getString("status")).isEqualTo("ENABLED");
      assertThat(platform.getJsonArray("deployments")).isEmpty();
      assertThat(scopes(platform))
          .containsExactlyInAnyOrder(AGS + "lineitem", AGS + "result.readonly", AGS + "score");
      JsonObject tool =
          canvas.lastRegistration().getJsonObject(RegistrationPlatform.TOOL_CONFIGURATION);
      assertThat(tool.getJsonArray("messages").toString())
          .contains("course_navigation", "link_selection", "assignment_selection")
          .doesNotContain("ContentArea", "editor_button");
      assertThat(tool.getString("https://canvas.instructure.com/lti/privacy_level"))
          .isEqualTo("name_only");
    }
  }

  // --- pending approval

  @Test
  void aHostNotOnTheAllowListWaitsForAnAdministratorsApproval() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "127.0.0.1")) {
      HttpResponse<String> page = register(moodle);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body())
          .contains("awaits approval", "A CHILD CoP administrator must approve this registration")
          // the LMS must not close the dialog before the administrator has read that
          .contains("id=\"finish-registration\">")
          .doesNotContain("at-once");
      JsonObject platform = listed(moodle).orElseThrow();
      String id = platform.getString("id");
      assertThat(page.body()).contains(id);
      assertThat(platform.getString("status")).isEqualTo("PENDING_APPROVAL");
      assertThat(platform.getBoolean("enabled")).isFalse();

      // refused like a switched-off platform, and not to be switched on around the approval
      HttpResponse<String> refused = login(moodle);
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.headers().firstValue("Location")).isEmpty();
      assertThat(refused.body()).contains("waits for a CHILD CoP administrator");
      HttpResponse<String> switchedOn =
          admin("PATCH", "/api/admin/lti/platforms/" + id, "{\"enabled\":true}");
      assertThat(switchedOn.statusCode()).isEqualTo(409);
      assertThat(Http.json(switchedOn).getString("detail")).contains("awaits approval");

      HttpResponse<String> approved =
          admin("POST", "/api/admin/lti/platforms/" + id + "/approval", null);

      assertThat(approved.statusCode()).isEqualTo(200);
      assertThat(Http.json(approved).getString("status")).isEqualTo("ENABLED");
      assertThat(login(moodle).statusCode()).isEqualTo(303);
      HttpResponse<String> again =
          admin("POST", "/api/admin/lti/platforms/" + id + "/approval", null);
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(Http.json(again).getString("detail")).contains("is not awaiting approval");
    }
  }

  @Test
  void onlyTheAdministratorCanApprove() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "127.0.0.1")) {
      register(moodle);
      String id = listed(moodle).orElseThrow().getString("id");

      for (String authorization :
          new String[] {null, Http.basic("admin", "wrong-password"), "Bearer " + moodle.token}) {
        var request =
            Http.request(at("/api/admin/lti/platforms/" + id + "/approval"))
                .header("Accept", "application/json")
                .POST(BodyPublishers.noBody());
        if (authorization != null) {
          request.header("Authorization", authorization);
        }
        assertThat(Http.send(request).statusCode())
            .as(String.valueOf(authorization))
            .isEqualTo(401);
      }
      assertThat(listed(moodle).orElseThrow().getString("status")).isEqualTo("PENDING_APPROVAL");
      assertThat(login(moodle).statusCode()).isEqualTo(403);
    }
  }

  // --- the registration token

  @Test
  void theTokenGoesOnlyToTheRegistrationEndpoint() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      HttpResponse<String> page = register(moodle);

      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(moodle.configurationRequests()).hasSize(1);
      assertThat(moodle.configurationRequests().get(0).authorization()).isNull();
      assertThat(moodle.registrations())
          .singleElement()
          .satisfies(post -> assertThat(post.authorization()).isEqualTo("Bearer " + moodle.token));
      assertThat(moodle.received).hasSize(2);
      assertThat(admin("GET", "/api/admin/lti/platforms", null).body())
          .doesNotContain(moodle.token);
    }
  }

  @Test
  void aTokenThePlatformRefusesStoresNothingAndSaysWhatToDo() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      HttpResponse<String> response =
          register(
              moodle, moodle.configurationUrl(), "not-the-platforms-token", "application/json");

      assertThat(response.statusCode()).isEqualTo(502);
      assertThat(Http.json(response).getString("detail"))
          .contains("refused the registration with HTTP 401", "token_already_used")
          .contains("start the registration again from the LMS");
      assertThat(listed(moodle)).isEmpty();
    }
  }

  // --- what the LMS handed over is wrong

  @Test
  void missingParametersAreA400PageThatSaysWhichOnes() {
    for (String query :
        new String[] {
          "", "?openid_configuration=http%3A%2F%2Flocalhost%2Fx", "?registration_token=t"
        }) {
      HttpResponse<String> page =
          Http.send(Http.request(at("/lti/register" + query)).header("Accept", "text/html"));

      assertThat(page.statusCode()).as(query).isEqualTo(400);
      assertThat(page.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(page.body())
          .as(query)
          .contains("<main id=\"main\">", "openid_configuration and registration_token")
          .doesNotContain("Exception", "\tat ");
    }
  }

  @Test
  void oneNetworkSourceThatKeepsRegisteringIsHeldOffWhileOthersAreNot() throws IOException {
    // the attacker's requests come from 127.0.0.2, so the other tests' count (127.0.0.1) is theirs
    String probe = "/lti/register?openid_configuration=x&registration_token=t";
    // what failsafe gives the server (pom.xml), else the tool's default
    int allowed =
        Integer.parseInt(
            Optional.ofNullable(System.getenv("LTI_REGISTRATION_ATTEMPTS_PER_HOUR")).orElse("10"));
    for (int i = 0; i < allowed; i++) {
      assertThat(statusLine(fromSource("127.0.0.2", probe)))
          .as("attempt " + (i + 1))
          .contains("400");
    }

    String refused = fromSource("127.0.0.2", probe);

    assertThat(statusLine(refused)).contains("429");
    assertThat(refused)
        .containsPattern("(?im)^Retry-After: [1-9][0-9]*\\r?$")
        .contains("Too many registration attempts from your network")
        .doesNotContain("Exception");
    // another source is not held off
    assertThat(statusLine(fromSource("127.0.0.3", probe))).contains("400");
  }

  @Test
  void aConfigurationThatIsNotJsonIsA400() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      moodle.configurationBody = "<html><body>Moodle is being upgraded</body></html>";

      HttpResponse<String> response = registerForJson(moodle);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).getString("detail"))
          .isEqualTo(
              "The OpenID configuration at "
                  + moodle.configurationUrl()
                  + " is not a JSON object.");
      assertThat(moodle.registrations()).isEmpty();
    }
  }

  @Test
  void aConfigurationMissingFieldsIsA400NamingThem() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      moodle.configurationBody = "{\"issuer\": \"" + moodle.base() + "\", \"jwks_uri\": \"x\"}";

      HttpResponse<String> response = registerForJson(moodle);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).getString("detail"))
          .startsWith("The platform's OpenID configuration lacks authorization_endpoint,")
          .contains("registration_endpoint", "lti-platform-configuration");
      assertThat(moodle.registrations()).isEmpty();
    }
  }

  @Test
  void theSameIssuerAndClientIdCannotRegisterTwice() {
    try (RegistrationPlatform canvas = new RegistrationPlatform(Shape.CANVAS, "localhost")) {
      assertThat(register(canvas).statusCode()).isEqualTo(200);

      HttpResponse<String> again = registerForJson(canvas);

      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(Http.json(again).getString("detail"))
          .contains("already has a registration for issuer " + canvas.issuer())
          .contains("client id " + canvas.clientId)
          .contains("ask a CHILD CoP administrator to delete it first");
      assertThat(listed(canvas))
          .hasValueSatisfying(p -> assertThat(p.getString("status")).isEqualTo("ENABLED"));
    }
  }

  // --- from the attacker's side

  @Test
  void aRegistrationEndpointOnAnotherHostNeverReceivesTheToken() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "127.0.0.1")) {
      // the same server under another name: a request would arrive, if the tool sent one
      moodle.registrationEndpoint =
          moodle.base().replace("127.0.0.1", "localhost") + "/mod/lti/openid-registration.php";

      HttpResponse<String> response = registerForJson(moodle);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).getString("detail"))
          .contains(
              "registration endpoint (localhost) is not on the host the OpenID configuration came from (127.0.0.1)");
      assertThat(moodle.registrations()).isEmpty();
      assertThat(listed(moodle)).isEmpty();
    }
  }

  @Test
  void aConfigurationClaimingAnotherPlatformsIssuerIsRefused() {
    try (RegistrationPlatform fake = new RegistrationPlatform(Shape.CANVAS, "localhost")) {
      fake.issuer = "https://canvas.instructure.com";

      HttpResponse<String> response = registerForJson(fake);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).getString("detail"))
          .contains("The issuer https://canvas.instructure.com is not on the host");
      assertThat(fake.registrations()).isEmpty();
    }
  }

  @Test
  void internalAddressesAreNeverFetched() {
    for (String target :
        List.of(
            "https://169.254.169.254/latest/meta-data/",
            "https://10.0.0.1/mod/lti/openid-configuration.php",
            "https://[fd00::1]/openid-configuration",
            "http://169.254.169.254/latest/meta-data/",
            "file:///etc/passwd",
            "https://0.0.0.0/")) {
      HttpResponse<String> response =
          register(null, target, "eyJ0eXAiOiJKV1QifQ.e30.c2ln", "application/json");

      assertThat(response.statusCode()).as(target).isEqualTo(400);
      assertThat(Http.json(response).getString("detail"))
          .as(target)
          .containsAnyOf(
              "a private or reserved address", "must use https", "an absolute URL with a host");
    }
  }

  @Test
  void aRedirectIsNotFollowed() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      HttpResponse<String> response =
          register(moodle, moodle.base() + "/moved", moodle.token, "application/json");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).getString("detail"))
          .contains("answered HTTP 302", "does not follow");
      assertThat(moodle.registrations()).isEmpty();
    }
  }

  @Test
  void aTokenThatCouldBreakTheHeaderIsRefusedBeforeAnyRequest() {
    try (RegistrationPlatform moodle = new RegistrationPlatform(Shape.MOODLE, "localhost")) {
      HttpResponse<String> response =
          register(moodle, moodle.configurationUrl(), "abc\r\nX-Injected: 1", "application/json");

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(Http.json(response).getString("detail")).contains("not a bearer token");
      assertThat(moodle.received).isEmpty();
    }
  }

  @Test
  void theFinishingScriptTellsTheLmsToCloseItsDialog() {
    HttpResponse<String> script =
        Http.send(Http.request(at("/static/registration.js")).header("Accept", "*/*"));

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/javascript"));
    assertThat(script.body())
        .contains("(window.opener || window.parent).postMessage(")
        .contains("subject: 'org.imsglobal.lti.close'")
        .contains("finish-registration", "at-once");
  }

  // --- helpers

  private HttpResponse<String> register(RegistrationPlatform platform) {
    return register(platform, platform.configurationUrl(), platform.token, "text/html");
  }

  private HttpResponse<String> registerForJson(RegistrationPlatform platform) {
    return register(platform, platform.configurationUrl(), platform.token, "application/json");
  }

  /** A raw request from a loopback address of the test's choice (HttpClient cannot bind one). */
  private String fromSource(String source, String pathAndQuery) throws IOException {
    URI tool = URI.create(toolBase());
    try (Socket socket =
        new Socket(
            InetAddress.getByName("127.0.0.1"), tool.getPort(), InetAddress.getByName(source), 0)) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET "
                      + pathAndQuery
                      + " HTTP/1.1\r\nHost: "
                      + tool.getAuthority()
                      + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String statusLine(String response) {
    return response.lines().findFirst().orElse("");
  }

  /** What the LMS's iframe requests (a browser asks for HTML; the problem tests ask for JSON). */
  private HttpResponse<String> register(
      RegistrationPlatform platform, String configurationUrl, String token, String accept) {
    return Http.send(
        Http.request(
                at(
                    "/lti/register?openid_configuration="
                        + Http.encoded(configurationUrl)
                        + "&registration_token="
                        + Http.encoded(token)))
            .header("Accept", accept));
  }

  private HttpResponse<String> login(RegistrationPlatform platform) {
    return Http.send(
        Http.request(
                at(
                    "/lti/login?iss="
                        + Http.encoded(platform.issuer())
                        + "&login_hint=u&client_id="
                        + Http.encoded(platform.clientId)
                        + "&target_link_uri="
                        + Http.encoded(toolBase() + "/lti/launch")))
            .header("Accept", "application/json"));
  }

  private Optional<JsonObject> listed(RegistrationPlatform platform) {
    HttpResponse<String> response = admin("GET", "/api/admin/lti/platforms", null);
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.json("{\"platforms\":" + response.body() + "}")
        .getJsonArray("platforms")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(p -> p.getString("issuer").equals(platform.issuer()))
        .filter(p -> p.getString("clientId").equals(platform.clientId))
        .findFirst();
  }

  private static List<String> scopes(JsonObject platform) {
    return platform.getJsonArray("grantedScopes").getValuesAs(JsonString.class).stream()
        .map(JsonString::getString)
        .toList();
  }

  private HttpResponse<String> admin(String method, String path, String body) {
    return Http.send(
        Http.request(at(path))
            .header("Authorization", ADMIN)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
  }
}
