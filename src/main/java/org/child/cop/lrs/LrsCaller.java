package org.child.cop.lrs;

import java.util.Objects;
import java.util.Set;
import org.child.cop.xapi.Agent;

/**
 * Who is calling the LRS: the credential, its tenant (the only data it sees) and scopes, and the
 * {@code authority} every statement it stores gets.
 */
public record LrsCaller(String credentialId, String tenant, Set<LrsScope> scopes, Agent authority) {

  public LrsCaller {
    Objects.requireNonNull(credentialId);
    Objects.requireNonNull(tenant);
    scopes = Set.copyOf(scopes);
    Objects.requireNonNull(authority);
  }

  public boolean mayWriteStatements() {
    return has(LrsScope.STATEMENTS_WRITE) || has(LrsScope.ALL);
  }

  /** Every statement of the tenant, not only its own. */
  public boolean mayReadAllStatements() {
    return has(LrsScope.STATEMENTS_READ) || has(LrsScope.ALL_READ) || has(LrsScope.ALL);
  }

  /** At least the statements it stored itself (those with its authority). */
  public boolean mayReadOwnStatements() {
    return mayReadAllStatements() || has(LrsScope.STATEMENTS_READ_MINE);
  }

  public boolean mayUseState() {
    return has(LrsScope.STATE) || has(LrsScope.ALL);
  }

  public boolean mayUseProfiles() {
    return has(LrsScope.PROFILE) || has(LrsScope.ALL);
  }

  public boolean mayReadDocuments() {
    return has(LrsScope.ALL_READ) || has(LrsScope.ALL);
  }

  public boolean mayDefine() {
    return has(LrsScope.DEFINE) || has(LrsScope.ALL);
  }

  private boolean has(LrsScope scope) {
    return scopes.contains(scope);
  }
}
