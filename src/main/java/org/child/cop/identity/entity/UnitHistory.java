package org.child.cop.identity.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.child.cop.identity.OrgUnit;

/**
 * A person's org units over time, as periods that follow one another without gaps or overlaps from
 * the first one on. A new unit from some date ends the period it falls in and runs until the next
 * known change, so an import of past moves slots in without rewriting what came after.
 */
public final class UnitHistory {

  private final PlatformAccount account;
  private final List<UnitAssignment> periods;

  public UnitHistory(PlatformAccount account, List<UnitAssignment> periods) {
    this.account = Objects.requireNonNull(account);
    this.periods = new ArrayList<>(periods);
    this.periods.sort(Comparator.comparing(UnitAssignment::validFrom));
  }

  /** The unit at that moment; {@link OrgUnit#UNASSIGNED} before the first known one. */
  public OrgUnit at(Instant moment) {
    return periodAt(moment).map(UnitAssignment::unit).orElse(OrgUnit.UNASSIGNED);
  }

  public Optional<UnitAssignment> periodAt(Instant moment) {
    return periods.stream().filter(period -> period.covers(moment)).findFirst();
  }

  public List<UnitAssignment> periods() {
    return List.copyOf(periods);
  }

  /**
   * The person works in {@code unit} from {@code from}. Returns the new period to store, or empty
   * when no new period is needed: the unit was already theirs then (a name it now has is kept), or
   * a period starting at that very moment was corrected in place.
   */
  public Optional<UnitAssignment> assign(
      OrgUnit unit, String name, UnitAssignment.Source source, Instant from) {
    Objects.requireNonNull(unit);
    Optional<UnitAssignment> current = periodAt(from);
    if (current.isPresent() && current.get().names(unit, name)) {
      return Optional.empty();
    }
    if (current.isPresent()
        && (current.get().unit().equals(unit) || current.get().validFrom().equals(from))) {
      current.get().place(unit, name, source);
      return Optional.empty();
    }
    Instant next =
        periods.stream()
            .map(UnitAssignment::validFrom)
            .filter(start -> start.isAfter(from))
            .findFirst()
            .orElse(null);
    current.ifPresent(period -> period.endAt(from));
    UnitAssignment added = new UnitAssignment(account, unit, name, source, from, next);
    periods.add(added);
    periods.sort(Comparator.comparing(UnitAssignment::validFrom));
    return Optional.of(added);
  }
}
