package org.child.cop.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An Agent read alone, as the document resources' {@code agent} parameter carries it. */
class AgentJsonTest {

  @Test
  void anAgentWithOneIdentifierIsRead() {
    Agent agent =
        StatementJson.readAgent(
            "{\"objectType\":\"Agent\",\"name\":\"Ann\",\"mbox\":\"mailto:ann@example.org\"}");

    assertThat(agent.name()).isEqualTo("Ann");
    assertThat(agent.ifi()).isEqualTo(new Ifi.Mbox("mailto:ann@example.org"));
  }

  @Test
  void anAgentWithoutObjectTypeIsRead() {
    Agent agent =
        StatementJson.readAgent(
            "{\"account\":{\"homePage\":\"https://moodle.example.org\",\"name\":\"2841\"}}");

    assertThat(agent.ifi()).isEqualTo(new Account("https://moodle.example.org", "2841"));
  }

  @Test
  void anAgentWithTwoIdentifiersIsRefused() {
    assertThatThrownBy(
            () ->
                StatementJson.readAgent(
                    "{\"mbox\":\"mailto:ann@example.org\",\"openid\":\"https://id.example.org/ann\"}"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("exactly one IFI");
  }

  @Test
  void anAgentWithoutIdentifierIsRefused() {
    assertThatThrownBy(() -> StatementJson.readAgent("{\"name\":\"Ann\"}"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("exactly one IFI");
  }

  @Test
  void aGroupIsRefused() {
    assertThatThrownBy(
            () ->
                StatementJson.readAgent(
                    "{\"objectType\":\"Group\",\"mbox\":\"mailto:team@example.org\"}"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("objectType: must be Agent");
  }

  @Test
  void aBadMboxIsRefusedAtItsMember() {
    assertThatThrownBy(() -> StatementJson.readAgent("{\"mbox\":\"ann@example.org\"}"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("mbox: must be a mailto: IRI");
  }

  @Test
  void anUnknownMemberIsRefused() {
    assertThatThrownBy(
            () -> StatementJson.readAgent("{\"mbox\":\"mailto:ann@example.org\",\"age\":3}"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("age: is not a property of an Agent");
  }

  @Test
  void textThatIsNotAJsonObjectIsRefused() {
    assertThatThrownBy(() -> StatementJson.readAgent("ann@example.org"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("is not JSON");
    assertThatThrownBy(() -> StatementJson.readAgent("[]"))
        .isInstanceOf(XapiValidationException.class)
        .hasMessageContaining("must be a JSON object");
  }
}
