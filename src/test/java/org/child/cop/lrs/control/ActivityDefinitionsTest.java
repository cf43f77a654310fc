package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ActivityDefinitionsTest {

  @Test
  void aLaterDefinitionAddsLanguagesAndReplacesOtherMembers() {
    JsonObject merged =
        ActivityDefinitions.merge(
            json("{\"name\":{\"en\":\"First\"},\"type\":\"http://example.org/t1\"}"),
            json(
                "{\"name\":{\"de\":\"Erste\",\"en\":\"First!\"},\"type\":\"http://example.org/t2\"}"));

    assertThat(merged)
        .isEqualTo(
            json(
                "{\"name\":{\"en\":\"First!\",\"de\":\"Erste\"},\"type\":\"http://example.org/t2\"}"));
  }

  private static JsonObject json(String text) {
    return Json.createReader(new StringReader(text)).readObject();
  }
}
