package org.child.cop.statements.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Test;

class DestinationsTest {

  private static List<Destination> parse(String names, Map<String, String> settings) {
    return Destinations.parse(names, key -> Optional.ofNullable(settings.get(key)));
  }

  @Test
  void theEmbeddedLrsTakesStatementsInProcessWithoutAnEndpoint() {
    List<Destination> destinations = parse("embedded", Map.of());

    assertThat(destinations)
        .singleElement()
        .satisfies(
            embedded -> {
              assertThat(embedded.name()).isEqualTo("embedded");
              assertThat(embedded.isEmbedded()).isTrue();
              assertThat(embedded.endpoint()).isEmpty();
              assertThat(embedded.available()).isTrue();
              assertThat(embedded.version()).isEqualTo(XapiVersion.V1_0_3);
            });
  }

  @Test
  void anExternalLrsHasItsEndpointVersionAndCredentials() {
    List<Destination> destinations =
        parse(
            "embedded, research-lrs",
            Map.of(
                "xapi.destination.research-lrs.endpoint", "https://lrs.example.org/xapi",
                "xapi.destination.research-lrs.version", "2.0.0",
                "xapi.destination.research-lrs.username", "cop",
                "xapi.destination.research-lrs.password", "s3cret-from-the-environment"));

    Destination external = destinations.get(1);
    assertThat(external.endpoint()).contains(URI.create("https://lrs.example.org/xapi"));
    assertThat(external.version()).isEqualTo(XapiVersion.V2_0_0);
    assertThat(external.username()).contains("cop");
    assertThat(external.toString())
        .contains("research-lrs", "https://lrs.example.org/xapi", "2.0.0")
        .doesNotContain("s3cret");
  }

  @Test
  void noDestinationsIsAllowedAndNamesAreNotRepeated() {
    assertThat(parse("", Map.of())).isEmpty();
    assertThat(parse("embedded,embedded", Map.of())).hasSize(1);
  }

  @Test
  void wrongSettingsStopTheStartWithTheSettingsName() {
    assertThatThrownBy(() -> parse("Research LRS", Map.of()))
        .hasMessageContaining("'Research LRS' is not a destination name");
    assertThatThrownBy(() -> parse("lrs", Map.of()))
        .hasMessageContaining("xapi.destination.lrs.endpoint is required");
    assertThatThrownBy(
            () -> parse("lrs", Map.of("xapi.destination.lrs.endpoint", "ftp://lrs.example.org")))
        .hasMessageContaining("xapi.destination.lrs.endpoint");
    assertThatThrownBy(
            () ->
                parse(
                    "lrs",
                    Map.of("xapi.destination.lrs.endpoint", "https://user:pw@lrs.example.org/x")))
        .hasMessageContaining("without credentials")
        .hasMessageNotContaining("pw@");
    assertThatThrownBy(
            () ->
                parse(
                    "lrs",
                    Map.of(
                        "xapi.destination.lrs.endpoint", "https://lrs.example.org/x",
                        "xapi.destination.lrs.version", "0.95")))
        .hasMessageContaining("0.95 is not 1.0.3 or 2.0.0");
    assertThatThrownBy(
            () ->
                parse(
                    "lrs",
                    Map.of(
                        "xapi.destination.lrs.endpoint", "https://lrs.example.org/x",
                        "xapi.destination.lrs.username", "cop")))
        .hasMessageContaining("set both .username and .password");
  }
}
