package org.child.cop.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.child.cop.identity.OrgUnit;

/** One period in which a person worked in one org unit; {@code validTo} is open for the current. */
@Entity
@Table(name = "org_unit_assignment")
@NamedQuery(
    name = UnitAssignment.OF_ACCOUNT,
    query =
        "select a from UnitAssignment a where a.issuer = :issuer and a.subject = :subject"
            + " order by a.validFrom")
@NamedQuery(
    name = UnitAssignment.LATEST_NAMES,
    query =
        "select a.unitId, a.unitName from UnitAssignment a where a.unitId in :unitIds and"
            + " a.unitName is not null and a.validFrom = (select max(b.validFrom) from"
            + " UnitAssignment b where b.unitId = a.unitId and b.unitName is not null)")
public class UnitAssignment {

  public static final String OF_ACCOUNT = "UnitAssignment.ofAccount";
  public static final String LATEST_NAMES = "UnitAssignment.latestNames";
  public static final int MAX_NAME = 300;

  /** Where the knowledge of the unit came from. */
  public enum Source {
    LAUNCH,
    IMPORT
  }

  @Id private String id;

  @Column(nullable = false)
  private String issuer;

  @Column(nullable = false)
  private String subject;

  @Column(name = "unit_id", nullable = false)
  private String unitId;

  @Column(name = "unit_path", nullable = false)
  private String unitPath;

  @Column(name = "unit_name")
  private String unitName;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Source source;

  @Column(name = "valid_from", nullable = false)
  private OffsetDateTime validFrom;

  @Column(name = "valid_to")
  private OffsetDateTime validTo;

  protected UnitAssignment() {}

  UnitAssignment(
      PlatformAccount account, OrgUnit unit, String name, Source source, Instant from, Instant to) {
    this.id = UUID.randomUUID().toString();
    this.issuer = account.issuer();
    this.subject = account.subject();
    this.source = Objects.requireNonNull(source);
    this.validFrom = from.atOffset(ZoneOffset.UTC);
    this.validTo = to == null ? null : to.atOffset(ZoneOffset.UTC);
    place(unit, name, source);
  }

  void place(OrgUnit unit, String name, Source from) {
    this.unitId = unit.id();
    this.unitPath = String.join("/", unit.path());
    this.unitName = name == null || name.isBlank() ? unitName : shortened(name.strip());
    this.source = from;
  }

  void endAt(Instant to) {
    this.validTo = to == null ? null : to.atOffset(ZoneOffset.UTC);
  }

  public OrgUnit unit() {
    return new OrgUnit(unitId, List.of(unitPath.split("/")));
  }

  /** What people read for the unit: its name when a source gave one, else its path of ids. */
  public String displayName() {
    return unitName != null ? unitName : String.join(" / ", unit().path());
  }

  public Source source() {
    return source;
  }

  public Instant validFrom() {
    return validFrom.toInstant();
  }

  /** Null while it is the current unit. */
  public Instant validTo() {
    return validTo == null ? null : validTo.toInstant();
  }

  public boolean covers(Instant at) {
    return !validFrom.toInstant().isAfter(at)
        && (validTo == null || validTo.toInstant().isAfter(at));
  }

  /** Whether this period already says that: the same unit, and the name if one is given. */
  public boolean names(OrgUnit unit, String name) {
    return unit().equals(unit) && (name == null || name.isBlank() || name.strip().equals(unitName));
  }

  private static String shortened(String name) {
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
