package org.child.cop.lrs.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MultipartMixedTest {

  @Test
  void whatIsWrittenIsReadBackPartByPartWithBinaryContentIntact() {
    byte[] binary = {0, 13, 10, 45, 45, (byte) 0xff, 13, 10};
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/octet-stream");
    headers.put("X-Experience-API-Hash", "abc");

    MultipartMixed.Written written =
        MultipartMixed.write("{\"a\":1}", List.of(new MultipartMixed.Part(headers, binary)));
    List<MultipartMixed.Part> parts = MultipartMixed.parse(written.contentType(), written.body());

    assertThat(parts).hasSize(2);
    assertThat(new String(parts.get(0).content(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
    assertThat(parts.get(0).header("content-type")).isEqualTo("application/json");
    assertThat(parts.get(1).content()).isEqualTo(binary);
    assertThat(parts.get(1).header("X-Experience-API-Hash")).isEqualTo("abc");
  }

  @Test
  void aBodyWithoutItsBoundaryIsABadRequest() {
    byte[] body = "no parts here".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> MultipartMixed.parse("multipart/mixed; boundary=x", body))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no part");
    assertThatThrownBy(() -> MultipartMixed.parse("multipart/mixed", body))
        .hasMessageContaining("boundary");
  }
}
