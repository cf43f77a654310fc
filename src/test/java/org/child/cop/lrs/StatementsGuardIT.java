package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.child.cop.lrs.StatementsIT.V1;
import static org.child.cop.lrs.StatementsIT.V2;
import static org.child.cop.lrs.StatementsIT.agent;
import static org.child.cop.lrs.StatementsIT.ids;
import static org.child.cop.lrs.StatementsIT.statement;
import static org.child.cop.lrs.StatementsIT.tenant;
import static org.child.cop.lrs.StatementsIT.voiding;
import static org.child.cop.lrs.StatementsIT.withId;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import jakarta.json.JsonObject;
import java.io.FileInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.child.cop.Http;
import org.junit.jupiter.api.Test;

/**
 * What the Statement Resource refuses or hides: other tenants' statements (seen from the attacker's
 * side), others' statements for read-mine clients, missing scopes, bad input (nothing stored), the
 * wrong version's members, and signed statements that do not hold.
 */
class StatementsGuardIT extends LrsUnderTest {

  private final StatementsIT requests = new StatementsIT();

  @Test
  void anotherTenantsCredentialNeverSeesItsStatementsByIdQueryOrCursor() {
    String alice = credential(tenant(), "all");
    String mallory = credential(tenant(), "all");
    UUID secret = UUID.randomUUID();
    assertThat(
            put(
                    alice,
                    secret,
                    statement(
                        "mailto:victim@example.org",
                        "http://example.org/verbs/secret",
                        "http://example.org/private"),
                    V2)
                .statusCode())
        .isEqualTo(204);
    for (int i = 0; i < 3; i++) {
      post(
          alice,
          statement(
              "mailto:victim@example.org",
              "http://example.org/verbs/secret",
              "http://example.org/private"),
          V2);
    }
    String more = Http.json(get(alice, "limit=1", V2)).getString("more");
    assertThat(more).isNotEmpty();

    assertThat(get(mallory, "statementId=" + secret, V2).statusCode()).isEqualTo(404);
    assertThat(ids(get(mallory, "", V2))).isEmpty();
    assertThat(
            ids(
                get(
                    mallory,
                    "agent=" + agent("mailto:victim@example.org") + "&related_agents=true",
                    V2)))
        .isEmpty();
    assertThat(ids(get(mallory, "verb=" + Http.encoded("http://example.org/verbs/secret"), V2)))
        .isEmpty();
    assertThat(
            ids(
                get(
                    mallory,
                    "activity="
                        + Http.encoded("http://example.org/private")
                        + "&related_activities=true",
                    V2)))
        .isEmpty();
    HttpResponse<String> stolenCursor = Http.send(xapi(more, mallory, V2));
    assertThat(stolenCursor.statusCode()).isEqualTo(400);
    assertThat(stolenCursor.body()).doesNotContain("victim");
    assertThat(
            Http.send(
                    xapi(
                        "/xapi/activities?activityId=" + Http.encoded("http://example.org/private"),
                        mallory,
                        V2))
                .body())
        .doesNotContain("definition");

    // the same id in another tenant is another statement, and voiding there voids nothing here
    assertThat(
            put(
                    mallory,
                    secret,
                    statement(
                        "mailto:m@example.org", "http://example.org/v", "http://example.org/a"),
                    V2)
                .statusCode())
        .isEqualTo(204);
    assertThat(post(mallory, voiding(secret), V2).statusCode()).isEqualTo(200);
    JsonObject stillThere = Http.json(get(alice, "statementId=" + secret, V2));
    assertThat(stillThere.getJsonObject("verb").getString("id"))
        .isEqualTo("http://example.org/verbs/secret");
  }

  @Test
  void aReadMineClientSeesOnlyWhatItStored() {
    String tenant = tenant();
    String mine = credential(tenant, "statements/write", "statements/read/mine");
    String theirs = credential(tenant, "statements/write");
    UUID own = UUID.randomUUID();
    UUID other = UUID.randomUUID();
    put(
        mine,
        own,
        statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a"),
        V2);
    put(
        theirs,
        other,
        statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a"),
        V2);

    assertThat(ids(get(mine, "", V2))).containsExactly(own.toString());
    assertThat(ids(get(mine, "agent=" + agent("mailto:a@example.org"), V2)))
        .containsExactly(own.toString());
    assertThat(get(mine, "statementId=" + other, V2).statusCode()).isEqualTo(404);
    assertThat(get(theirs, "", V2).statusCode()).isEqualTo(403);
  }

