package org.child.cop.lrs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The xAPI document merge, and what counts as a JSON document. */
class DocumentContentTest {

  @Test
  void mergeReplacesAndAddsTopLevelPropertiesOnly() {
    DocumentContent stored = json("{\"x\":\"foo\",\"y\":\"bar\",\"nested\":{\"a\":1,\"b\":2}}");

    DocumentContent merged =
        stored.mergedWith(json("{\"x\":\"bash\",\"z\":\"faz\",\"nested\":{\"c\":3}}"));

    assertThat(object(merged))
        .isEqualTo(
            object(json("{\"x\":\"bash\",\"y\":\"bar\",\"z\":\"faz\",\"nested\":{\"c\":3}}")));
    assertThat(merged.contentType()).isEqualTo("application/json");
  }

  @Test
  void mergeNeedsTheStoredDocumentToBeJson() {
    DocumentContent text = new DocumentContent("text/plain", bytes("hello"));

    assertThatThrownBy(() -> text.mergedWith(json("{\"a\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The stored document is text/plain");
  }

  @Test
  void mergeNeedsThePostedDocumentToBeJson() {
    assertThatThrownBy(
            () -> json("{\"a\":1}").mergedWith(new DocumentContent("not/json", bytes("abc"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("The posted document is not/json");
  }

  @Test
  void mergeNeedsJsonObjectsNotOtherJsonValues() {
    assertThatThrownBy(() -> json("{\"a\":1}").mergedWith(json("[1,2]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(() -> json("[1,2]").mergedWith(json("{\"a\":1}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stored document is not a JSON object");
  }

  @Test
  void jsonWithTrailingTextIsNotAJsonObject() {
    DocumentContent broken = json("{\"a\":1}{");

    assertThat(broken.jsonObject()).isEmpty();
    assertThat(broken.isWellFormed()).isFalse();
  }

  @Test
  void contentTypeParametersAndCaseDoNotHideJson() {
    assertThat(new DocumentContent("Application/JSON; charset=UTF-8", bytes("{}")).isJson())
        .isTrue();
    assertThat(new DocumentContent("application/jsonp", bytes("{}")).isJson()).isFalse();
  }

  @Test
  void otherContentIsWellFormedWhateverItsBytes() {
    assertThat(
            new DocumentContent("application/octet-stream", new byte[] {0, -1, 7}).isWellFormed())
        .isTrue();
  }

  @Test
  void theEtagIsTheLowerCaseSha1HexOfTheBytes() {
    // SHA-1 of "abc" (FIPS 180 test vector)
    assertThat(new DocumentContent("text/plain", bytes("abc")).etag())
        .isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
  }

  private static DocumentContent json(String text) {
    return new DocumentContent("application/json", bytes(text));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject object(DocumentContent content) {
    try (var reader =
        Json.createReader(new StringReader(new String(content.bytes(), StandardCharsets.UTF_8)))) {
      return reader.readObject();
    }
  }
}
