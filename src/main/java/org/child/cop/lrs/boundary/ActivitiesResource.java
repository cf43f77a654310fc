package org.child.cop.lrs.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.StatementStore;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.XapiValidationException;

/**
 * {@code /xapi/activities?activityId=}: an activity with the canonical definition the LRS holds
 * (from define-scope clients' statements), or just its id when it holds none, as the specification
 * asks.
 */
@Path("xapi/activities")
@LrsClientOnly
public class ActivitiesResource {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject LrsRequest request;
  @Inject StatementStore store;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response activity(@QueryParam("activityId") String activityId) {
    LrsCaller caller = request.caller();
    if (!caller.mayReadOwnStatements() && !caller.mayDefine()) {
      throw new ForbiddenException("This LRS credential may not read activities.");
    }
    if (activityId == null) {
      throw new BadRequestException("activityId is required.");
    }
    try {
      Activity.of(activityId);
    } catch (XapiValidationException e) {
      throw new BadRequestException("activityId must be an absolute IRI.");
    }
    JsonObjectBuilder activity =
        JSON.createObjectBuilder().add("objectType", "Activity").add("id", activityId);
    store
        .definition(caller, activityId)
        .ifPresent(definition -> activity.add("definition", definition));
    return Response.ok(activity.build().toString(), MediaType.APPLICATION_JSON).build();
  }
}
