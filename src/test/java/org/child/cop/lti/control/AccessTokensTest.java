package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private static final String SCORE = "https://purl.imsglobal.org/spec/lti-ags/scope/score";
  private static final String LINE_ITEM = "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem";
  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void theSameScopesInAnyOrderShareOneKey() {
    assertThat(
            AccessTokens.Key.of(
                "https://canvas.instructure.com", "1000", List.of(SCORE, LINE_ITEM)))
        .isEqualTo(
            AccessTokens.Key.of(
                "https://canvas.instructure.com", "1000", List.of(LINE_ITEM, SCORE)));
  }

  @Test
  void anotherRegistrationOrOtherScopesHaveAnotherKey() {
    var key = AccessTokens.Key.of("https://canvas.instructure.com", "1000", List.of(SCORE));
    assertThat(AccessTokens.Key.of("https://canvas.instructure.com", "1001", List.of(SCORE)))
        .isNotEqualTo(key);
    assertThat(AccessTokens.Key.of("https://moodle.example.org", "1000", List.of(SCORE)))
        .isNotEqualTo(key);
    assertThat(
            AccessTokens.Key.of(
                "https://canvas.instructure.com", "1000", List.of(SCORE, LINE_ITEM)))
        .isNotEqualTo(key);
  }

  @Test
  void aTokenServesUntilShortlyBeforeItExpires() {
    AccessTokens tokens = new AccessTokens();
    var key = AccessTokens.Key.of("https://lms", "c", List.of(SCORE));
    tokens.keep(key, AccessTokens.Token.issued("t", Duration.ofHours(1), NOW));

    assertThat(tokens.usable(key, NOW.plus(Duration.ofMinutes(59)))).isNotNull();
    assertThat(tokens.usable(key, NOW.plus(Duration.ofMinutes(59)).plusSeconds(31))).isNull();
    assertThat(tokens.usable(AccessTokens.Key.of("https://lms", "c", List.of(LINE_ITEM)), NOW))
        .isNull();
  }

  @Test
  void aShortLivedTokenKeepsAQuarterOfItsLifeInReserve() {
    var token = AccessTokens.Token.issued("t", Duration.ofSeconds(60), NOW);
    assertThat(token.usableUntil()).isEqualTo(NOW.plusSeconds(45));
  }

  @Test
  void aRefusedTokenIsDroppedButNotANewerOne() {
    AccessTokens tokens = new AccessTokens();
    var key = AccessTokens.Key.of("https://lms", "c", List.of(SCORE));
    var refused = AccessTokens.Token.issued("old", Duration.ofHours(1), NOW);
    var newer = AccessTokens.Token.issued("new", Duration.ofHours(1), NOW);
    tokens.keep(key, newer);

    tokens.drop(key, refused);
    assertThat(tokens.usable(key, NOW)).isSameAs(newer);
    tokens.drop(key, newer);
    assertThat(tokens.usable(key, NOW)).isNull();
  }

  @Test
  void theTokenValueNeverAppearsInItsDescription() {
    assertThat(AccessTokens.Token.issued("secret-token", Duration.ofHours(1), NOW).toString())
        .doesNotContain("secret-token");
  }

  @Test
  void scopesThePlatformDidNotGrantStopTheCall() {
    PlatformServices.requireGranted(null, SCORE);
    PlatformServices.requireGranted(SCORE + " " + LINE_ITEM, SCORE);
    assertThatThrownBy(() -> PlatformServices.requireGranted(LINE_ITEM, SCORE + " " + LINE_ITEM))
        .isInstanceOf(ServiceCallFailed.class)
        .hasMessageContaining(SCORE)
        .matches(e -> ((ServiceCallFailed) e).permanent());
  }
}
