package org.child.cop.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

  private static String basic(String raw) {
    return "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsUserAndPasswordWithColonsAndNonAsciiInThePassword() {
    var credentials = BasicCredentials.from(basic("admin:pa:ss wörd")).orElseThrow();

    assertThat(credentials.user()).isEqualTo("admin");
    assertThat(new String(credentials.password())).isEqualTo("pa:ss wörd");
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertThat(BasicCredentials.from("basic " + basic("a:b").substring(6))).isPresent();
  }

  @Test
  void anythingElseIsNoCredentialAtAll() {
    assertThat(BasicCredentials.from(null)).isEmpty();
    assertThat(BasicCredentials.from("")).isEmpty();
    assertThat(BasicCredentials.from("Bearer abc")).isEmpty();
    assertThat(BasicCredentials.from("Basic !!!")).isEmpty();
    assertThat(BasicCredentials.from(basic("no colon here"))).isEmpty();
  }
}
