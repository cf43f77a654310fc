package org.child.cop.identity;

import java.util.Map;

/**
 * What people read for some org units: the latest name any source gave each (e.g. "Children's
 * Hospital / Nursing / Ward 4B"). Units nobody named read as their path of ids, so a page never
 * shows less than the statements know.
 */
public record UnitNames(Map<String, String> byId) {

  public UnitNames {
    byId = Map.copyOf(byId);
  }

  public String of(OrgUnit unit) {
    String name = byId.get(unit.id());
    if (name != null) {
      return name;
    }
    return unit.equals(OrgUnit.UNASSIGNED) ? "Unit not known" : String.join(" / ", unit.path());
  }
}
