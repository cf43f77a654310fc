package org.child.cop.identity.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.child.cop.identity.OrgUnit;
import org.junit.jupiter.api.Test;

class UnitHistoryTest {

  private static final PlatformAccount NURSE = new PlatformAccount("https://lms.test", "17");
  private static final OrgUnit WARD_3 =
      new OrgUnit("WARD-3", List.of("CHILD", "NURSING", "WARD-3"));
  private static final OrgUnit WARD_4 =
      new OrgUnit("WARD-4", List.of("CHILD", "NURSING", "WARD-4"));
  private static final OrgUnit PHARMACY = new OrgUnit("PHARM", List.of("CHILD", "PHARM"));
  private static final Instant JAN = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant MAR = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant JUN = Instant.parse("2026-06-01T00:00:00Z");
  private static final Instant SEP = Instant.parse("2026-09-01T00:00:00Z");

  private final UnitHistory history = new UnitHistory(NURSE, List.of());

  @Test
  void beforeAnySourceNamesAUnitThePersonIsUnassigned() {
    assertThat(history.at(JUN)).isEqualTo(OrgUnit.UNASSIGNED);
    assertThat(history.assign(WARD_3, null, UnitAssignment.Source.LAUNCH, MAR)).isPresent();
    assertThat(history.at(JAN)).isEqualTo(OrgUnit.UNASSIGNED);
    assertThat(history.at(MAR)).isEqualTo(WARD_3);
    assertThat(history.at(SEP)).isEqualTo(WARD_3);
  }

  @Test
  void theSameUnitAgainAddsNoPeriodButKeepsANewName() {
    history.assign(WARD_3, null, UnitAssignment.Source.LAUNCH, JAN);

    assertThat(history.assign(WARD_3, null, UnitAssignment.Source.LAUNCH, MAR)).isEmpty();
    assertThat(history.assign(WARD_3, "Ward 3", UnitAssignment.Source.IMPORT, JUN)).isEmpty();
    assertThat(history.periods())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.displayName()).isEqualTo("Ward 3");
              assertThat(p.validTo()).isNull();
            });
  }

  @Test
  void aMoveEndsThePreviousPeriodAndKeepsIt() {
    history.assign(WARD_3, "Ward 3", UnitAssignment.Source.LAUNCH, JAN);

    assertThat(history.assign(WARD_4, null, UnitAssignment.Source.LAUNCH, JUN)).isPresent();

    assertThat(history.at(MAR)).isEqualTo(WARD_3);
    assertThat(history.at(JUN)).isEqualTo(WARD_4);
    assertThat(history.periods()).extracting(UnitAssignment::validTo).containsExactly(JUN, null);
    assertThat(history.periods().get(1).displayName()).isEqualTo("CHILD / NURSING / WARD-4");
  }

  @Test
  void aPastMoveImportedLaterSlotsInWithoutRewritingWhatCameAfter() {
    history.assign(WARD_3, null, UnitAssignment.Source.IMPORT, JAN);
    history.assign(WARD_4, null, UnitAssignment.Source.LAUNCH, SEP);

    // the import learns the person was in the pharmacy from March
    assertThat(history.assign(PHARMACY, null, UnitAssignment.Source.IMPORT, MAR)).isPresent();

    assertThat(history.at(JAN)).isEqualTo(WARD_3);
    assertThat(history.at(JUN)).isEqualTo(PHARMACY);
    assertThat(history.at(SEP)).isEqualTo(WARD_4);
    assertThat(history.periods())
        .extracting(UnitAssignment::validFrom, UnitAssignment::validTo)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JAN, MAR),
            org.assertj.core.groups.Tuple.tuple(MAR, SEP),
            org.assertj.core.groups.Tuple.tuple(SEP, null));
  }

  @Test
  void anEarlierStartThanAnyKnownRunsUntilTheFirstKnownPeriod() {
    history.assign(WARD_4, null, UnitAssignment.Source.LAUNCH, JUN);

    history.assign(WARD_3, null, UnitAssignment.Source.IMPORT, JAN);

    assertThat(history.at(MAR)).isEqualTo(WARD_3);
    assertThat(history.at(JUN)).isEqualTo(WARD_4);
    assertThat(history.periods()).extracting(UnitAssignment::validTo).containsExactly(JUN, null);
  }

  @Test
  void aCorrectionAtTheSameMomentReplacesThatPeriodsUnit() {
    history.assign(WARD_3, null, UnitAssignment.Source.IMPORT, MAR);

    assertThat(history.assign(PHARMACY, null, UnitAssignment.Source.IMPORT, MAR)).isEmpty();

    assertThat(history.periods())
        .singleElement()
        .satisfies(p -> assertThat(p.unit()).isEqualTo(PHARMACY));
  }
}