  @Test
  void aClientWithoutTheWriteScopeCannotStore() {
    String reader = credential(tenant(), "statements/read");
    HttpResponse<String> refused =
        post(
            reader,
            statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a"),
            V2);

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(ids(get(reader, "", V2))).isEmpty();
    assertThat(get(null, "", V2).statusCode()).isEqualTo(401);
  }

  @Test
  void badInputIsRefusedWithTheReasonAndNothingIsStored() {
    String client = credential(tenant(), "all");
    String valid =
        statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a");

    assertRefused(post(client, "{\"actor\":", V2), 400, "not JSON");
    // a valid statement with something behind it is not a statement
    assertRefused(
        post(client, valid + "\r\nContent-Type: text/plain\r\n\r\nhello", V2), 400, "not JSON");
    // content for an attachment without fileUrl must come in the same request
    assertRefused(
        post(
            client,
            valid.replace(
                "{\"actor\"",
                "{\"attachments\":[{\"usageType\":\"http://example.org/usage\","
                    + "\"display\":{\"en\":\"a\"},\"contentType\":\"text/plain\",\"length\":5,"
                    + "\"sha2\":\""
                    + "a".repeat(64)
                    + "\"}],\"actor\""),
            V2),
        400,
        "has no fileUrl and no part in this request");
    assertRefused(
        post(
            client,
            "{\"actor\":\"ann\",\"verb\":{\"id\":\"http://example.org/v\"},\"object\":{\"id\":\"http://example.org/a\"}}",
            V2),
        400,
        "actor: must be an object");
    assertRefused(
        post(client, statement("mailto:a@example.org", "did", "http://example.org/a"), V2),
        400,
        "verb.id: must be an absolute IRI");
    assertRefused(
        post(client, valid.replace("{\"actor\"", "{\"colour\":\"red\",\"actor\""), V2),
        400,
        "colour: is not a property");
    assertRefused(post(client, "[]", V2), 400, "no statements");
    assertRefused(post(client, "42", V2), 400, "statement object");
    assertRefused(
        Http.send(
            xapi("/xapi/statements", client, V2)
                .header("Content-Type", "application/json")
                .PUT(BodyPublishers.ofString(valid))),
        400,
        "statementId");
    assertRefused(
        Http.send(
            xapi("/xapi/statements?method=PUT", client, V1)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(valid))),
        400,
        "alternate request syntax");
    assertRefused(
        Http.send(
            xapi("/xapi/statements", client, V2)
                .header("Content-Type", "text/plain")
                .POST(BodyPublishers.ofString(valid))),
        400,
        "application/json or multipart/mixed");
    assertRefused(get(client, "colour=red", V2), 400, "colour is not a parameter");
    assertRefused(
        get(client, "agent=" + Http.encoded("{\"mbox\":\"a@example.org\"}"), V2), 400, "agent");
    assertRefused(get(client, "since=yesterday", V2), 400, "since");
    HttpResponse<String> combined =
        get(
            client,
            "statementId=" + UUID.randomUUID() + "&verb=" + Http.encoded("http://example.org/v"),
            V2);
    assertRefused(combined, 400, "cannot be combined");
    // a refused read still says how consistent the LRS is: clients wait on it
    assertThat(combined.headers().firstValue("X-Experience-API-Consistent-Through"))
        .hasValueSatisfying(through -> assertThat(java.time.Instant.parse(through)).isNotNull());
    assertThat(combined.headers().firstValue("Date")).isPresent();
    assertRefused(get(client, "more=forged", V2), 400, "not a cursor");

    String padded =
        valid.replace(
            "{\"actor\"", "{\"result\":{\"response\":\"" + "x".repeat(1_000_000) + "\"},\"actor\"");
    // within the body limit, but one statement longer than the LRS keeps: the batch is refused
    assertRefused(
        post(client, "[" + valid + "," + padded + "]", V2),
        400,
        "[1]: is longer than 1000000 characters of JSON");

    StringBuilder huge = new StringBuilder("[");
    for (int i = 0; i < 11; i++) {
      huge.append(i == 0 ? "" : ",").append(padded);
    }
    assertRefused(post(client, huge.append("]").toString(), V2), 413, "larger than 10 MB");

