package org.child.cop.lti;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LtiRoleTest {

  private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

  @Test
  void contextRolesMapToToolRoles() {
    assertThat(LtiRole.of(List.of(LIS + "membership#Learner"))).containsExactly(LtiRole.LEARNER);
    assertThat(LtiRole.of(List.of(LIS + "membership#Instructor")))
        .containsExactly(LtiRole.INSTRUCTOR);
    assertThat(LtiRole.of(List.of(LIS + "membership#ContentDeveloper")))
        .containsExactly(LtiRole.CONTENT_DEVELOPER);
    assertThat(LtiRole.of(List.of(LIS + "membership#Administrator")))
        .containsExactly(LtiRole.ADMINISTRATOR);
  }

  @Test
  void subRolesGrantTheirPrincipalRole() {
    assertThat(LtiRole.of(List.of(LIS + "membership/Instructor#TeachingAssistant")))
        .containsExactly(LtiRole.INSTRUCTOR);
    assertThat(LtiRole.of(List.of(LIS + "membership/Learner#NonCreditLearner")))
        .containsExactly(LtiRole.LEARNER);
  }

  @Test
  void institutionAndSystemRolesCountToo() {
    assertThat(
            LtiRole.of(
                List.of(
                    LIS + "institution/person#Faculty",
                    LIS + "institution/person#Student",
                    LIS + "system/person#SysAdmin")))
        .containsExactlyInAnyOrder(LtiRole.INSTRUCTOR, LtiRole.LEARNER, LtiRole.ADMINISTRATOR);
  }

  @Test
  void deprecatedShortContextRolesAreUnderstood() {
    assertThat(LtiRole.of(List.of("Instructor", "Learner")))
        .containsExactlyInAnyOrder(LtiRole.INSTRUCTOR, LtiRole.LEARNER);
  }

  @Test
  void unknownOrForeignRolesGrantNothing() {
    assertThat(
            LtiRole.of(
                List.of(
                    LIS + "membership#Mentor",
                    LIS + "institution/person#Guest",
                    "http://purl.imsglobal.org/vocab/lis/v2/system/person#User",
                    "https://evil.example.org/roles#Administrator",
                    "urn:lti:role:ims/lis/Instructor",
                    "")))
        .isEmpty();
  }
}
