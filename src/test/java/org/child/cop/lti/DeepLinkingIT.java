package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.child.cop.Http;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A course designer places an activity through deep linking: the catalogue, the signed answer the
 * LMS verifies, and the placed link opening that activity later.
 */
class DeepLinkingIT extends LaunchingTest {

  private static FakePlatform moodle;

  @BeforeAll
  static void platform() {
    moodle = new FakePlatform("https://moodle.fake.test");
  }

  @AfterAll
  static void stop() {
    moodle.close();
  }

  @Test
  void aPlacedActivityComesBackSignedToTheReturnUrlAndOpensWhenLaunched() throws Exception {
    registerOnce(moodle, "1");
    HttpResponse<String> catalogue = designerOpensTheCatalogue("opaque-platform-data");
    assertThat(catalogue.body())
        .contains("Place an activity", "Community space", "<label for=\"title\">");

    HttpResponse<String> answer =
        Http.send(
            Http.request(at(formAction(catalogue.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "template=community-space&title=" + Http.encoded("Our <space>"))));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(formAction(answer.body()))
        .isEqualTo(moodle.origin() + "/deep-link-return?course=42");
    JWTClaimsSet response = verifiedWithToolKeys(hiddenField(answer.body(), "JWT"));
    assertThat(response.getIssuer()).isEqualTo(moodle.clientId);
    assertThat(response.getAudience()).containsExactly(moodle.issuer);
    assertThat(response.getExpirationTime()).isNotNull();
    assertThat(response.getStringClaim("nonce")).isNotBlank();
    assertThat(response.getStringClaim(FakePlatform.LTI + "message_type"))
        .isEqualTo("LtiDeepLinkingResponse");
    assertThat(response.getStringClaim(FakePlatform.LTI + "version")).isEqualTo("1.3.0");
    assertThat(response.getStringClaim(FakePlatform.LTI + "deployment_id")).isEqualTo("1");
    assertThat(response.getStringClaim(DL + "data")).isEqualTo("opaque-platform-data");
    List<Object> items = response.getListClaim(DL + "content_items");
    assertThat(items).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> item = (Map<String, Object>) items.get(0);
    assertThat(item)
        .containsEntry("type", "ltiResourceLink")
        .containsEntry("title", "Our <space>")
        .containsEntry("url", toolBase() + "/lti/launch")
        .doesNotContainKey("lineItem");
    @SuppressWarnings("unchecked")
    Map<String, Object> custom = (Map<String, Object>) item.get("custom");
    assertThat(custom).containsEntry("activity", "community-space").containsKey("placement");

    Login login = login(moodle);
    HttpResponse<String> opened =
        landing(
            launch(
                moodle.sign(
                    moodle
                        .moodleLaunch(login.nonce(), "1")
                        .claim(FakePlatform.LTI + "custom", custom)
                        .build()),
                login));
    assertThat(opened.body()).contains("Who takes part", "Welcome, Ada");
  }

  @Test
  void aPlacementWithoutANameIsSentBackWithAMessageAndNothingGoesToTheLms() {
    registerOnce(moodle, "1");
    HttpResponse<String> catalogue = designerOpensTheCatalogue(null);

    HttpResponse<String> again =
        Http.send(
            Http.request(at(formAction(catalogue.body())))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(BodyPublishers.ofString("template=community-space&title=%20%20")));

    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body())
        .contains("role=\"alert\"", "Give the activity a name")
        .doesNotContain("name=\"JWT\"");
  }

  @Test
  void anActivityCannotBePlacedFromALearnersLaunch() {
    registerOnce(moodle, "1");
    Login login = login(moodle);
    String location =
        launch(moodle.sign(moodle.moodleLaunch(login.nonce(), "1").build()), login)
            .headers()
            .firstValue("Location")
            .orElseThrow();
    String token = Http.queryOf(location).get("launch");

    HttpResponse<String> attempt =
        Http.send(
            Http.request(at("/activities/placements?launch=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(BodyPublishers.ofString("template=community-space&title=Mine")));

    assertThat(attempt.statusCode()).isEqualTo(400);
    assertThat(attempt.body()).contains("course editor").doesNotContain("JWT");
  }

  static final String DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

  private HttpResponse<String> designerOpensTheCatalogue(String data) {
    Login login = login(moodle);
    HttpResponse<String> page =
        landing(
            launch(
                moodle.sign(moodle.deepLinkingRequest(login.nonce(), "1", data).build()), login));
    assertThat(page.statusCode()).isEqualTo(200);
    return page;
  }

  private JWTClaimsSet verifiedWithToolKeys(String jwt) throws Exception {
    JWKSet keys = JWKSet.parse(Http.get(at("/lti/jwks")).body());
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
    return processor.process(jwt, null);
  }

  private static String formAction(String page) {
    return unescaped(first(page, "<form[^>]* action=\"([^\"]+)\""));
  }

  private static String hiddenField(String page, String name) {
    return unescaped(first(page, "name=\"" + name + "\" value=\"([^\"]+)\""));
  }

  private static String first(String page, String regex) {
    Matcher matcher = Pattern.compile(regex).matcher(page);
    assertThat(matcher.find()).as(page).isTrue();
    return matcher.group(1);
  }

  private static String unescaped(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }
}
