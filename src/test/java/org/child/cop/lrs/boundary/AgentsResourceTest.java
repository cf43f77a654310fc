package org.child.cop.lrs.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Ifi;
import org.junit.jupiter.api.Test;

/** The Person object: the Agent's own properties, each as an array. */
class AgentsResourceTest {

  @Test
  void aNamedAgentWithAnMboxBecomesAPersonWithArrays() {
    JsonObject person =
        AgentsResource.person(Agent.of("Ann", new Ifi.Mbox("mailto:ann@example.org")));

    assertThat(person)
        .isEqualTo(
            json(
                "{\"objectType\":\"Person\",\"name\":[\"Ann\"],"
                    + "\"mbox\":[\"mailto:ann@example.org\"]}"));
  }

  @Test
  void anAccountBecomesAnArrayOfOneAccountAndNoNameIsLeftOut() {
    JsonObject person = AgentsResource.person(Agent.account("https://moodle.example.org", "2841"));

    assertThat(person)
        .isEqualTo(
            json(
                "{\"objectType\":\"Person\",\"account\":"
                    + "[{\"homePage\":\"https://moodle.example.org\",\"name\":\"2841\"}]}"));
  }

  @Test
  void sha1SumsAndOpenIdsAreKeptUnderTheirNames() {
    assertThat(
            AgentsResource.person(
                    Agent.of(new Ifi.MboxSha1Sum("ebd31e95054c018b10727ccffd2ef2ec3a016ee9")))
                .getJsonArray("mbox_sha1sum"))
        .hasSize(1);
    assertThat(
            AgentsResource.person(Agent.of(new Ifi.OpenId("https://id.example.org/ann")))
                .getJsonArray("openid")
                .getString(0))
        .isEqualTo("https://id.example.org/ann");
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
