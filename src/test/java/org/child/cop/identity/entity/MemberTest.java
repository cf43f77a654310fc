package org.child.cop.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.child.cop.lti.LtiRole;
import org.junit.jupiter.api.Test;

class MemberTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private static final PlatformAccount ACCOUNT =
      new PlatformAccount("https://moodle.example.org", "42");

  @Test
  void aNameThePlatformNoLongerSendsIsKeptAndANewOneReplacesIt() {
    Member member = new Member(ACCOUNT, "Ada Lovelace", NOW);

    member.seen(null, NOW.plusSeconds(60));
    assertThat(member.name()).isEqualTo("Ada Lovelace");

    member.seen("Ada King", NOW.plusSeconds(120));
    assertThat(member.name()).isEqualTo("Ada King");
    assertThat(member.lastSeenAt()).isEqualTo(NOW.plusSeconds(120));
  }

  @Test
  void lastSeenMovesOnlyOncePerHourOfLaunches() {
    Member member = new Member(ACCOUNT, "Ada", NOW);

    member.seen("Ada", NOW.plus(Duration.ofMinutes(30)));
    assertThat(member.lastSeenAt()).isEqualTo(NOW);

    member.seen("Ada", NOW.plus(Duration.ofMinutes(61)));
    assertThat(member.lastSeenAt()).isEqualTo(NOW.plus(Duration.ofMinutes(61)));
  }

  @Test
  void anAccountNeedsIssuerAndSubject() {
    assertThatThrownBy(() -> new PlatformAccount("https://moodle.example.org", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMembershipTakesWhatThePlatformStatesNow() {
    Member member = new Member(ACCOUNT, "Ada", NOW);
    Membership membership =
        new Membership(member, "p", "c", Set.of(LtiRole.LEARNER), Membership.Source.LAUNCH, NOW);

    membership.update(
        Set.of(LtiRole.INSTRUCTOR), Membership.Source.ROSTER, false, NOW.plusSeconds(5));

    assertThat(membership.roles()).containsExactly(LtiRole.INSTRUCTOR);
    assertThat(membership.source()).isEqualTo(Membership.Source.ROSTER);
    assertThat(membership.active()).isFalse();
  }
}
