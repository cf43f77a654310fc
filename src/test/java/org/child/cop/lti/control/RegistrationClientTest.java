package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationClientTest {

  @Test
  void aPlatformsErrorIsShownShortOnOneLineAndWithoutTheToken() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";

    String excerpt =
        RegistrationClient.excerpt(
            "{\"error\": \"token_already_used\",\n\"token\": \"" + token + "\"}" + "x".repeat(500),
            token);

    assertThat(excerpt)
        .startsWith(": {\"error\": \"token_already_used\", \"token\": \"[registration token]\"}")
        .doesNotContain(token, "\n")
        .hasSizeLessThan(210);
    assertThat(RegistrationClient.excerpt("  ", token)).isEmpty();
  }
}
