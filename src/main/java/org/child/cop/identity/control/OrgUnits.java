package org.child.cop.identity.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.child.cop.identity.OrgUnit;
import org.child.cop.identity.UnitNames;
import org.child.cop.identity.entity.PlatformAccount;
import org.child.cop.identity.entity.UnitAssignment;
import org.child.cop.identity.entity.UnitHistory;

/**
 * Which org unit people work in, over time. Sources in order of preference (DOMAIN.md): the LMS's
 * custom parameters at each launch, then an administrator's import; the latest change wins, and
 * every earlier period is kept so acts are reported in the unit of their time.
 */
@ApplicationScoped
public class OrgUnits {

  /** The custom parameter with the unit's display name, e.g. "Children's Hospital / Nursing". */
  public static final String NAME_PARAMETER = "org_unit_name";

  @PersistenceContext EntityManager em;

  public UnitHistory historyOf(PlatformAccount account) {
    return new UnitHistory(
        account,
        em.createNamedQuery(UnitAssignment.OF_ACCOUNT, UnitAssignment.class)
            .setParameter("issuer", account.issuer())
            .setParameter("subject", account.subject())
            .getResultList());
  }

  /** The unit at that moment: {@link OrgUnit#UNASSIGNED} when no source named one yet. */
  public OrgUnit at(PlatformAccount account, Instant moment) {
    return historyOf(account).at(moment);
  }

  /**
   * The unit of someone launching now: the one the launch names (recorded if it is a change), else
   * the one known from before, read only when asked for. Called while the member's row is locked,
   * so one person's launches record their changes one after the other.
   */
  public Supplier<OrgUnit> onLaunch(
      PlatformAccount account, Map<String, String> custom, Instant now) {
    OrgUnit named = OrgUnit.fromCustomParameters(custom);
    if (named.equals(OrgUnit.UNASSIGNED)) {
      return () -> at(account, now);
    }
    UnitHistory history = historyOf(account);
    String name = custom.get(NAME_PARAMETER);
    if (name != null && name.strip().startsWith("$")) {
      name = null; // a substitution variable the LMS did not fill in
    }
    history.assign(named, name, UnitAssignment.Source.LAUNCH, now).ifPresent(em::persist);
    return () -> named;
  }

  /** What people read for these units, looked up together: one query for a whole page. */
  public UnitNames namesOf(Collection<OrgUnit> units) {
    Set<String> ids = units.stream().map(OrgUnit::id).collect(Collectors.toSet());
    if (ids.isEmpty()) {
      return new UnitNames(Map.of());
    }
    Map<String, String> names = new HashMap<>();
    for (Object[] row :
        em.createNamedQuery(UnitAssignment.LATEST_NAMES, Object[].class)
            .setParameter("unitIds", ids)
            .getResultList()) {
      // two sources naming a unit at the same instant: either name is the latest
      names.putIfAbsent((String) row[0], (String) row[1]);
    }
    return new UnitNames(names);
  }
}
