package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.child.cop.Http;
import org.junit.jupiter.api.Test;

/**
 * The document resources from the attacker's and the careless client's side: another tenant's
 * credential, too few scopes, and bad input, all refused with a reason and nothing stored.
 */
class LrsDocumentsIsolationIT extends DocumentsUnderTest {

  @Test
  void anotherTenantNeverReadsListsOverwritesOrDeletesADocument() {
    String owner = credential("tenant-a", "all");
    String attacker = credential("tenant-b", "all");
    String activity = activity();
    String states = "/xapi/activities/state" + query("activityId", activity, "agent", ANN);
    String state = states + and("stateId", "secret");
    String profile = "/xapi/activities/profile" + query("activityId", activity, "profileId", "p");
    send("PUT", state, owner, V1, JSON, "{\"owner\":\"a\"}");
    send("PUT", profile, owner, V2, JSON, "{\"owner\":\"a\"}");
    String etag = send("GET", profile, owner, V1, null, null).headers().firstValue("ETag").get();

    assertThat(send("GET", state, attacker, V1, null, null).statusCode()).isEqualTo(404);
    assertThat(ids(send("GET", states, attacker, V1, null, null))).isEmpty();
    assertThat(send("GET", profile, attacker, V1, null, null).statusCode()).isEqualTo(404);
    // the owner's ETag does not reach the owner's document either
    assertThat(
            send("PUT", profile, attacker, V1, JSON, "{\"owner\":\"b\"}", "If-Match", etag)
                .statusCode())
        .isEqualTo(412);
    assertThat(send("DELETE", profile, attacker, V1, null, null).statusCode()).isEqualTo(204);
    assertThat(send("DELETE", states, attacker, V1, null, null).statusCode()).isEqualTo(204);
    assertThat(send("POST", state, attacker, V1, JSON, "{\"owner\":\"b\"}").statusCode())
        .isEqualTo(204);

    assertThat(Http.json(send("GET", state, owner, V1, null, null)))
        .isEqualTo(Http.json("{\"owner\":\"a\"}"));
    assertThat(Http.json(send("GET", profile, owner, V1, null, null)))
        .isEqualTo(Http.json("{\"owner\":\"a\"}"));
    // what the attacker wrote stays the attacker's own
    assertThat(Http.json(send("GET", state, attacker, V1, null, null)))
        .isEqualTo(Http.json("{\"owner\":\"b\"}"));
  }

  @Test
  void aCredentialWithoutDocumentScopesCannotTouchDocuments() {
    String owner = credential("default", "all");
    String statementsOnly = credential("default", "statements/write", "statements/read");
    String activity = activity();
    String state =
        "/xapi/activities/state" + query("activityId", activity, "agent", ANN, "stateId", "s");
    String profile =
        "/xapi/agents/profile" + query("agent", ANN, "profileId", "p-" + UUID.randomUUID());
    send("PUT", state, owner, V1, JSON, "{}");

    for (String method : new String[] {"GET", "PUT", "POST", "DELETE"}) {
      HttpResponse<String> refused =
          send(
              method,
              state,
              statementsOnly,
              V1,
              JSON,
              method.equals("GET") || method.equals("DELETE") ? null : "{}");
      assertThat(refused.statusCode()).as(method).isEqualTo(403);
      assertThat(refused.body()).contains("scopes");
      assertThat(
              send(
                      method,
                      profile,
                      statementsOnly,
                      V1,
                      JSON,
                      method.equals("GET") || method.equals("DELETE") ? null : "{}")
                  .statusCode())
          .as(method)
          .isEqualTo(403);
    }
    assertThat(send("GET", state, owner, V1, null, null).statusCode()).isEqualTo(200);
  }

  @Test
  void stateAndProfileScopesKeepToTheirOwnResourcesAndAllReadOnlyReads() {
    String stateOnly = credential("default", "state");
    String profileOnly = credential("default", "profile");
    String reader = credential("default", "all/read");
    String activity = activity();
    String state =
        "/xapi/activities/state" + query("activityId", activity, "agent", ANN, "stateId", "s");
    String profile = "/xapi/activities/profile" + query("activityId", activity, "profileId", "p");

    assertThat(send("PUT", state, stateOnly, V1, JSON, "{}").statusCode()).isEqualTo(204);
    assertThat(send("PUT", profile, stateOnly, V1, JSON, "{}").statusCode()).isEqualTo(403);
    assertThat(send("PUT", profile, profileOnly, V2, JSON, "{}").statusCode()).isEqualTo(204);
    assertThat(send("GET", state, profileOnly, V1, null, null).statusCode()).isEqualTo(403);

    assertThat(send("GET", state, reader, V1, null, null).statusCode()).isEqualTo(200);
    assertThat(send("GET", profile, reader, V1, null, null).statusCode()).isEqualTo(200);
    assertThat(send("DELETE", state, reader, V1, null, null).statusCode()).isEqualTo(403);
  }

