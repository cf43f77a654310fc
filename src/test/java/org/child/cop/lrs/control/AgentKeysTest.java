package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.child.cop.xapi.Account;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Ifi;
import org.junit.jupiter.api.Test;

/** One key per identifier, whatever else an Agent says about itself. */
class AgentKeysTest {

  @Test
  void eachKindOfIdentifierHasItsPrefix() {
    assertThat(AgentKeys.of(new Ifi.Mbox("mailto:ann@example.org")))
        .isEqualTo("mbox:mailto:ann@example.org");
    assertThat(AgentKeys.of(new Ifi.OpenId("https://id.example.org/ann")))
        .isEqualTo("openid:https://id.example.org/ann");
    assertThat(AgentKeys.of(new Account("https://moodle.example.org", "2841")))
        .isEqualTo("account:https://moodle.example.org|2841");
  }

  @Test
  void aSha1SumIsKeyedInLowerCase() {
    assertThat(AgentKeys.of(new Ifi.MboxSha1Sum("EBD31E95054C018B10727CCFFD2EF2EC3A016EE9")))
        .isEqualTo("sha1:ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
  }

  @Test
  void theNameDoesNotChangeTheKey() {
    assertThat(AgentKeys.of(Agent.of("Ann", new Ifi.Mbox("mailto:ann@example.org"))))
        .isEqualTo(AgentKeys.of(Agent.mbox("ann@example.org")));
  }

  @Test
  void anAccountNameWithTheSeparatorStaysDistinct() {
    // the home page is an IRI and cannot hold '|', so the first '|' always ends it
    assertThat(AgentKeys.of(new Account("https://a.example.org", "b|c")))
        .isNotEqualTo(AgentKeys.of(new Account("https://a.example.org/b", "c")));
  }
}
