package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.child.cop.Http;
import org.junit.jupiter.api.Test;

/**
 * The document resources and the Agents resource as an xAPI client uses them: each operation, the
 * ETag rules (412, 409), merging, {@code since} lists, and the versions.
 */
class LrsDocumentsIT extends DocumentsUnderTest {

  @Test
  void stateIsStoredReadListedAndDeletedWithItsContentTypeAndEtag() {
    String all = credential("default", "state");
    String activity = activity();
    String state = "/xapi/activities/state" + query("activityId", activity, "agent", ANN);

    assertThat(
            send("PUT", state + "&stateId=bookmark", all, V1, "text/plain", "page 7").statusCode())
        .isEqualTo(204);
    HttpResponse<String> read = send("GET", state + "&stateId=bookmark", all, V1, null, null);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo("page 7");
    assertThat(read.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    // SHA-1 of "page 7", quoted
    assertThat(read.headers().firstValue("ETag")).contains("\"" + sha1("page 7") + "\"");
    assertThat(read.headers().firstValue("Last-Modified")).isPresent();
    assertThat(read.headers().firstValue("X-Experience-API-Version")).contains(V1);

    send("PUT", state + "&stateId=score", all, V1, JSON, "{\"score\":3}");
    assertThat(ids(send("GET", state, all, V1, null, null)))
        .containsExactlyInAnyOrder("bookmark", "score");

    assertThat(send("DELETE", state + "&stateId=bookmark", all, V1, null, null).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", state + "&stateId=bookmark", all, V1, null, null).statusCode())
        .isEqualTo(404);
    assertThat(send("DELETE", state, all, V1, null, null).statusCode()).isEqualTo(204);
    assertThat(ids(send("GET", state, all, V1, null, null))).isEmpty();
  }

  @Test
  void stateOfARegistrationIsApartButListedAndDeletedWithTheActivityWhenNoneIsNamed() {
    String client = credential("default", "state");
    String state = "/xapi/activities/state" + query("activityId", activity(), "agent", ANN);
    String registration = "&registration=" + UUID.randomUUID();

    send("PUT", state + registration + "&stateId=a", client, V1, JSON, "{\"r\":1}");
    send("PUT", state + "&stateId=b", client, V1, JSON, "{\"r\":0}");

    assertThat(send("GET", state + "&stateId=a", client, V1, null, null).statusCode())
        .isEqualTo(404);
    assertThat(ids(send("GET", state + registration, client, V1, null, null))).containsExactly("a");
    assertThat(ids(send("GET", state, client, V1, null, null))).containsExactlyInAnyOrder("a", "b");

    send("DELETE", state + registration, client, V1, null, null);
    assertThat(ids(send("GET", state, client, V1, null, null))).containsExactly("b");
  }

  @Test
  void postMergesJsonObjectsAtTheTopLevelAndCreatesWhereNothingIs() {
    String client = credential("default", "profile");
    String profile =
        "/xapi/activities/profile" + query("activityId", activity(), "profileId", "settings");

    assertThat(
            send("POST", profile, client, V1, JSON, "{\"x\":\"foo\",\"y\":{\"a\":1}}").statusCode())
        .isEqualTo(204);
    assertThat(
            send("POST", profile, client, V1, JSON, "{\"x\":\"bash\",\"y\":{\"b\":2},\"z\":1}")
                .statusCode())
        .isEqualTo(204);

    assertThat(Http.json(send("GET", profile, client, V1, null, null)))
        .isEqualTo(Http.json("{\"x\":\"bash\",\"y\":{\"b\":2},\"z\":1}"));
  }

  @Test
  void postRefusesToMergeAnythingButTwoJsonObjectsAndKeepsTheDocument() {
    String client = credential("default", "state");
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "s");
    send("PUT", state, client, V1, JSON, "{\"kept\":true}");

    HttpResponse<String> text = send("POST", state, client, V1, "text/plain", "abc");
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("POST merges only JSON objects");
    assertThat(send("POST", state, client, V1, JSON, "{\"a\":1}{").statusCode()).isEqualTo(400);
    assertThat(send("POST", state, client, V1, JSON, "[1]").statusCode()).isEqualTo(400);

    String binary =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "b");
    send("PUT", binary, client, V1, "application/octet-stream", "/ asdf");
    HttpResponse<String> onBinary = send("POST", binary, client, V1, JSON, "{\"a\":1}");
    assertThat(onBinary.statusCode()).isEqualTo(400);
    assertThat(onBinary.body()).contains("stored document is application/octet-stream");

    assertThat(Http.json(send("GET", state, client, V1, null, null)))
        .isEqualTo(Http.json("{\"kept\":true}"));
    assertThat(send("GET", binary, client, V1, null, null).body()).isEqualTo("/ asdf");
  }

