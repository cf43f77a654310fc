package org.child.cop.lrs.entity;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** A document's bytes and the content type its client gave them; any bytes at all. */
public final class DocumentContent {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSONP = JsonProvider.provider();

  public static final String JSON = "application/json";

  private final String contentType;
  private final byte[] bytes;

  public DocumentContent(String contentType, byte[] bytes) {
    this.contentType = Objects.requireNonNull(contentType, "contentType");
    this.bytes = bytes.clone();
  }

  public String contentType() {
    return contentType;
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public int length() {
    return bytes.length;
  }

  /** Whether the content type is {@code application/json}, whatever its parameters. */
  public boolean isJson() {
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT).equals(JSON);
  }

  /** Whether content sent as JSON is JSON (any value); other content types are not looked at. */
  public boolean isWellFormed() {
    return !isJson() || json().isPresent();
  }

  /** The content as a JSON object, if it is JSON and parses as exactly one object. */
  public Optional<JsonObject> jsonObject() {
    return isJson()
        ? json()
            .filter(value -> value.getValueType() == JsonValue.ValueType.OBJECT)
            .map(JsonValue::asJsonObject)
        : Optional.empty();
  }

  /** The bytes as one JSON value with nothing after it (a reader alone ignores trailing text). */
  private Optional<JsonValue> json() {
    try (JsonParser parser = JSONP.createParser(new ByteArrayInputStream(bytes))) {
      if (!parser.hasNext()) {
        return Optional.empty();
      }
      parser.next();
      JsonValue value = parser.getValue();
      return parser.hasNext() ? Optional.empty() : Optional.of(value);
    } catch (JsonException | IllegalStateException | NoSuchElementException notJson) {
      return Optional.empty();
    }
  }

  /**
   * The xAPI merge of a POST: the posted object's top-level properties replace or join the stored
   * ones (nothing deeper is merged). Both documents must be JSON objects with {@code
   * application/json}; otherwise the reason is thrown and nothing may change.
   */
  public DocumentContent mergedWith(DocumentContent posted) {
    JsonObject stored =
        jsonObject()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The stored document is "
                            + (isJson() ? "not a JSON object" : contentType)
                            + ": only JSON objects (application/json) can be merged by POST;"
                            + " replace it with PUT."));
    JsonObject update =
        posted
            .jsonObject()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        posted.isJson()
                            ? "The posted document is not a JSON object: POST merges JSON objects."
                            : "The posted document is "
                                + posted.contentType
                                + ": POST merges only JSON objects sent as application/json."));
    JsonObjectBuilder merged = JSONP.createObjectBuilder(stored);
    for (Map.Entry<String, JsonValue> property : update.entrySet()) {
      merged.add(property.getKey(), property.getValue());
    }
    return new DocumentContent(
        contentType, merged.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The hex SHA-1 of the bytes: the ETag xAPI 1.0.3 prescribes (quoted when sent). */
  public String etag() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DocumentContent that
        && contentType.equals(that.contentType)
        && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * contentType.hashCode() + Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return contentType + " (" + bytes.length + " bytes)";
  }
}
