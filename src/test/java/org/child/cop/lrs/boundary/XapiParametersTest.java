package org.child.cop.lrs.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Query parameters become values, or a 400 that names what is wrong. */
class XapiParametersTest {

  private static final Set<String> KNOWN =
      Set.of("activityId", "agent", "registration", "stateId", "since");

  @Test
  void validParametersBecomeValues() {
    UUID registration = UUID.randomUUID();
    XapiParameters parameters =
        of(
            "activityId", "https://example.org/activities/1",
            "agent", "{\"mbox\":\"mailto:ann@example.org\"}",
            "registration", registration.toString(),
            "since", "2026-11-27T10:15:30+02:00",
            "stateId", "bookmark");

    assertThat(parameters.activityId()).isEqualTo("https://example.org/activities/1");
    assertThat(parameters.agent().ifi().toString()).contains("mailto:ann@example.org");
    assertThat(parameters.registration()).contains(registration);
    assertThat(parameters.since()).contains(Instant.parse("2026-11-27T08:15:30Z"));
    assertThat(parameters.documentId("stateId")).contains("bookmark");
  }

  @Test
  void anUnknownParameterOrOneInAnotherCaseIsRefused() {
    assertThatThrownBy(() -> of("activityid", "https://example.org/1"))
        .isInstanceOf(InvalidParameter.class)
        .hasMessageContaining("Unknown parameter activityid");
  }

  @Test
  void aParameterSentTwiceIsRefused() {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("stateId", "a");
    query.add("stateId", "b");

    assertThatThrownBy(() -> XapiParameters.of(query, KNOWN)).hasMessageContaining("stateId once");
  }

  @Test
  void anActivityIdThatIsNoIriIsRefused() {
    assertThatThrownBy(() -> of("activityId", "not an iri").activityId())
        .isInstanceOf(InvalidParameter.class)
        .hasMessageContaining("activityId must be an absolute IRI");
  }

  @Test
  void aMissingRequiredParameterIsNamed() {
    assertThatThrownBy(() -> of().agent()).hasMessageContaining("agent is required");
  }

  @Test
  void anAgentThatIsNoAgentIsRefusedWithTheReason() {
    assertThatThrownBy(() -> of("agent", "{\"name\":\"Ann\"}").agent())
        .isInstanceOf(InvalidParameter.class)
        .hasMessageContaining("exactly one IFI");
    assertThatThrownBy(() -> of("agent", "ann@example.org").agent())
        .hasMessageContaining("is not JSON");
  }

  @Test
  void aRegistrationThatIsNoUuidIsRefused() {
    assertThatThrownBy(() -> of("registration", "12345").registration())
        .hasMessageContaining("registration must be a UUID");
  }

  @Test
  void aSinceThatIsNoTimestampIsRefused() {
    assertThatThrownBy(() -> of("since", "yesterday").since())
        .hasMessageContaining("since must be an ISO 8601 timestamp");
  }

  @Test
  void anEmptyOrOverlongDocumentIdIsRefused() {
    assertThatThrownBy(() -> of("stateId", "").documentId("stateId"))
        .hasMessageContaining("must not be empty");
    assertThatThrownBy(() -> of("stateId", "x".repeat(256)).documentId("stateId"))
        .hasMessageContaining("longer than 255");
  }

  private static XapiParameters of(String... namesAndValues) {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      query.add(namesAndValues[i], namesAndValues[i + 1]);
    }
    return XapiParameters.of(query, KNOWN);
  }
}