  @Test
  void aProfilePutWithoutPreconditionsIsRefusedIn103AndMayOnlyCreateIn20() {
    String client = credential("default", "profile");
    String profile =
        "/xapi/agents/profile" + query("agent", ANN, "profileId", "prefs-" + UUID.randomUUID());

    HttpResponse<String> in103 = send("PUT", profile, client, V1, JSON, "{\"v\":0}");
    assertThat(in103.statusCode()).isEqualTo(400);
    assertThat(in103.body()).contains("If-Match", "If-None-Match");
    assertThat(send("GET", profile, client, V1, null, null).statusCode()).isEqualTo(404);

    assertThat(send("PUT", profile, client, V2, JSON, "{\"v\":1}").statusCode()).isEqualTo(204);
    HttpResponse<String> conflict = send("PUT", profile, client, V2, JSON, "{\"v\":2}");
    assertThat(conflict.statusCode()).isEqualTo(409);
    assertThat(conflict.body()).contains("If-Match");
    assertThat(send("PUT", profile, client, V1, JSON, "{\"v\":3}").statusCode()).isEqualTo(409);
    assertThat(send("GET", profile, client, V1, null, null).body()).isEqualTo("{\"v\":1}");
  }

  @Test
  void ifMatchWithTheCurrentEtagWritesAndAStaleOneIsRefusedWith412() {
    String client = credential("default", "profile");
    String profile = "/xapi/activities/profile" + query("activityId", activity(), "profileId", "p");
    send("PUT", profile, client, V1, JSON, "{\"v\":1}", "If-None-Match", "*");
    String etag =
        send("GET", profile, client, V1, null, null).headers().firstValue("ETag").orElseThrow();

    assertThat(send("PUT", profile, client, V1, JSON, "{\"v\":2}", "If-Match", etag).statusCode())
        .isEqualTo(204);
    // the same tag is stale now, for PUT, POST and DELETE alike
    assertThat(send("PUT", profile, client, V1, JSON, "{\"v\":3}", "If-Match", etag).statusCode())
        .isEqualTo(412);
    assertThat(send("POST", profile, client, V1, JSON, "{\"w\":3}", "If-Match", etag).statusCode())
        .isEqualTo(412);
    assertThat(send("DELETE", profile, client, V1, null, null, "If-Match", etag).statusCode())
        .isEqualTo(412);
    assertThat(send("GET", profile, client, V1, null, null).body()).isEqualTo("{\"v\":2}");

    String current =
        send("GET", profile, client, V1, null, null).headers().firstValue("ETag").orElseThrow();
    assertThat(send("DELETE", profile, client, V1, null, null, "If-Match", current).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", profile, client, V1, null, null).statusCode()).isEqualTo(404);
  }

  @Test
  void ifNoneMatchStarCreatesOnlyWhereNoDocumentIs() {
    String client = credential("default", "profile");
    String profile =
        "/xapi/activities/profile" + query("activityId", activity(), "profileId", "once");

    assertThat(
            send("PUT", profile, client, V1, JSON, "{\"v\":1}", "If-None-Match", "*").statusCode())
        .isEqualTo(204);
    assertThat(
            send("PUT", profile, client, V1, JSON, "{\"v\":2}", "If-None-Match", "*").statusCode())
        .isEqualTo(412);
    assertThat(send("GET", profile, client, V1, null, null).body()).isEqualTo("{\"v\":1}");
  }

  @Test
  void statePutWithoutPreconditionsReplacesIn103AndConflictsIn20() {
    String client = credential("default", "state");
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "s");
    send("PUT", state, client, V1, JSON, "{\"v\":1}");

    assertThat(send("PUT", state, client, "1.0.1", JSON, "{\"v\":2}").statusCode()).isEqualTo(204);
    assertThat(send("GET", state, client, V1, null, null).body()).isEqualTo("{\"v\":2}");

    HttpResponse<String> in20 = send("PUT", state, client, V2, JSON, "{\"v\":3}");
    assertThat(in20.statusCode()).isEqualTo(409);
    assertThat(in20.headers().firstValue("X-Experience-API-Version")).contains(V2);
    String etag =
        send("GET", state, client, V2, null, null).headers().firstValue("ETag").orElseThrow();
    assertThat(send("PUT", state, client, "2.0", JSON, "{\"v\":3}", "If-Match", etag).statusCode())
        .isEqualTo(204);
  }

