package org.child.cop.communities.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCodeTest {

  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void aCodeIsShortUnambiguousAndStoredOnlyAsItsHash() {
    LinkCode.Issued issued = LinkCode.issue("community", "member", NOW);

    assertThat(issued.code()).matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
    assertThat(LinkCode.hash(issued.code())).hasSize(64).doesNotContain(issued.code());
    assertThat(LinkCode.hash(issued.code().toLowerCase().replace("-", " ")))
        .as("typed in lower case with a space")
        .isEqualTo(LinkCode.hash(issued.code()));
  }

  @Test
  void codesDoNotRepeat() {
    Set<String> codes = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      codes.add(LinkCode.issue("community", "member", NOW).code());
    }
    assertThat(codes).hasSize(1000);
  }

  @Test
  void aCodeWorksOnceAndForADay() {
    LinkCode once = LinkCode.issue("community", "member", NOW).row();
    LinkCode late = LinkCode.issue("community", "member", NOW).row();

    assertThat(once.redeem(NOW.plusSeconds(60))).isTrue();
    assertThat(once.redeem(NOW.plusSeconds(120))).isFalse();
    assertThat(late.redeem(NOW.plus(LinkCode.LIFETIME))).isFalse();
  }
}
