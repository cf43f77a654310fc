package org.child.cop.identity;

import java.util.Objects;
import java.util.function.Supplier;
import org.child.cop.identity.entity.Member;
import org.child.cop.lti.Launch;

/**
 * A verified launch, once the member it names is recorded, with the org unit they work in now: what
 * the rest of the tool builds on (communities, activities). Fired inside the launch's transaction.
 * The unit is read when first asked for, within that transaction: most launches need none.
 */
public final class MemberLaunched {

  private final Member member;
  private final Launch launch;
  private final Supplier<OrgUnit> unitNow;
  private OrgUnit unit;

  public MemberLaunched(Member member, Launch launch, Supplier<OrgUnit> unitNow) {
    this.member = Objects.requireNonNull(member);
    this.launch = Objects.requireNonNull(launch);
    this.unitNow = Objects.requireNonNull(unitNow);
  }

  public Member member() {
    return member;
  }

  public Launch launch() {
    return launch;
  }

  public OrgUnit unit() {
    if (unit == null) {
      unit = Objects.requireNonNull(unitNow.get());
    }
    return unit;
  }
}