    assertThat(ids(get(client, "", V2))).isEmpty();
  }

  @Test
  void versionsDecideWhichMembersAreAcceptedAndReturned() {
    String client = credential(tenant(), "all");
    String withContextAgents =
        """
        {"actor":{"mbox":"mailto:a@example.org"},"verb":{"id":"http://example.org/v"},
         "object":{"id":"http://example.org/a"},"timestamp":"2026-03-01T12:00:00.000+02:00",
         "context":{"contextAgents":[{"objectType":"contextAgent","agent":{"mbox":"mailto:c@example.org"}}]}}
        """;

    assertRefused(
        post(client, withContextAgents, V1), 400, "contextAgents: is an xAPI 2.0 property");
    UUID id = StatementsIT.id(post(client, withContextAgents, V2));

    JsonObject asVersion2 = Http.json(get(client, "statementId=" + id, V2));
    assertThat(asVersion2.getJsonObject("context").containsKey("contextAgents")).isTrue();
    assertThat(asVersion2.getString("timestamp")).isEqualTo("2026-03-01T10:00:00Z");
    assertThat(asVersion2.getString("version")).isEqualTo("2.0.0");
    HttpResponse<String> asVersion1 = get(client, "statementId=" + id, "1.0.1");
    assertThat(asVersion1.headers().firstValue("X-Experience-API-Version")).contains("1.0.3");
    assertThat(asVersion1.body()).doesNotContain("contextAgents");

    UUID old =
        StatementsIT.id(
            post(
                client,
                statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a"),
                V1));
    assertThat(Http.json(get(client, "statementId=" + old, V1)).getString("version"))
        .isEqualTo("1.0.0");
    assertRefused(
        post(
            client,
            statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a")
                .replace("}}", "},\"timestamp\":\"2026-03-01T12:00:00\"}"),
            V2),
        400,
        "zone offset");
    assertThat(get(client, "", "3.0.0").statusCode()).isEqualTo(400);
  }

  @Test
  void aSignedStatementIsStoredOnlyWhenItsJwsHoldsTheStatement(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String client = credential(tenant(), "all");
    Path store = dir.resolve("signer.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "signer",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=Signer",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(store.toFile())) {
      keys.load(in, "changeit".toCharArray());
    }
    PrivateKey key = (PrivateKey) keys.getKey("signer", "changeit".toCharArray());
    X509Certificate certificate = (X509Certificate) keys.getCertificate("signer");

    UUID id = UUID.randomUUID();
    String original =
        withId(
            id, statement("mailto:a@example.org", "http://example.org/v", "http://example.org/a"));
    String jws = sign(original, key, certificate);
    String tampered = sign(original.replace("mailto:a@", "mailto:b@"), key, certificate);

    assertRefused(
        Http.send(signed(client, original, tampered)), 400, "payload is not this statement");
    assertRefused(Http.send(signed(client, original, "not a jws")), 400, "not a JWS");
    assertRefused(
        Http.send(signed(client, original, jws, "text/plain")),
        400,
        "contentType application/octet-stream");
    HttpResponse<String> stored = Http.send(signed(client, original, jws));
    assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
    assertThat(get(client, "statementId=" + id, V2).body())
        .contains("http://adlnet.gov/expapi/attachments/signature");
    Files.deleteIfExists(store);
  }

  private static String sign(String statement, PrivateKey key, X509Certificate certificate)
      throws Exception {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .x509CertChain(
                    List.of(com.nimbusds.jose.util.Base64.encode(certificate.getEncoded())))
                .build(),
            new Payload(statement));
    jws.sign(new RSASSASigner(key));
    return jws.serialize();
  }

  private java.net.http.HttpRequest.Builder signed(String client, String statement, String jws)
      throws Exception {
    return signed(client, statement, jws, "application/octet-stream");
  }

  private java.net.http.HttpRequest.Builder signed(
      String client, String statement, String jws, String contentType) throws Exception {
    byte[] content = jws.getBytes(StandardCharsets.UTF_8);
    String sha2 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    String withSignature =
        statement.strip().substring(0, statement.strip().length() - 1)
            + ",\"attachments\":[{\"usageType\":\"http://adlnet.gov/expapi/attachments/signature\","
            + "\"display\":{\"en\":\"Signature\"},\"contentType\":\""
            + contentType
            + "\",\"length\":"
            + content.length
            + ",\"sha2\":\""
            + sha2
            + "\"}]}";
    return requests.multipartFor(
        xapi("/xapi/statements", client, V2),
        withSignature,
        content,
        sha2,
        "application/octet-stream");
  }

  private static void assertRefused(HttpResponse<String> response, int status, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains(reason);
  }

  private HttpResponse<String> put(String client, UUID id, String statement, String version) {
    return Http.send(
        xapi("/xapi/statements?statementId=" + id, client, version)
            .header("Content-Type", "application/json")
            .PUT(BodyPublishers.ofString(statement)));
  }

  private HttpResponse<String> post(String client, String body, String version) {
    return Http.send(
        xapi("/xapi/statements", client, version)
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(body)));
  }

  private HttpResponse<String> get(String client, String query, String version) {
    return Http.send(
        xapi("/xapi/statements" + (query.isEmpty() ? "" : "?" + query), client, version));
  }
}
