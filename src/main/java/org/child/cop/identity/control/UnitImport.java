package org.child.cop.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.identity.entity.UnitAssignment;

/**
 * An administrator's CSV of who works where, for LMSs that cannot pass units at launch. All rows
 * are checked before any is stored: a file with a mistake changes nothing and says which lines to
 * fix.
 */
@ApplicationScoped
public class UnitImport {

  private static final Logger LOG = Logger.getLogger(UnitImport.class.getName());

  public static final int MAX_ROWS = 20_000;
  static final List<String> COLUMNS =
      List.of("issuer", "subject", "unit_id", "unit_path", "unit_name", "valid_from");
  private static final int MAX_REPORTED = 50;

  @PersistenceContext EntityManager em;
  @Inject OrgUnits units;
  @Inject Members members;

  /** One line's problem, by line number as a spreadsheet shows it. */
  public record LineProblem(int line, String message) {}

  /** What an import did. */
  public record Outcome(int rows, int changes, int unchanged) {}

  /** The file has mistakes; nothing was stored. */
  public static final class Refused extends RuntimeException {
    private final transient List<LineProblem> problems;

    Refused(List<LineProblem> problems) {
      super(problems.size() + " lines have problems; nothing was imported");
      this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
      return problems;
    }
  }

  record Row(PlatformAccount account, OrgUnit unit, String name, Instant validFrom) {}

  @Transactional
  public Outcome importCsv(String csv, Instant now) {
    List<Row> rows = parse(csv, now);
    // a person's launches record their unit under their member row's lock, a new person's first
    // launch under the registration lock: the import takes both, so no history is written twice
    members.lockRegistrations();
    int changes = 0;
    for (Row row : rows) {
      members.locked(row.account());
      var history = units.historyOf(row.account());
      boolean known =
          history
              .periodAt(row.validFrom())
              .filter(period -> period.names(row.unit(), row.name()))
              .isPresent();
      history
          .assign(row.unit(), row.name(), UnitAssignment.Source.IMPORT, row.validFrom())
          .ifPresent(em::persist);
      // the next row may be the same person's later move: it must read this one's periods
      em.flush();
      if (!known) {
        changes++;
      }
    }
    Outcome outcome = new Outcome(rows.size(), changes, rows.size() - changes);
    LOG.info(
        () ->
            "Org units imported: "
                + outcome.rows()
                + " rows, "
                + outcome.changes()
                + " changes, "
                + outcome.unchanged()
                + " unchanged");
    return outcome;
  }

  static List<Row> parse(String csv, Instant now) {
    List<List<String>> records = Csv.records(csv);
    List<LineProblem> problems = new ArrayList<>();
    if (records.isEmpty()) {
      throw new Refused(List.of(new LineProblem(1, "the file is empty; " + header())));
    }
    List<String> header =
        records.get(0).stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    Map<String, Integer> at = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      at.put(header.get(i), i);
    }
    List<String> missing =
        List.of("issuer", "subject", "unit_id").stream().filter(c -> !at.containsKey(c)).toList();
    List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new Refused(
          List.of(
              new LineProblem(
                  1,
                  (missing.isEmpty() ? "" : "missing columns " + missing + "; ")
                      + (unknown.isEmpty() ? "" : "unknown columns " + unknown + "; ")
                      + header())));
    }
    if (records.size() - 1 > MAX_ROWS) {
      throw new Refused(
          List.of(new LineProblem(1, "more than " + MAX_ROWS + " rows: split the file")));
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      List<String> record = records.get(r);
      int line = r + 1;
      if (record.stream().allMatch(String::isBlank)) {
        continue;
      }
      if (record.size() != header.size()) {
        problems.add(
            new LineProblem(
                line, "has " + record.size() + " values where the header has " + header.size()));
        continue;
      }
      try {
        rows.add(row(column -> at.containsKey(column) ? record.get(at.get(column)) : "", now));
      } catch (IllegalArgumentException wrong) {
        problems.add(new LineProblem(line, wrong.getMessage()));
      }
      if (problems.size() >= MAX_REPORTED) {
        break;
      }
    }
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    return rows;
  }

  private static Row row(java.util.function.Function<String, String> value, Instant now) {
    String issuer = value.apply("issuer").strip();
    String subject = value.apply("subject").strip();
    if (issuer.isEmpty() || subject.isEmpty()) {
      throw new IllegalArgumentException("issuer and subject are required");
    }
    PlatformAccount account = new PlatformAccount(issuer, subject);
    String unitId = value.apply("unit_id").strip();
    if (unitId.isEmpty()) {
      throw new IllegalArgumentException("unit_id is required");
    }
    List<String> path =
        new ArrayList<>(
            Arrays.stream(value.apply("unit_path").split("/"))
                .map(String::strip)
                .filter(part -> !part.isEmpty())
                .toList());
    if (path.isEmpty() || !path.get(path.size() - 1).equals(unitId)) {
      path.add(unitId);
    }
    OrgUnit unit;
    try {
      unit = new OrgUnit(unitId, path);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unit_id and the ids in unit_path must be 1 to 100 characters without '/'");
    }
    if (unitId.length() > 100 || String.join("/", path).length() > 1000) {
      throw new IllegalArgumentException("unit_id or unit_path is too long (100 and 1000)");
    }
    String name = value.apply("unit_name").strip();
    if (name.length() > UnitAssignment.MAX_NAME) {
      throw new IllegalArgumentException(
          "unit_name is longer than " + UnitAssignment.MAX_NAME + " characters");
    }
    String from = value.apply("valid_from").strip();
    Instant validFrom;
    try {
      validFrom =
          from.isEmpty()
              ? now
              : from.length() == 10
                  ? LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant()
                  : Instant.parse(from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "valid_from must be a date (2026-09-01) or a UTC time (2026-09-01T08:00:00Z)");
    }
    if (validFrom.isAfter(now)) {
      throw new IllegalArgumentException(
          "valid_from is in the future; import moves once they happen");
    }
    return new Row(account, unit, name.isEmpty() ? null : name, validFrom);
  }

  private static String header() {
    return "the first line must name the columns: "
        + String.join(",", COLUMNS)
        + " (issuer, subject and unit_id required)";
  }
}
