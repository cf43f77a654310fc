package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import org.child.cop.xapi.XapiVersion;
import org.junit.jupiter.api.Test;

class StatementFormatTest {

  private static final JsonObject STORED =
      Json.createReader(
              new StringReader(
                  """
                  {"id":"6690e6c9-3ef0-4ed3-8b37-7f3964730bee",
                   "actor":{"name":"Ann","mbox":"mailto:a@example.org"},
                   "verb":{"id":"http://example.org/v","display":{"en-US":"did","de":"tat"}},
                   "object":{"id":"http://example.org/a","definition":{"name":{"en":"A","de":"B"}}},
                   "context":{"contextAgents":[{"objectType":"contextAgent",
                     "agent":{"name":"Cat","mbox":"mailto:c@example.org"}}]}}
                  """))
          .readObject();

  @Test
  void idsKeepOnlyWhatIdentifies() {
    JsonObject ids = StatementFormat.IDS.apply(STORED, XapiVersion.V2_0_0, List.of());

    assertThat(ids.getJsonObject("actor").toString())
        .isEqualTo("{\"mbox\":\"mailto:a@example.org\"}");
    assertThat(ids.getJsonObject("verb").toString()).isEqualTo("{\"id\":\"http://example.org/v\"}");
    assertThat(ids.getJsonObject("object").toString())
        .isEqualTo("{\"id\":\"http://example.org/a\"}");
    assertThat(ids.getJsonObject("context").toString()).doesNotContain("Cat");
  }

  @Test
  void idsKeepAGroupsTypeAndIfiButAnActivitysIdAloneInsideASubStatement() {
    JsonObject stored =
        Json.createReader(
                new StringReader(
                    """
                    {"actor":{"objectType":"Group","name":"G","mbox":"mailto:g@example.org",
                       "member":[{"mbox":"mailto:m@example.org"}]},
                     "verb":{"id":"http://example.org/v"},
                     "object":{"objectType":"SubStatement",
                       "actor":{"objectType":"Group","mbox":"mailto:h@example.org","name":"H"},
                       "verb":{"id":"http://example.org/w","display":{"en":"w"}},
                       "object":{"objectType":"Activity","id":"http://example.org/a",
                         "definition":{"name":{"en":"A"}}}}}
                    """))
            .readObject();

    JsonObject ids = StatementFormat.IDS.apply(stored, XapiVersion.V1_0_3, List.of());

    assertThat(ids.getJsonObject("actor").toString())
        .isEqualTo("{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.org\"}");
    JsonObject sub = ids.getJsonObject("object");
    assertThat(sub.getJsonObject("actor").toString())
        .isEqualTo("{\"objectType\":\"Group\",\"mbox\":\"mailto:h@example.org\"}");
    assertThat(sub.getJsonObject("verb").toString()).isEqualTo("{\"id\":\"http://example.org/w\"}");
    assertThat(sub.getJsonObject("object").toString())
        .isEqualTo("{\"id\":\"http://example.org/a\"}");
  }

  @Test
  void canonicalKeepsTheCallersLanguageOrTheFirst() {
    JsonObject german =
        StatementFormat.CANONICAL.apply(
            STORED, XapiVersion.V2_0_0, Locale.LanguageRange.parse("de"));
    JsonObject other =
        StatementFormat.CANONICAL.apply(
            STORED, XapiVersion.V2_0_0, Locale.LanguageRange.parse("fr"));

    assertThat(german.getJsonObject("verb").getJsonObject("display").toString())
        .isEqualTo("{\"de\":\"tat\"}");
    assertThat(german.getJsonObject("object").toString())
        .contains("{\"de\":\"B\"}")
        .doesNotContain("\"en\"");
    assertThat(other.getJsonObject("verb").getJsonObject("display").keySet())
        .containsExactly("en-US");
  }

  @Test
  void aVersion1CallerNeverSeesContextAgents() {
    assertThat(StatementFormat.EXACT.apply(STORED, XapiVersion.V1_0_3, List.of()).toString())
        .doesNotContain("contextAgents");
    assertThat(StatementFormat.EXACT.apply(STORED, XapiVersion.V2_0_0, List.of()).toString())
        .contains("contextAgents");
  }
}
