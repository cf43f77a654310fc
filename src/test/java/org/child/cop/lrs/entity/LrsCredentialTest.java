package org.child.cop.lrs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.child.cop.lrs.LrsScope;
import org.junit.jupiter.api.Test;

class LrsCredentialTest {

  private final LrsCredential.Issued issued =
      LrsCredential.issue("default", "Reports", Set.of(LrsScope.STATEMENTS_READ), Instant.now());

  @Test
  void onlyTheIssuedSecretIsAccepted() {
    LrsCredential credential = issued.credential();

    assertThat(credential.accepts(issued.secret())).isTrue();
    assertThat(credential.accepts(issued.secret() + "x")).isFalse();
    assertThat(credential.accepts("")).isFalse();
    assertThat(credential.accepts(null)).isFalse();
  }

  @Test
  void aSwitchedOffCredentialIsRefusedEvenWithItsSecret() {
    issued.credential().enable(false);

    assertThat(issued.credential().accepts(issued.secret())).isFalse();
  }

  @Test
  void keysAndSecretsAreLongRandomAndNeverShownByTheCredential() {
    LrsCredential.Issued other =
        LrsCredential.issue("default", "Reports", Set.of(LrsScope.ALL), Instant.now());

    assertThat(issued.secret()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(other.secret());
    assertThat(issued.credential().key()).hasSizeGreaterThanOrEqualTo(24);
    assertThat(issued.credential().toString()).doesNotContain(issued.secret());
  }

  @Test
  void aCredentialNeedsATenantANameAndAScope() {
    assertThatThrownBy(
            () -> LrsCredential.issue("Other Tenant", "x", Set.of(LrsScope.ALL), Instant.now()))
        .hasMessageContaining("tenant");
    assertThatThrownBy(
            () -> LrsCredential.issue("default", " ", Set.of(LrsScope.ALL), Instant.now()))
        .hasMessageContaining("name");
    assertThatThrownBy(() -> LrsCredential.issue("default", "x", Set.of(), Instant.now()))
        .hasMessageContaining("scope");
  }
}
