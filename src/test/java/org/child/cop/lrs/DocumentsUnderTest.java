package org.child.cop.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.child.cop.Http;

/** The embedded LRS as a client of its document resources talks to it. */
abstract class DocumentsUnderTest extends LrsUnderTest {

  static final String V1 = "1.0.3";
  static final String V2 = "2.0.0";
  static final String JSON = "application/json";
  static final String ANN = "{\"objectType\":\"Agent\",\"mbox\":\"mailto:ann@example.org\"}";

  /** A request with the credential, version, content type and body (null: none), and headers. */
  HttpResponse<String> send(
      String method,
      String path,
      String credential,
      String version,
      String contentType,
      String body,
      String... headers) {
    var request = xapi(path, credential, version);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return Http.send(
        request.method(
            method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body)));
  }

  /** {@code ?name=value&...}, encoded. */
  static String query(String... namesAndValues) {
    return "?" + pairs(namesAndValues);
  }

  /** {@code &name=value...}, encoded, to add to a query. */
  static String and(String... namesAndValues) {
    return "&" + pairs(namesAndValues);
  }

  private static String pairs(String... namesAndValues) {
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      pairs
          .append(i == 0 ? "" : "&")
          .append(namesAndValues[i])
          .append('=')
          .append(Http.encoded(namesAndValues[i + 1]));
    }
    return pairs.toString();
  }

  /** An activity no other test uses. */
  static String activity() {
    return "https://child-cop.example.org/activities/" + UUID.randomUUID();
  }

  /** The ids of a 200 list answer. */
  static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readArray().getValuesAs(JsonString.class).stream()
          .map(JsonString::getString)
          .toList();
    }
  }

  static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
