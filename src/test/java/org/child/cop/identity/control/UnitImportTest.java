package org.child.cop.identity.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitImportTest {

  private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

  @Test
  void aSpreadsheetExportIsRead() {
    String csv =
        "\uFEFFissuer,subject,unit_id,unit_path,unit_name,valid_from\r\n"
            + "https://lms.test,17,WARD-3,CHILD/NURSING/WARD-3,\"Children's, Nursing / Ward \"\"3\"\"\",2026-09-01\r\n"
            + "https://lms.test,18,PHARM,,,\r\n"
            + ",,,,,\r\n";

    var rows = UnitImport.parse(csv, NOW);

    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).unit().path()).containsExactly("CHILD", "NURSING", "WARD-3");
    assertThat(rows.get(0).name()).isEqualTo("Children's, Nursing / Ward \"3\"");
    assertThat(rows.get(0).validFrom()).isEqualTo(Instant.parse("2026-09-01T00:00:00Z"));
    assertThat(rows.get(1).unit().path()).containsExactly("PHARM");
    assertThat(rows.get(1).name()).isNull();
    assertThat(rows.get(1).validFrom()).isEqualTo(NOW);
  }

  @Test
  void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() {
    var rows = UnitImport.parse("unit_id,subject,issuer\nWARD-3,17,https://lms.test\n", NOW);

    assertThat(rows)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.account().subject()).isEqualTo("17");
              assertThat(row.unit().id()).isEqualTo("WARD-3");
            });
  }

  @Test
  void everyBadLineIsReportedByNumberAndNothingIsAccepted() {
    String csv =
        "issuer,subject,unit_id,valid_from\n"
            + "https://lms.test,17,WARD-3,2026-09-01\n"
            + "https://lms.test,,WARD-3,\n"
            + "https://lms.test,19,,\n"
            + "https://lms.test,20,WARD-3,yesterday\n"
            + "https://lms.test,21,WARD-3,2027-01-01\n"
            + "https://lms.test,22\n"
            + "https://lms.test,23,A/B,\n";

    var refused = catchThrowableOfType(() -> UnitImport.parse(csv, NOW), UnitImport.Refused.class);

    assertThat(refused.problems())
        .extracting(UnitImport.LineProblem::line)
        .containsExactly(3, 4, 5, 6, 7, 8);
    assertThat(refused.problems())
        .extracting(UnitImport.LineProblem::message)
        .containsExactly(
            "issuer and subject are required",
            "unit_id is required",
            "valid_from must be a date (2026-09-01) or a UTC time (2026-09-01T08:00:00Z)",
            "valid_from is in the future; import moves once they happen",
            "has 2 values where the header has 4",
            "unit_id and the ids in unit_path must be 1 to 100 characters without '/'");
  }

  @Test
  void aFileWithoutTheRequiredColumnsSaysWhichAreMissing() {
    var refused =
        catchThrowableOfType(
            () -> UnitImport.parse("user,unit\nx,y\n", NOW), UnitImport.Refused.class);

    assertThat(refused.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.line()).isEqualTo(1);
              assertThat(problem.message())
                  .contains(
                      "missing columns [issuer, subject, unit_id]", "unknown columns [user, unit]");
            });
    assertThat(catchThrowableOfType(() -> UnitImport.parse("", NOW), UnitImport.Refused.class))
        .isNotNull();
    assertThat(
            catchThrowableOfType(
                    () -> UnitImport.parse("issuer,subject,unit_id\n\"open,17,X\n", NOW),
                    UnitImport.Refused.class)
                .problems())
        .extracting(UnitImport.LineProblem::message)
        .containsExactly("a quoted value is not closed");
  }

  @Test
  void csvRecordsKeepEmptyValuesAndQuotedLineBreaks() {
    assertThat(Csv.records("a,,c\n\"x\ny\",2\n"))
        .isEqualTo(List.of(List.of("a", "", "c"), List.of("x\ny", "2")));
  }
}
