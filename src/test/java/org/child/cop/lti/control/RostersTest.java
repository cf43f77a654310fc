package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.RosterEntry;
import org.junit.jupiter.api.Test;

class RostersTest {

  private static final URI PAGE = URI.create("https://lms.example.org/nrps/42/members?page=1");

  @Test
  void theNextPageIsFoundAmongSeveralLinksWithQuotedOrBareRelations() {
    assertThat(
            Rosters.nextPage(
                List.of(
                    "<https://lms.example.org/nrps/42/members?page=1>; rel=\"first\","
                        + " <https://lms.example.org/nrps/42/members?page=2>; rel=\"next\""),
                PAGE))
        .contains(URI.create("https://lms.example.org/nrps/42/members?page=2"));
    assertThat(Rosters.nextPage(List.of("<https://lms.example.org/p3>;rel=next"), PAGE))
        .contains(URI.create("https://lms.example.org/p3"));
    assertThat(
            Rosters.nextPage(
                List.of(
                    "<https://lms.example.org/p1>; rel=\"first\"",
                    "<https://lms.example.org/p4>; rel=\"prev next\""),
                PAGE))
        .contains(URI.create("https://lms.example.org/p4"));
  }

  @Test
  void aRelativeNextPageIsResolvedAgainstTheCurrentOne() {
    assertThat(Rosters.nextPage(List.of("<members?page=3>; rel=next"), PAGE))
        .contains(URI.create("https://lms.example.org/nrps/42/members?page=3"));
  }

  @Test
  void withoutANextLinkTheRosterEnds() {
    assertThat(Rosters.nextPage(List.of(), PAGE)).isEmpty();
    assertThat(
            Rosters.nextPage(
                List.of(
                    "<https://lms.example.org/p1>; rel=\"first\", <https://x/nextish>; rel=\"last\""),
                PAGE))
        .isEmpty();
    assertThat(Rosters.nextPage(List.of("garbage; rel=next"), PAGE)).isEmpty();
  }

  @Test
  void moodleAndCanvasMembersBecomeRosterEntries() {
    String body =
        """
        {"id": "https://lms.example.org/nrps/42/members", "context": {"id": "42"}, "members": [
          {"status": "Active", "name": "Ada Lovelace", "user_id": "2", "lis_person_sourcedid": "",
           "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]},
          {"name": "Grace Hopper", "user_id": "535fa085f22b4655f48cd5a36a9215f64c062838",
           "lti11_legacy_user_id": "535fa085", "roles": ["Learner"]},
          {"status": "Inactive", "name": "Mary Left", "user_id": "7", "roles": []},
          {"status": "Deleted", "user_id": "8",
           "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"]},
          {"name": "No id", "roles": ["Learner"]},
          "not a member"
        ]}
        """;

    List<RosterEntry> entries = Rosters.entries("https://lms.example.org", body);

    assertThat(entries)
        .containsExactly(
            new RosterEntry(
                "https://lms.example.org", "2", "Ada Lovelace", Set.of(LtiRole.INSTRUCTOR), true),
            new RosterEntry(
                "https://lms.example.org",
                "535fa085f22b4655f48cd5a36a9215f64c062838",
                "Grace Hopper",
                Set.of(LtiRole.LEARNER),
                true),
            new RosterEntry("https://lms.example.org", "7", "Mary Left", Set.of(), false),
            new RosterEntry(
                "https://lms.example.org", "8", null, Set.of(LtiRole.INSTRUCTOR), false));
  }

  @Test
  void aPageWithoutMembersIsAFailureNotAnEmptyRoster() {
    assertThatThrownBy(() -> Rosters.entries("https://lms.example.org", "{\"error\":\"x\"}"))
        .isInstanceOf(ServiceCallFailed.class);
    assertThatThrownBy(() -> Rosters.entries("https://lms.example.org", "<html>"))
        .isInstanceOf(ServiceCallFailed.class);
  }
}