  @Test
  void sinceListsOnlyDocumentsChangedAfterItAndLastModifiedIsTheNewest() throws Exception {
    String client = credential("default", "profile");
    String agent =
        "{\"account\":{\"homePage\":\"https://moodle.example.org\",\"name\":\""
            + UUID.randomUUID()
            + "\"}}";
    String profiles = "/xapi/agents/profile" + query("agent", agent);
    send("PUT", profiles + "&profileId=old", client, V2, JSON, "{}");
    Thread.sleep(1100);
    Instant between = Instant.now();
    Thread.sleep(1100);
    send("PUT", profiles + "&profileId=new", client, V2, JSON, "{}");

    assertThat(
            ids(send("GET", profiles + and("since", between.toString()), client, V1, null, null)))
        .containsExactly("new");
    HttpResponse<String> all = send("GET", profiles, client, V1, null, null);
    assertThat(ids(all)).containsExactly("old", "new");
    Instant lastModified =
        ZonedDateTime.parse(
                all.headers().firstValue("Last-Modified").orElseThrow(),
                DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    assertThat(lastModified).isAfterOrEqualTo(between.minusSeconds(1));
  }

  @Test
  void headAnswersLikeGetWithoutTheBody() {
    String client = credential("default", "state");
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "s");
    send("PUT", state, client, V1, JSON, "{\"v\":1}");

    HttpResponse<String> head = send("HEAD", state, client, V1, null, null);

    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
    assertThat(head.headers().firstValue("ETag")).isPresent();
  }

  @Test
  void theAgentsResourceAnswersThePersonOfTheAgentAsked() {
    String client = credential("default", "statements/read");

    HttpResponse<String> person =
        send(
            "GET",
            "/xapi/agents"
                + query("agent", "{\"name\":\"Ann\",\"mbox\":\"mailto:ann@example.org\"}"),
            client,
            V2,
            null,
            null);

    assertThat(person.statusCode()).isEqualTo(200);
    assertThat(Http.json(person))
        .isEqualTo(
            Http.json(
                "{\"objectType\":\"Person\",\"name\":[\"Ann\"],\"mbox\":[\"mailto:ann@example.org\"]}"));
    assertThat(send("GET", "/xapi/agents", client, V2, null, null).statusCode()).isEqualTo(400);
    assertThat(
            send(
                    "GET",
                    "/xapi/agents" + query("agent", "{\"objectType\":\"Agent\"}"),
                    client,
                    V2,
                    null,
                    null)
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void documentsNeedAVersionTheLrsSpeaks() {
    String client = credential("default", "all");
    String state =
        "/xapi/activities/state" + query("activityId", activity(), "agent", ANN, "stateId", "s");

    HttpResponse<String> none = send("GET", state, client, null, null, null);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.body()).contains("X-Experience-API-Version");
    assertThat(send("GET", state, client, "0.95", null, null).statusCode()).isEqualTo(400);
    assertThat(
            send("PUT", state, client, "1.0.9", JSON, "{}")
                .headers()
                .firstValue("X-Experience-API-Version"))
        .contains(V1);
  }
}
