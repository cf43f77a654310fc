package org.child.cop.lrs.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Scopes stand in indexes by their key: equal scopes share it, different ones never do. */
class DocumentScopeTest {

  @Test
  void theSameScopeHasTheSameKey() {
    assertThat(DocumentScope.state("a", "https://x.example.org/1", "mbox:mailto:a@b").key())
        .isEqualTo(DocumentScope.state("b", "https://x.example.org/1", "mbox:mailto:a@b").key())
        .hasSize(64);
  }

  @Test
  void kindsActivitiesAndAgentsSeparateKeys() {
    String activity = "https://x.example.org/1";
    String agent = "mbox:mailto:a@b";
    assertThat(DocumentScope.state("t", activity, agent).key())
        .isNotEqualTo(DocumentScope.activityProfile("t", activity).key())
        .isNotEqualTo(DocumentScope.agentProfile("t", agent).key())
        .isNotEqualTo(DocumentScope.state("t", activity + "/2", agent).key());
  }

  @Test
  void eachKindNeedsItsOwnParameters() {
    assertThatThrownBy(
            () ->
                new DocumentScope(
                    "t", DocumentKind.ACTIVITY_PROFILE, "https://x", "mbox:mailto:a@b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DocumentScope("t", DocumentKind.STATE, "https://x", null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyStateDocumentsHaveARegistration() {
    assertThatThrownBy(
            () ->
                new DocumentAddress(
                    DocumentScope.activityProfile("t", "https://x"), UUID.randomUUID(), "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
