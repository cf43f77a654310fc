package org.child.cop.lti.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.child.cop.lti.DeepLink;
import org.junit.jupiter.api.Test;

class DeepLinksTest {

  private static final String LAUNCH = "https://cop.example.org/lti/launch";

  @Test
  void aGradedPlacementAsksForAGradeColumnWithItsResourceId() {
    DeepLink link =
        new DeepLink(
            "Ask the community",
            "Ask and answer across units",
            Map.of("activity", "ask", "placement", "p-1"),
            new DeepLink.GradeColumn("Ask the community", 1.0, "p-1", "participation"));

    Map<String, Object> item = DeepLinks.item(link, true, LAUNCH);

    assertThat(item)
        .containsEntry("type", "ltiResourceLink")
        .containsEntry("title", "Ask the community")
        .containsEntry("url", LAUNCH)
        .containsEntry("custom", Map.of("activity", "ask", "placement", "p-1"));
    assertThat(item.get("lineItem"))
        .isEqualTo(
            Map.of(
                "label", "Ask the community",
                "scoreMaximum", 1.0,
                "resourceId", "p-1",
                "tag", "participation"));
  }

  @Test
  void aPlatformThatTakesNoLineItemsGetsTheLinkWithoutAColumn() {
    DeepLink link =
        new DeepLink(
            "Graded",
            null,
            Map.of("activity", "ask"),
            new DeepLink.GradeColumn("Graded", 1.0, "p-2", "participation"));

    Map<String, Object> item = DeepLinks.item(link, false, LAUNCH);

    assertThat(item).doesNotContainKeys("lineItem", "text").containsEntry("title", "Graded");
  }

  @Test
  void anUngradedPlacementHasNoColumn() {
    Map<String, Object> item =
        DeepLinks.item(new DeepLink("Space", "Home", Map.of(), null), true, LAUNCH);

    assertThat(item).doesNotContainKey("lineItem").containsEntry("text", "Home");
  }
}
