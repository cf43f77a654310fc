package org.child.cop.lrs.boundary;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.Documents;
import org.child.cop.lrs.entity.DocumentScope;

/** {@code /xapi/activities/profile}: documents about an activity, shared by all its agents. */
@Path("xapi/activities/profile")
@LrsClientOnly
public class ActivityProfileResource extends DocumentResource {

  private static final Set<String> PARAMETERS = Set.of("activityId", "profileId", "since");

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
    return DocumentScope.activityProfile(tenant, parameters.activityId());
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
