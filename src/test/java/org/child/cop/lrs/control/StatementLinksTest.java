package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.child.cop.lrs.control.StatementLinks.Link;
import org.child.cop.xapi.Account;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.ContextActivities;
import org.child.cop.xapi.ContextAgent;
import org.child.cop.xapi.Group;
import org.child.cop.xapi.Ifi;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.SubStatement;
import org.child.cop.xapi.Verb;
import org.junit.jupiter.api.Test;

class StatementLinksTest {

  private static final Agent ANN = Agent.mbox("ann@example.org");
  private static final Agent BOB = Agent.account("https://lms.example.org", "bob");

  @Test
  void eachIfiHasOneCanonicalKeyWhateverTheNameOrObjectType() {
    assertThat(StatementLinks.agentKey(ANN.ifi())).isEqualTo("mbox:mailto:ann@example.org");
    assertThat(StatementLinks.agentKey(new Account("https://lms.example.org", "bob")))
        .isEqualTo("account:https://lms.example.org|bob");
    assertThat(StatementLinks.agentKey(new Ifi.OpenId("https://id.example.org/ann")))
        .isEqualTo("openid:https://id.example.org/ann");
    assertThat(
            StatementLinks.agentKey(
                new Ifi.MboxSha1Sum("ABCDEF0123456789ABCDEF0123456789ABCDEF01")))
        .isEqualTo("sha1:abcdef0123456789abcdef0123456789abcdef01");
  }

  @Test
  void aLongKeyIsIndexedByItsHash() {
    String iri = "https://example.org/" + "a".repeat(600);

    assertThat(StatementLinks.activityKey(iri)).startsWith("sha256:").hasSize(7 + 64);
    assertThat(StatementLinks.activityKey(iri)).isEqualTo(StatementLinks.activityKey(iri));
  }

  @Test
  void agentsAndActivitiesAreLinkedWithWhereTheStatementNamesThem() {
    Group team = Group.anonymous(List.of(BOB));
    Statement statement =
        Statement.builder()
            .actor(ANN)
            .verb(Verb.of("http://example.org/planned"))
            .object(
                SubStatement.of(
                    BOB, Verb.of("http://example.org/attend"), Activity.of("http://example.org/s")))
            .authority(Agent.mbox("lrs@example.org"))
            .context(
                Context.builder()
                    .team(team)
                    .contextAgents(List.of(ContextAgent.of(Agent.mbox("cat@example.org"))))
                    .contextActivities(
                        ContextActivities.none()
                            .withParent(Activity.of("http://example.org/course")))
                    .build())
            .build();

    StatementLinks links = StatementLinks.of(statement);

    assertThat(links.agents())
        .containsExactlyInAnyOrder(
            new Link("mbox:mailto:ann@example.org", "ACTOR"),
            new Link("account:https://lms.example.org|bob", "TEAM"),
            new Link("mbox:mailto:cat@example.org", "CONTEXT_AGENT"),
            new Link("mbox:mailto:lrs@example.org", "AUTHORITY"),
            new Link("account:https://lms.example.org|bob", "SUB_ACTOR"));
    assertThat(links.activities())
        .containsExactlyInAnyOrder(
            new Link("http://example.org/course", "PARENT"),
            new Link("http://example.org/s", "SUB_OBJECT"));
  }
}
