package org.child.cop.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgUnitTest {

  @Test
  void theLaunchNamesTheUnitAndItsPath() {
    assertThat(
            OrgUnit.fromCustomParameters(
                Map.of("org_unit_id", "COMM-HOME", "org_unit_path", "CHILD/COMM/COMM-HOME")))
        .isEqualTo(new OrgUnit("COMM-HOME", List.of("CHILD", "COMM", "COMM-HOME")));
  }

  @Test
  void aPathWithoutTheUnitGetsItAtItsEndAndAUnitWithoutAPathStandsAlone() {
    assertThat(OrgUnit.fromCustomParameters(Map.of("org_unit_id", "W3", "org_unit_path", "H/W")))
        .isEqualTo(new OrgUnit("W3", List.of("H", "W", "W3")));
    assertThat(OrgUnit.fromCustomParameters(Map.of("org_unit_id", "W3")))
        .isEqualTo(new OrgUnit("W3", List.of("W3")));
  }

  @Test
  void noUnitAnUnfilledSubstitutionOrNonsenseIsUnassigned() {
    assertThat(OrgUnit.fromCustomParameters(Map.of())).isEqualTo(OrgUnit.UNASSIGNED);
    assertThat(OrgUnit.fromCustomParameters(Map.of("org_unit_id", "$Canvas.account.id")))
        .isEqualTo(OrgUnit.UNASSIGNED);
    assertThat(OrgUnit.fromCustomParameters(Map.of("org_unit_id", "x".repeat(101))))
        .isEqualTo(OrgUnit.UNASSIGNED);
    assertThat(OrgUnit.fromCustomParameters(Map.of("org_unit_id", "Nursing/4B")))
        .isEqualTo(OrgUnit.UNASSIGNED);
  }

  @Test
  void aPathLongerThanTheStoreKeepsLeavesTheUnitStandingAlone() {
    String deep = String.join("/", java.util.Collections.nCopies(20, "x".repeat(60)));

    assertThat(OrgUnit.fromCustomParameters(Map.of("org_unit_id", "W3", "org_unit_path", deep)))
        .isEqualTo(new OrgUnit("W3", List.of("W3")));
  }

  @Test
  void aUnitMustEndItsOwnPath() {
    assertThatThrownBy(() -> new OrgUnit("A", List.of("A", "B")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
