package org.child.cop.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ToolSettingsTest {

  @Test
  void baseUrlLosesItsTrailingSlash() {
    assertThat(ToolSettings.parseBaseUrl("https://cop.example.org/tool/"))
        .isEqualTo(URI.create("https://cop.example.org/tool"));
    assertThat(ToolSettings.parseBaseUrl(" http://localhost:8080 "))
        .isEqualTo(URI.create("http://localhost:8080"));
  }

  @Test
  void baseUrlMustBeAnAbsoluteWebAddress() {
    for (String wrong :
        new String[] {
          "cop.example.org",
          "ftp://cop.example.org",
          "https://",
          "https://x/?a=b",
          "http://x/#f",
          "::"
        }) {
      assertThatThrownBy(() -> ToolSettings.parseBaseUrl(wrong))
          .as(wrong)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("tool.base-url");
    }
  }

  @Test
  void loopbackHostsAreRecognised() {
    assertThat(ToolSettings.isLoopback(URI.create("http://localhost:8080"))).isTrue();
    assertThat(ToolSettings.isLoopback(URI.create("http://127.0.0.1:8080"))).isTrue();
    assertThat(ToolSettings.isLoopback(URI.create("http://[::1]:8080"))).isTrue();
    assertThat(ToolSettings.isLoopback(URI.create("http://cop.example.org"))).isFalse();
  }
}
