package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PlatformUrlsTest {

  @Test
  void acceptsHttpsEverywhere() {
    assertThat(
            PlatformUrls.check(" https://moodle.example.org/mod/lti/auth.php ", "auth URL", false))
        .isEqualTo(URI.create("https://moodle.example.org/mod/lti/auth.php"));
  }

  @Test
  void acceptsPlainHttpOnlyOnThisMachineInDevelopmentMode() {
    assertThat(PlatformUrls.check("http://localhost:8081/auth", "auth URL", true)).isNotNull();
    assertThat(PlatformUrls.check("http://127.0.0.1/auth", "auth URL", true)).isNotNull();

    assertThatThrownBy(() -> PlatformUrls.check("http://localhost:8081/auth", "auth URL", false))
        .hasMessage("the auth URL must use https");
    assertThatThrownBy(() -> PlatformUrls.check("http://lms.example.org/auth", "auth URL", true))
        .hasMessageContaining("must use https");
  }

  @Test
  void refusesWhatIsNotAWebAddressOrCarriesSecrets() {
    for (String wrong :
        new String[] {
          "",
          "  ",
          "moodle.example.org/auth",
          "https:///path",
          "ftp://lms.example.org/x",
          "https://user:pass@lms.example.org/x",
          "https://lms.example.org/x#frag",
          "https://lms .org/x",
          "javascript:alert(1)",
          "https://" + "a".repeat(2000) + ".org"
        }) {
      assertThatThrownBy(() -> PlatformUrls.check(wrong, "key set URL", true))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("the key set URL");
    }
  }
}
