package org.child.cop.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The client's settings and classifications, without a network. */
class XapiClientTest {

  private static final URI LRS = URI.create("https://lrs.example.org/xAPI/");

  @Test
  void theDefaultVersionIs103() {
    assertThat(XapiClient.to(LRS).build().version()).isEqualTo(XapiVersion.V1_0_3);
  }

  @Test
  void aTrailingSlashOfTheEndpointIsDropped() {
    assertThat(XapiClient.to(LRS).build().endpoint())
        .isEqualTo(URI.create("https://lrs.example.org/xAPI"));
  }

  @Test
  void credentialsNeverAppearInToString() {
    XapiClient client = XapiClient.to(LRS).basicAuth("key", "very-secret").build();

    assertThat(client.toString())
        .doesNotContain("very-secret")
        .doesNotContain("key:")
        .contains("Basic credentials");
  }

  @Test
  void credentialsInTheEndpointAreRefusedWithoutRepeatingThem() {
    assertThatThrownBy(() -> XapiClient.to(URI.create("https://key:very-secret@lrs.example.org/")))
        .isInstanceOf(IllegalArgumentException.class)
        .message()
        .doesNotContain("very-secret");
  }

  @Test
  void anEndpointThatIsNotHttpIsRefused() {
    assertThatThrownBy(() -> XapiClient.to(URI.create("ftp://lrs.example.org/")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aTimeoutMustBePositive() {
    assertThatThrownBy(() -> XapiClient.to(LRS).requestTimeout(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStatementWithoutIdCannotBePut() {
    Statement statement =
        Statement.builder()
            .actor(Agent.mbox("a@example.org"))
            .verb(Verb.of("http://example.org/v"))
            .object(Activity.of("http://example.org/a"))
            .build();

    assertThatThrownBy(() -> XapiClient.to(LRS).build().put(statement))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs an id");
  }

  @Test
  void aBatchRepeatingAnIdIsRefusedBeforeSending() {
    Statement statement =
        Statement.builder()
            .id(UUID.randomUUID())
            .actor(Agent.mbox("a@example.org"))
            .verb(Verb.of("http://example.org/v"))
            .object(Activity.of("http://example.org/a"))
            .build();

    assertThatThrownBy(() -> XapiClient.to(LRS).build().post(List.of(statement, statement)))
        .isInstanceOf(XapiValidationException.class)
        .hasMessage("[1].id: repeats the id of [0]");
  }

  @Test
  void aQueryEncodesItsAgentAsJsonAndItsFilters() {
    StatementQuery query =
        StatementQuery.all()
            .withAgent(Agent.mbox("ada@example.org"))
            .withVerb("http://adlnet.gov/expapi/verbs/answered")
            .withRegistration(UUID.fromString("0f9e8d7c-6b5a-4c3d-8e1f-0a9b8c7d6e5f"))
            .withSince(new Timestamp("2025-01-01T00:00:00Z"))
            .withLimit(10)
            .includingRelatedActivities()
            .oldestFirst();

    String decoded =
        URLDecoder.decode(query.toQueryString(XapiVersion.V1_0_3), StandardCharsets.UTF_8);

    assertThat(decoded)
        .isEqualTo(
            "agent={\"objectType\":\"Agent\",\"mbox\":\"mailto:ada@example.org\"}"
                + "&verb=http://adlnet.gov/expapi/verbs/answered"
                + "&registration=0f9e8d7c-6b5a-4c3d-8e1f-0a9b8c7d6e5f"
                + "&related_activities=true&since=2025-01-01T00:00:00Z&limit=10&ascending=true");
  }

  @Test
  void aMoreLinkHoldingRawJsonIsEncodedIntoAUri() {
    String more =
        "/xAPI/statements?agent={\"mbox\":\"mailto:a@example.org\"}&limit=3&cursor=ab%20c";

    URI uri = URI.create("http://127.0.0.1:18080/xAPI").resolve(XapiClient.asUri(more));

    assertThat(uri.getPath()).isEqualTo("/xAPI/statements");
    assertThat(uri.getQuery())
        .isEqualTo("agent={\"mbox\":\"mailto:a@example.org\"}&limit=3&cursor=ab c");
  }

  @Test
  void statusesAreClassifiedForTheRelay() {
    assertThat(LrsFailure.ofStatus(400)).isEqualTo(LrsFailure.BAD_REQUEST);
    assertThat(LrsFailure.ofStatus(401)).isEqualTo(LrsFailure.UNAUTHORIZED);
    assertThat(LrsFailure.ofStatus(403)).isEqualTo(LrsFailure.FORBIDDEN);
    assertThat(LrsFailure.ofStatus(409)).isEqualTo(LrsFailure.CONFLICT);
    assertThat(LrsFailure.ofStatus(429)).isEqualTo(LrsFailure.TOO_MANY_REQUESTS);
    assertThat(LrsFailure.ofStatus(503)).isEqualTo(LrsFailure.SERVER_ERROR);
    assertThat(LrsFailure.ofStatus(302)).isEqualTo(LrsFailure.UNEXPECTED_RESPONSE);
  }

  @Test
  void onlyTransientFailuresAreRetryable() {
    assertThat(LrsFailure.values())
        .filteredOn(LrsFailure::retryable)
        .containsExactlyInAnyOrder(
            LrsFailure.TOO_MANY_REQUESTS,
            LrsFailure.SERVER_ERROR,
            LrsFailure.TIMEOUT,
            LrsFailure.UNREACHABLE);
  }

  @Test
  void anLrsMessageIsShortenedToOneLine() {
    String shortened = XapiClient.shorten("line one\nline two " + "x".repeat(1000));

    assertThat(shortened).startsWith("line one line two").hasSize(300).endsWith("...");
  }
}
