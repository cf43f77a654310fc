package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.child.cop.Http;
import org.junit.jupiter.api.Test;

/**
 * The Statement Resource as LRS clients use it: storing, reading back, voiding, every query
 * parameter, paging while others write, activities and attachments. Each test has its own tenant.
 */
class StatementsIT extends LrsUnderTest {

  static final String V1 = "1.0.3";
  static final String V2 = "2.0.0";

  @Test
  void aStatementPutUnderItsIdIsReadBackWithWhatTheLrsAdds() {
    String client = credential(tenant(), "all");
    UUID id = UUID.randomUUID();

    HttpResponse<String> put =
        put(
            client,
            id,
            statement(
                "mailto:ann@example.org", "http://example.org/verbs/did", "http://example.org/a"),
            V2);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    assertThat(put.headers().firstValue("X-Experience-API-Version")).contains("2.0.0");

    HttpResponse<String> got = get(client, "statementId=" + id, V2);
    assertThat(got.statusCode()).as(got.body()).isEqualTo(200);
    JsonObject statement = Http.json(got);
    assertThat(statement.getString("id")).isEqualTo(id.toString());
    assertThat(statement.getString("version")).isEqualTo("2.0.0");
    assertThat(statement.getString("stored")).endsWith("Z");
    assertThat(statement.getString("timestamp")).isNotBlank();
    assertThat(statement.getJsonObject("authority").getJsonObject("account").getString("homePage"))
        .endsWith("/xapi/clients");
    assertThat(got.headers().firstValue("Last-Modified")).isPresent();
    assertThat(got.headers().firstValue("X-Experience-API-Consistent-Through")).isPresent();

    HttpResponse<String> head =
        Http.send(
            xapi("/xapi/statements?statementId=" + id, client, V2)
                .method("HEAD", BodyPublishers.noBody()));
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.body()).isEmpty();
  }

  @Test
  void theSameStatementSentAgainIsAcceptedAndADifferentOneUnderItsIdConflicts() {
    String client = credential(tenant(), "statements/write", "statements/read");
    UUID id = UUID.randomUUID();
    String sent =
        withId(
            id,
            statement(
                "mailto:ann@example.org", "http://example.org/verbs/did", "http://example.org/a"));

    assertThat(post(client, sent, V1).statusCode()).isEqualTo(200);
    HttpResponse<String> again = post(client, "[" + sent + "]", V1);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(again.body()).contains(id.toString());
    assertThat(put(client, id, sent, V1).statusCode()).isEqualTo(204);

    HttpResponse<String> other =
        put(
            client,
            id,
            statement(
                "mailto:ann@example.org", "http://example.org/verbs/other", "http://example.org/a"),
            V1);
    assertThat(other.statusCode()).as(other.body()).isEqualTo(409);
    assertThat(
            Http.json(get(client, "statementId=" + id, V1)).getJsonObject("verb").getString("id"))
        .isEqualTo("http://example.org/verbs/did");
  }

  @Test
  void clientsRacingToStoreOneNewIdStoreItOnceAndTheDifferentOnesConflict() throws Exception {
    String client = credential(tenant(), "statements/write", "statements/read");
    UUID id = UUID.randomUUID();
    String same =
        withId(
            id,
            statement(
                "mailto:race@example.org", "http://example.org/verbs/did", "http://example.org/a"));
    String other =
        withId(
            id,
            statement(
                "mailto:race@example.org",
                "http://example.org/verbs/other",
                "http://example.org/a"));
    int racers = 8;
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(racers);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(racers);
    List<Integer> statuses = new java.util.ArrayList<>();
    try {
      List<java.util.concurrent.Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < racers; i++) {
        String body = i % 4 == 3 ? other : same;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return put(client, id, body, V1);
                }));
      }
      for (var answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.body()).doesNotContain("Exception");
        statuses.add(response.statusCode());
      }
    } finally {
      pool.shutdownNow();
    }

    // whichever body won, the others with a different body conflict, and the same ones agree
    String verb =
        Http.json(get(client, "statementId=" + id, V1)).getJsonObject("verb").getString("id");
    long winners = verb.endsWith("/did") ? 6 : 2;
    assertThat(statuses).containsOnly(204, 409);
    assertThat(statuses.stream().filter(status -> status == 204).count()).isEqualTo(winners);
  }

  @Test
  void aBatchIsStoredWholeOrNotAtAll() {
    String client = credential(tenant(), "all");
    UUID good = UUID.randomUUID();
    String batch =
        "["
            + withId(
                good,
                statement(
                    "mailto:ann@example.org",
                    "http://example.org/verbs/did",
                    "http://example.org/a"))
            + ","
            + statement("mailto:ann@example.org", "not an iri", "http://example.org/a")
            + "]";

    HttpResponse<String> refused = post(client, batch, V2);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("[1].verb.id");
    assertThat(get(client, "statementId=" + good, V2).statusCode()).isEqualTo(404);

    HttpResponse<String> twice =
        post(
            client,
            "["
                + withId(
                    good,
                    statement(
                        "mailto:a@example.org", "http://example.org/v", "http://example.org/a"))
                + ","
                + withId(
                    good,
                    statement(
                        "mailto:a@example.org", "http://example.org/v", "http://example.org/a"))
                + "]",
            V2);
    assertThat(twice.statusCode()).isEqualTo(400);
    assertThat(twice.body()).contains("sent twice");
  }

  @Test
  void aVoidedStatementIsOnlyReadByVoidedStatementIdAndAVoidMayComeFirst() {
    String client = credential(tenant(), "all");
    UUID target = UUID.randomUUID();
    UUID early = UUID.randomUUID();
    String did =
        statement("mailto:ann@example.org", "http://example.org/verbs/did", "http://example.org/a");
    assertThat(put(client, target, did, V1).statusCode()).isEqualTo(204);

    UUID voiding = UUID.randomUUID();
    assertThat(put(client, voiding, voiding(target), V1).statusCode()).isEqualTo(204);
    assertThat(get(client, "statementId=" + target, V1).statusCode()).isEqualTo(404);
    assertThat(get(client, "voidedStatementId=" + target, V1).statusCode()).isEqualTo(200);
    assertThat(get(client, "voidedStatementId=" + voiding, V1).statusCode()).isEqualTo(404);
    assertThat(get(client, "statementId=" + voiding, V1).statusCode()).isEqualTo(200);
    // a filter matching the voided statement finds the statement that refers to it
    assertThat(ids(get(client, "verb=" + Http.encoded("http://example.org/verbs/did"), V1)))
        .doesNotContain(target.toString())
        .contains(voiding.toString());
    assertThat(ids(get(client, "agent=" + agent("mailto:ann@example.org"), V1)))
        .containsExactly(voiding.toString());
    assertThat(ids(get(client, "", V1)))
        .contains(voiding.toString())
        .doesNotContain(target.toString());

    HttpResponse<String> voidAVoid = post(client, voiding(voiding), V1);
    assertThat(voidAVoid.statusCode()).as(voidAVoid.body()).isEqualTo(400);
    assertThat(voidAVoid.body()).contains("cannot be voided");

    assertThat(post(client, voiding(early), V1).statusCode()).isEqualTo(200);
    assertThat(put(client, early, did, V1).statusCode()).isEqualTo(204);
    assertThat(get(client, "statementId=" + early, V1).statusCode()).isEqualTo(404);
    assertThat(get(client, "voidedStatementId=" + early, V1).statusCode()).isEqualTo(200);
  }

  @Test
  void everyFilterFindsItsStatementsThroughTheLinks() {
    String client = credential(tenant(), "all");
    UUID registration = UUID.randomUUID();
    String ann = "mailto:ann@example.org";
    UUID plain =
        id(
            post(
                client,
                statement(ann, "http://example.org/verbs/did", "http://example.org/a"),
                V2));
    UUID withContext =
        id(
            post(
                client,
                """
                {"actor":{"mbox":"mailto:bob@example.org"},"verb":{"id":"http://example.org/verbs/saw"},
                 "object":{"objectType":"Agent","mbox":"mailto:ann@example.org"},
                 "context":{"registration":"%s","instructor":{"mbox":"mailto:ivy@example.org"},
                   "contextActivities":{"parent":[{"id":"http://example.org/course"}]},
                   "contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:cat@example.org"}}]}}
                """
                    .formatted(registration),
                V2));
    UUID sub =
        id(
            post(
                client,
                """
                {"actor":{"mbox":"mailto:dan@example.org"},"verb":{"id":"http://example.org/verbs/planned"},
                 "object":{"objectType":"SubStatement","actor":{"mbox":"mailto:eve@example.org"},
                   "verb":{"id":"http://example.org/verbs/attend"},"object":{"id":"http://example.org/course"}}}
                """,
                V2));

    assertThat(ids(get(client, "agent=" + agent(ann), V2)))
        .containsExactlyInAnyOrder(plain.toString(), withContext.toString());
    assertThat(ids(get(client, "agent=" + agent("mailto:ivy@example.org"), V2))).isEmpty();
    assertThat(
            ids(
                get(
                    client,
                    "agent=" + agent("mailto:ivy@example.org") + "&related_agents=true",
                    V2)))
        .containsExactly(withContext.toString());
    assertThat(
            ids(
                get(
                    client,
                    "agent=" + agent("mailto:cat@example.org") + "&related_agents=true",
                    V2)))
        .containsExactly(withContext.toString());
    assertThat(
            ids(
                get(
                    client,
                    "agent=" + agent("mailto:eve@example.org") + "&related_agents=true",
                    V2)))
        .containsExactly(sub.toString());
    assertThat(ids(get(client, "verb=" + Http.encoded("http://example.org/verbs/saw"), V2)))
        .containsExactly(withContext.toString());
    assertThat(ids(get(client, "activity=" + Http.encoded("http://example.org/a"), V2)))
        .containsExactly(plain.toString());
    assertThat(ids(get(client, "activity=" + Http.encoded("http://example.org/course"), V2)))
        .isEmpty();
    assertThat(
            ids(
                get(
                    client,
                    "activity="
                        + Http.encoded("http://example.org/course")
                        + "&related_activities=true",
                    V2)))
        .containsExactlyInAnyOrder(withContext.toString(), sub.toString());
    assertThat(ids(get(client, "registration=" + registration, V2)))
        .containsExactly(withContext.toString());
    assertThat(ids(get(client, "", V2)))
        .containsExactly(sub.toString(), withContext.toString(), plain.toString());
    assertThat(ids(get(client, "ascending=true", V2)))
        .containsExactly(plain.toString(), withContext.toString(), sub.toString());

    String stored = Http.json(get(client, "statementId=" + withContext, V2)).getString("stored");
    assertThat(ids(get(client, "since=" + Http.encoded(stored), V2)))
        .doesNotContain(withContext.toString())
        .doesNotContain(plain.toString());
    assertThat(ids(get(client, "until=" + Http.encoded(stored), V2)))
        .contains(withContext.toString())
        .doesNotContain(sub.toString());
    assertThat(ids(get(client, "limit=1", V2))).containsExactly(sub.toString());
  }

  @Test
  void eachStatementOfABatchIsFoundByItsOwnAgentAndActivity() {
    // the store writes a batch's rows in id order, which is not the order they were sent in: each
    // statement's links must still point at that statement, and at no other of the batch
    String client = credential(tenant(), "all");
    List<UUID> sent = new ArrayList<>();
    StringBuilder batch = new StringBuilder("[");
    for (int i = 0; i < 12; i++) {
      UUID id = new UUID(0x4000L | (11 - i) * 0x1_0000_0000L, 0x8000_0000_0000_0000L | i);
      sent.add(id);
      batch
          .append(i == 0 ? "" : ",")
          .append(
              withId(
                  id,
                  statement(
                      "mailto:member" + i + "@example.org",
                      "http://example.org/verbs/did",
                      "http://example.org/task/" + i)));
    }
    assertThat(sent).isNotEqualTo(sent.stream().sorted().toList());

    assertThat(ids(post(client, batch.append(']').toString(), V2)))
        .containsExactlyElementsOf(sent.stream().map(UUID::toString).toList());

    for (int i = 0; i < sent.size(); i++) {
      assertThat(ids(get(client, "agent=" + agent("mailto:member" + i + "@example.org"), V2)))
          .as("agent of statement %d", i)
          .containsExactly(sent.get(i).toString());
      assertThat(ids(get(client, "activity=" + Http.encoded("http://example.org/task/" + i), V2)))
          .as("activity of statement %d", i)
          .containsExactly(sent.get(i).toString());
    }
  }

  @Test
  void formatsReduceStatementsAndCanonicalPicksTheCallersLanguage() {
    String client = credential(tenant(), "all");
    UUID id = UUID.randomUUID();
    put(
        client,
        id,
        """
        {"actor":{"name":"Ann","mbox":"mailto:ann@example.org"},
         "verb":{"id":"http://example.org/verbs/did","display":{"en-US":"did","de-DE":"tat"}},
         "object":{"id":"http://example.org/a","definition":{"name":{"en-US":"A","de-DE":"Ein A"}}}}
        """,
        V2);

    JsonObject ids = Http.json(get(client, "statementId=" + id + "&format=ids", V2));
    assertThat(ids.getJsonObject("actor").containsKey("name")).isFalse();
    assertThat(ids.getJsonObject("object").containsKey("definition")).isFalse();

    HttpResponse<String> canonical =
        Http.send(
            xapi("/xapi/statements?statementId=" + id + "&format=canonical", client, V2)
                .header("Accept-Language", "de-DE, en;q=0.5"));
    JsonObject german = Http.json(canonical);
    assertThat(german.getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactly("de-DE");
    assertThat(
            german
                .getJsonObject("object")
                .getJsonObject("definition")
                .getJsonObject("name")
                .getString("de-DE"))
        .isEqualTo("Ein A");
    assertThat(get(client, "format=everything", V2).statusCode()).isEqualTo(400);
  }

  @Test
  void canonicalGivesTheDefinitionsOfDefiningClientsInPlaceOfEachStatementsOwn() {
    String tenant = tenant();
    String definer = credential(tenant, "statements/write", "define");
    String other = credential(tenant, "statements/write");
    String reader = credential(tenant, "statements/read");
    String activity = "http://example.org/canonical/" + UUID.randomUUID();
    UUID byDefiner = UUID.randomUUID();
    UUID byOther = UUID.randomUUID();
    HttpResponse<String> defined =
        put(
            definer,
            byDefiner,
            statement("mailto:ann@example.org", "http://example.org/verbs/did", activity)
                .replace(
                    "\"id\":\"" + activity + "\"",
                    "\"id\":\""
                        + activity
                        + "\",\"definition\":{\"name\":{\"en-US\":\"Hand hygiene\"}}"),
            V2);
    assertThat(defined.statusCode()).as(defined.body()).isEqualTo(204);
    HttpResponse<String> undefined =
        put(
            other,
            byOther,
            statement(
                    "mailto:bob@example.org",
                    "http://example.org/verbs/did",
                    "http://example.org/x")
                .replace(
                    "\"id\":\"http://example.org/x\"",
                    "\"id\":\"http://example.org/x\"},\"context\":{\"contextActivities\":{\"parent\":[{\"id\":\""
                        + activity
                        + "\",\"definition\":{\"name\":{\"en-US\":\"Wrong name\"}}}]}"),
            V2);
    assertThat(undefined.statusCode()).as(undefined.body()).isEqualTo(204);

    JsonObject exact = Http.json(get(reader, "statementId=" + byOther, V2));
    JsonObject canonical =
        Http.json(get(reader, "statementId=" + byOther + "&format=canonical", V2));
    HttpResponse<String> page =
        get(
            reader,
            "activity=" + Http.encoded(activity) + "&related_activities=true&format=canonical",
            V2);

    assertThat(exact.toString()).contains("Wrong name");
    assertThat(canonical.toString()).contains("Hand hygiene").doesNotContain("Wrong name");
    assertThat(page.body()).contains("Hand hygiene").doesNotContain("Wrong name");
    assertThat(Http.json(page).getJsonArray("statements")).hasSize(2);
  }

  @Test
  void pagesFollowedByMoreServeEveryStatementOnceWhileOthersAreWritten() throws Exception {
    String client = credential(tenant(), "all");
    Set<String> written = new HashSet<>();
    for (int batch = 0; batch < 5; batch++) {
      ids(post(client, batchOf(10, "p"), V2)).forEach(written::add);
    }
    ExecutorService writer = Executors.newSingleThreadExecutor();
    Future<?> writing =
        writer.submit(
            () -> {
              for (int i = 0; i < 20; i++) {
                post(
                    client,
                    statement(
                        "mailto:late@example.org",
                        "http://example.org/verbs/did",
                        "http://example.org/a"),
                    V2);
              }
            });
    try {
      // every statement, and those of the activity (read through its link rows, PostgreSQL)
      for (String query :
          List.of(
              "limit=7&ascending=false",
              "limit=7&ascending=true",
              "activity=" + Http.encoded("http://example.org/a") + "&limit=7&ascending=false",
              "activity="
                  + Http.encoded("http://example.org/a")
                  + "&related_activities=true&limit=7&ascending=true")) {
        assertThat(everyPage(client, query)).doesNotHaveDuplicates().containsAll(written);
      }
      writing.get(60, TimeUnit.SECONDS);
    } finally {
      writer.shutdownNow();
    }
  }

  @Test
  void sinceServesEveryNewerStatementOnceNewestFirstWhenThousandsAreNewer() {
    String client = credential(tenant(), "all");
    List<String> older = ids(post(client, batchOf(20, "old"), V2));
    String since =
        Http.json(get(client, "statementId=" + older.get(older.size() - 1), V2))
            .getString("stored");
    List<String> newer = new ArrayList<>();
    // more than StatementStore.MANY_NEWER, so that PostgreSQL walks the statements newest first
    for (int batch = 0; batch < 6; batch++) {
      newer.addAll(0, ids(post(client, batchOf(200, "new" + batch), V2)));
    }

    List<String> served = everyPage(client, "since=" + Http.encoded(since) + "&limit=150");

    // batches newest first; within a batch (one stored instant) in the LRS's own order
    assertThat(served).hasSize(1_200).doesNotHaveDuplicates().doesNotContainAnyElementsOf(older);
    for (int batch = 0; batch < 6; batch++) {
      assertThat(served.subList(batch * 200, batch * 200 + 200))
          .containsExactlyInAnyOrderElementsOf(newer.subList(batch * 200, batch * 200 + 200));
    }
  }

  /** The ids of every page of a query, following {@code more} to the end. */
  private List<String> everyPage(String client, String query) {
    List<String> served = new ArrayList<>();
    HttpResponse<String> page = get(client, query, V2);
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    while (true) {
      JsonObject json = Http.json(page);
      JsonArray statements = json.getJsonArray("statements");
      statements.forEach(s -> served.add(s.asJsonObject().getString("id")));
      String more = json.getString("more");
      if (more.isEmpty()) {
        return served;
      }
      assertThat(statements).isNotEmpty();
      assertThat(more).startsWith("/xapi/statements?more=");
      page = Http.send(xapi(more, client, V2));
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    }
  }

  private static String batchOf(int count, String who) {
    StringBuilder body = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      body.append(i == 0 ? "" : ",")
          .append(
              statement(
                  "mailto:" + who + i + "@example.org",
                  "http://example.org/verbs/did",
                  "http://example.org/a"));
    }
    return body.append("]").toString();
  }

  @Test
  void anActivityHasTheDefinitionOfDefiningClientsOnly() {
    String tenant = tenant();
    String definer = credential(tenant, "statements/write", "define", "statements/read");
    String other = credential(tenant, "statements/write", "statements/read");
    String activity = "http://example.org/activities/" + UUID.randomUUID();
    post(
        definer,
        "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"id\":\""
            + activity
            + "\",\"definition\":{\"name\":{\"en\":\"First\"}}}}",
        V2);
    post(
        definer,
        "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"id\":\""
            + activity
            + "\",\"definition\":{\"name\":{\"de\":\"Erste\"},\"type\":\"http://example.org/types/t\"}}}",
        V2);
    post(
        other,
        "{\"actor\":{\"mbox\":\"mailto:a@example.org\"},\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"id\":\""
            + activity
            + "\",\"definition\":{\"name\":{\"en\":\"Hijacked\"}}}}",
        V2);

    JsonObject defined =
        Http.json(
            Http.send(xapi("/xapi/activities?activityId=" + Http.encoded(activity), other, V2)));
    assertThat(defined.getString("id")).isEqualTo(activity);
    assertThat(defined.getJsonObject("definition").getJsonObject("name").toString())
        .isEqualTo("{\"en\":\"First\",\"de\":\"Erste\"}");
    assertThat(defined.getJsonObject("definition").getString("type"))
        .isEqualTo("http://example.org/types/t");

    JsonObject unknown =
        Http.json(
            Http.send(
                xapi(
                    "/xapi/activities?activityId=" + Http.encoded("http://example.org/unknown"),
                    other,
                    V2)));
    assertThat(unknown.toString())
        .isEqualTo("{\"objectType\":\"Activity\",\"id\":\"http://example.org/unknown\"}");
    assertThat(Http.send(xapi("/xapi/activities?activityId=nope", other, V2)).statusCode())
        .isEqualTo(400);
  }

  @Test
  void attachmentContentsTravelAsMultipartAndComeBackWithAttachmentsTrue() throws Exception {
    String client = credential(tenant(), "all");
    byte[] content = "a text attachment".getBytes(StandardCharsets.UTF_8);
    String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    UUID id = UUID.randomUUID();
    String statement =
        withId(
            id,
            """
            {"actor":{"mbox":"mailto:ann@example.org"},"verb":{"id":"http://example.org/v"},
             "object":{"id":"http://example.org/a"},
             "attachments":[{"usageType":"http://example.org/usage","display":{"en":"Notes"},
               "contentType":"text/plain","length":%d,"sha2":"%s"}]}
            """
                .formatted(content.length, sha2));

    HttpResponse<String> withoutContent = post(client, statement, V2);
    assertThat(withoutContent.statusCode()).isEqualTo(400);
    assertThat(withoutContent.body()).contains("no fileUrl and no part");

    HttpResponse<String> wrongHash =
        Http.send(
            multipart(client, statement, "other content".getBytes(StandardCharsets.UTF_8), sha2));
    assertThat(wrongHash.statusCode()).isEqualTo(400);
    assertThat(wrongHash.body()).contains("does not have the X-Experience-API-Hash");

    HttpResponse<String> stored = Http.send(multipart(client, statement, content, sha2));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);

    HttpResponse<String> back = get(client, "statementId=" + id + "&attachments=true", V2);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
    assertThat(back.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("multipart/mixed"));
    assertThat(back.body())
        .contains(
            "\"sha2\":\"" + sha2 + "\"", "X-Experience-API-Hash: " + sha2, "a text attachment");

    String fileUrl =
        """
        {"actor":{"mbox":"mailto:ann@example.org"},"verb":{"id":"http://example.org/v"},
         "object":{"id":"http://example.org/a"},
         "attachments":[{"usageType":"http://example.org/usage","display":{"en":"Notes"},
           "contentType":"text/plain","length":3,"sha2":"%s","fileUrl":"https://files.example.org/n.txt"}]}
        """
            .formatted(sha2.replace('a', 'b'));
    assertThat(post(client, fileUrl, V2).statusCode()).isEqualTo(200);
  }

  // ---- requests

  java.net.http.HttpRequest.Builder multipart(
      String client, String statement, byte[] content, String sha2) {
    return multipartFor(
        xapi("/xapi/statements", client, V2), statement, content, sha2, "text/plain");
  }

  /** A multipart/mixed POST: the statement, then one attachment part with its hash. */
  java.net.http.HttpRequest.Builder multipartFor(
      java.net.http.HttpRequest.Builder request,
      String statement,
      byte[] content,
      String sha2,
      String type) {
    String boundary = "b" + UUID.randomUUID();
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Type: application/json\r\n\r\n"
                + statement
                + "\r\n--"
                + boundary
                + "\r\nContent-Type: "
                + type
                + "\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: "
                + sha2
                + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return request
        .header("Content-Type", "multipart/mixed; boundary=" + boundary)
        .POST(BodyPublishers.ofByteArray(body.toByteArray()));
  }

  @Test
  void xapi103sAlternateRequestSyntaxStandsForTheRequestItNamesAnd20RefusesIt() {
    String client = credential(tenant(), "all");
    UUID id = UUID.randomUUID();
    String statement =
        statement("mailto:ann@example.org", "http://example.org/verbs/did", "http://example.org/a");

    // no custom header at all: credential, version and body travel in the form
    HttpResponse<String> put = formOnlyPut(id, statement, V1, client);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
    assertThat(Http.json(get(client, "statementId=" + id, V1)).getString("id"))
        .isEqualTo(id.toString());

    HttpResponse<String> query = alternate("GET", V1 + "|" + client, "limit", "1");
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    assertThat(Http.json(query).getJsonArray("statements")).hasSize(1);

    UUID refused = UUID.randomUUID();
    HttpResponse<String> in20 = formOnlyPut(refused, statement, V2, client);
    assertThat(in20.statusCode()).as("2.0 reads no headers from a form").isEqualTo(400);
    HttpResponse<String> in20Headers =
        alternate(
            "PUT", V2 + "|" + client, "statementId", refused.toString(), "content", statement);
    assertThat(in20Headers.statusCode()).isEqualTo(400);
    assertThat(in20Headers.body()).contains("only for xAPI 1.0.x");
    HttpResponse<String> wrongSecret =
        formOnlyPut(refused, statement, V1, Http.basic("nobody", "guess"));
    assertThat(wrongSecret.statusCode()).isEqualTo(401);
    HttpResponse<String> extra =
        Http.send(
            Http.request(at("/xapi/statements?method=PUT&statementId=" + refused))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "X-Experience-API-Version="
                            + V1
                            + "&Authorization="
                            + Http.encoded(client)
                            + "&content="
                            + Http.encoded(statement))));
    assertThat(extra.statusCode()).as("parameters belong in the form").isEqualTo(400);
    HttpResponse<String> forged =
        Http.send(
            Http.request(at("/xapi/statements?method=PUT"))
                .header("Authorization", client) // as a browser adds a Basic credential it holds
                .header("Sec-Fetch-Site", "cross-site")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    BodyPublishers.ofString(
                        "X-Experience-API-Version="
                            + V1
                            + "&statementId="
                            + refused
                            + "&content="
                            + Http.encoded(statement))));
    assertThat(forged.statusCode()).as("another site's form, signed by the browser").isEqualTo(403);
    assertThat(get(client, "statementId=" + refused, V1).statusCode()).isEqualTo(404);
  }

  /** A PUT in the alternate syntax with no custom header: version and credential in the form. */
  private HttpResponse<String> formOnlyPut(
      UUID id, String statement, String version, String credential) {
    return alternate(
        "PUT",
        null,
        "statementId",
        id.toString(),
        "content",
        statement,
        "X-Experience-API-Version",
        version,
        "Authorization",
        credential);
  }

  /**
   * A request in the alternate syntax: POST with the method in the query and the rest as a form;
   * {@code headers} "version|credential" sends those as real headers instead.
   */
  private HttpResponse<String> alternate(String method, String headers, String... fields) {
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < fields.length; i += 2) {
      form.append(form.length() == 0 ? "" : "&")
          .append(Http.encoded(fields[i]))
          .append('=')
          .append(Http.encoded(fields[i + 1]));
    }
    var request =
        headers == null
            ? Http.request(at("/xapi/statements?method=" + method))
            : xapi(
                "/xapi/statements?method=" + method,
                headers.substring(headers.indexOf('|') + 1),
                headers.substring(0, headers.indexOf('|')));
    return Http.send(
        request
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form.toString())));
  }

  HttpResponse<String> put(String client, UUID id, String statement, String version) {
    return Http.send(
        xapi("/xapi/statements?statementId=" + id, client, version)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(statement)));
  }

  HttpResponse<String> post(String client, String body, String version) {
    return Http.send(
        xapi("/xapi/statements", client, version)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  HttpResponse<String> get(String client, String query, String version) {
    return Http.send(
        xapi("/xapi/statements" + (query.isEmpty() ? "" : "?" + query), client, version));
  }

  // ---- statements

  static String tenant() {
    return "t-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String statement(String mbox, String verb, String activity) {
    return "{\"actor\":{\"mbox\":\""
        + mbox
        + "\"},\"verb\":{\"id\":\""
        + verb
        + "\"},\"object\":{\"id\":\""
        + activity
        + "\"}}";
  }

  static String withId(UUID id, String statement) {
    return "{\"id\":\"" + id + "\"," + statement.strip().substring(1);
  }

  static String voiding(UUID target) {
    return "{\"actor\":{\"mbox\":\"mailto:admin@example.org\"},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/voided\"},"
        + "\"object\":{\"objectType\":\"StatementRef\",\"id\":\""
        + target
        + "\"}}";
  }

  static String agent(String mbox) {
    return Http.encoded("{\"mbox\":\"" + mbox + "\"}");
  }

  static UUID id(HttpResponse<String> posted) {
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    return UUID.fromString(ids(posted).get(0));
  }

  /** The ids a POST answered, or those of a statement result. */
  static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    if (response.body().strip().startsWith("[")) {
      jakarta.json.Json.createReader(new java.io.StringReader(response.body()))
          .readArray()
          .forEach(id -> ids.add(((jakarta.json.JsonString) id).getString()));
    } else {
      for (JsonValue statement : Http.json(response).getJsonArray("statements")) {
        ids.add(statement.asJsonObject().getString("id"));
      }
    }
    return ids;
  }
}
