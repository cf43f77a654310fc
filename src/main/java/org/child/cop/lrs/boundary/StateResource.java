package org.child.cop.lrs.boundary;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.Documents;
import org.child.cop.lrs.entity.DocumentScope;
import org.child.cop.xapi.XapiVersion;

/**
 * {@code /xapi/activities/state}: an activity's scratch documents for one agent, optionally per
 * registration. xAPI 1.0.3 lets a PUT replace State without preconditions; xAPI 2.0 (and its
 * conformance suite) apply the profiles' 409 rule to State as well, so the version asked decides.
 */
@Path("xapi/activities/state")
@LrsClientOnly
public class StateResource extends DocumentResource {

  private static final Set<String> PARAMETERS =
      Set.of("activityId", "agent", "registration", "stateId", "since");

  @Override
  String idParameter() {
    return "stateId";
  }

  @Override
  Set<String> knownParameters() {
    return PARAMETERS;
  }

  @Override
  DocumentScope scope(XapiParameters parameters, String tenant) {
    return DocumentScope.state(tenant, parameters.activityId(), agentKey(parameters.agent()));
  }

  @Override
  Optional<UUID> registration(XapiParameters parameters) {
    return parameters.registration();
  }

  @Override
  boolean mayWrite(LrsCaller caller) {
    return caller.mayUseState();
  }

  @Override
  Documents.Overwrite overwrite() {
    return request.version() == XapiVersion.V2_0_0
        ? Documents.Overwrite.NEEDS_PRECONDITION
        : Documents.Overwrite.ALLOWED;
  }

  /** Every State of the activity and agent, of one registration if given, else of all. */
  @Override
  Response deleteAll(XapiParameters parameters, DocumentScope scope) {
    documents.deleteAll(scope, parameters.registration().orElse(null));
    return Response.noContent().build();
  }
}
