package org.child.cop.lrs.boundary;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.Documents;
import org.child.cop.lrs.entity.DocumentScope;

/**
 * {@code /xapi/agents/profile}: documents about an agent. The agent is an Agent, never a Group (a
 * client stores a Group's documents under the Group's identifier written as an Agent).
 */
@Path("xapi/agents/profile")
@LrsClientOnly
public class AgentProfileResource extends DocumentResource {

  private static final Set<String> PARAMETERS = Set.of("agent", "profileId", "since");

  @Override
  String idParameter() {
    return "profileId";
  }

  @Override
  Set<String> knownParameters() {
    return PARAMETERS;
  }

  @Override
  DocumentScope scope(XapiParameters parameters, String tenant) {
    return DocumentScope.agentProfile(tenant, agentKey(parameters.agent()));
  }

  @Override
  boolean mayWrite(LrsCaller caller) {
    return caller.mayUseProfiles();
  }

  @Override
  Documents.Overwrite overwrite() {
    return profileOverwrite();
  }

  @Override
  Response deleteAll(XapiParameters parameters, DocumentScope scope) {
    throw new BadRequestException("The parameter profileId is required: profiles go one by one.");
  }
}