  @Test
  void malformedParametersAreRefusedWithTheirNameAndNothingIsStored() {
    String client = credential("default", "all");
    String activity = activity();
    String good = query("activityId", activity, "agent", ANN, "stateId", "s");
    String state = "/xapi/activities/state";

    assertRefused(
        send(
            "PUT",
            state + query("activityId", "not an iri", "agent", ANN, "stateId", "s"),
            client,
            V1,
            JSON,
            "{}"),
        "activityId");
    assertRefused(
        send(
            "PUT",
            state + query("activityId", activity, "agent", "{\"name\":\"Ann\"}", "stateId", "s"),
            client,
            V1,
            JSON,
            "{}"),
        "exactly one IFI");
    assertRefused(
        send(
            "PUT",
            state
                + query(
                    "activityId",
                    activity,
                    "agent",
                    "{\"mbox\":\"mailto:a@b\",\"openid\":\"https://id.example.org/a\"}",
                    "stateId",
                    "s"),
            client,
            V1,
            JSON,
            "{}"),
        "exactly one IFI");
    assertRefused(
        send(
            "PUT",
            state
                + query(
                    "activityId",
                    activity,
                    "agent",
                    "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"}",
                    "stateId",
                    "s"),
            client,
            V1,
            JSON,
            "{}"),
        "must be Agent");
    assertRefused(
        send(
            "PUT",
            state + query("activityId", activity, "agent", "{mbox", "stateId", "s"),
            client,
            V1,
            JSON,
            "{}"),
        "is not JSON");
    assertRefused(
        send("PUT", state + good + and("registration", "not-a-uuid"), client, V1, JSON, "{}"),
        "registration must be a UUID");
    assertRefused(
        send(
            "PUT",
            state + good + and("Registration", UUID.randomUUID().toString()),
            client,
            V1,
            JSON,
            "{}"),
        "Unknown parameter Registration");
    assertRefused(
        send("PUT", state + query("activityId", activity, "agent", ANN), client, V1, JSON, "{}"),
        "stateId is required");
    assertRefused(
        send(
            "GET",
            state + query("activityId", activity, "agent", ANN, "since", "yesterday"),
            client,
            V1,
            null,
            null),
        "since must be");
    assertRefused(
        send("DELETE", "/xapi/agents/profile" + query("agent", ANN), client, V1, null, null),
        "profileId is required");
    assertRefused(
        send(
            "PUT",
            "/xapi/activities/profile"
                + query(
                    "activityId",
                    activity,
                    "profileId",
                    "p",
                    "registration",
                    UUID.randomUUID().toString()),
            client,
            V1,
            JSON,
            "{}"),
        "Unknown parameter registration");

    assertThat(
            ids(
                send(
                    "GET",
                    state + query("activityId", activity, "agent", ANN),
                    client,
                    V1,
                    null,
                    null)))
        .isEmpty();
  }

  @Test
  void aJsonDocumentThatIsNotJsonIsRefusedAndNothingIsStored() {
    String client = credential("default", "state");
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "s");

    assertRefused(send("PUT", state, client, V1, JSON, "{\"a\":"), "not JSON");
    assertRefused(send("POST", state, client, V1, JSON, "{\"a\":1}}"), "not a JSON object");

    assertThat(send("GET", state, client, V1, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void aDocumentOverTenMebibytesIsRefusedWith413AndNothingIsStored() {
    String client = credential("default", "state");
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "big");

    HttpResponse<String> tooLarge =
        send("PUT", state, client, V1, "text/plain", "x".repeat(10 * 1024 * 1024 + 1));

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(tooLarge.body()).contains("larger than 10 MiB");
    assertThat(send("GET", state, client, V1, null, null).statusCode()).isEqualTo(404);
    assertThat(
            send("PUT", state, client, V1, "text/plain", "x".repeat(10 * 1024 * 1024)).statusCode())
        .isEqualTo(204);
  }

  @Test
  void documentsNeedAValidCredential() {
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "s");

    assertThat(send("GET", state, null, V1, null, null).statusCode()).isEqualTo(401);
    assertThat(send("GET", state, Http.basic("nobody", "wrong"), V1, null, null).statusCode())
        .isEqualTo(401);
  }

  private static void assertRefused(HttpResponse<String> response, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.body()).contains(reason);
  }
}
