package org.child.cop.activities.ask.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.activities.ask.QuestionFilter;
import org.child.cop.activities.ask.Urgency;
import org.child.cop.activities.ask.entity.Question;
import org.child.cop.identity.OrgUnit;
import org.child.cop.lti.Launch;
import org.junit.jupiter.api.Test;

/** The parts of Ask the community that need no container: runs, registrations, form values. */
class AskTheCommunityTest {

  @Test
  void theRunIsThePlacementTheDeepLinkGaveOrElseTheResourceLink() {
    String placement = "0c7e5b1a-3d92-4f8e-a6b4-91d2e8f07c35";

    assertThat(AskTheCommunity.runOf(launch(Map.of("placement", placement), "link-1")))
        .isEqualTo(placement);
    assertThat(AskTheCommunity.runOf(launch(Map.of(), "link-1")))
        .isEqualTo(AskTheCommunity.runOf(launch(Map.of("placement", "$Bad/../id"), "link-1")))
        .isNotEqualTo(AskTheCommunity.runOf(launch(Map.of(), "link-2")))
        .hasSize(36);
  }

  @Test
  void eachQuestionHasARegistrationOfItsOwnThatStaysTheSame() {
    Question one = question();
    Question two = question();

    assertThat(AskTheCommunity.registrationOf(one))
        .isEqualTo(AskTheCommunity.registrationOf(one))
        .isNotEqualTo(AskTheCommunity.registrationOf(two));
  }

  @Test
  void formValuesOutsideTheirChoicesAreRefusedWithTheFieldNamed() {
    assertThat(Urgency.of("THIS_WEEK")).isEqualTo(Urgency.THIS_WEEK);
    assertThatThrownBy(() -> Urgency.of("tomorrow"))
        .isInstanceOfSatisfying(
            AskRefused.class, refused -> assertThat(refused.field()).isEqualTo("urgency"));
    assertThat(QuestionFilter.of(null)).isEqualTo(QuestionFilter.ALL);
    assertThat(QuestionFilter.of("other-units")).isEqualTo(QuestionFilter.OTHER_UNITS);
    assertThatThrownBy(() -> QuestionFilter.of("OTHER_UNITS")).isInstanceOf(AskRefused.class);
  }

  private static Question question() {
    return new Question(
        "community",
        "asker",
        OrgUnit.UNASSIGNED,
        "Title",
        "Body",
        List.of(),
        Urgency.TODAY,
        Instant.now());
  }

  private static Launch launch(Map<String, String> custom, String resourceLink) {
    return new Launch(
        "platform",
        "https://moodle.example.org",
        "subject",
        "Name",
        Launch.RESOURCE_LINK,
        "1",
        "course",
        "Course",
        resourceLink,
        List.of(),
        Set.of(),
        custom);
  }
}
