package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.child.cop.identity.boundary.AdministratorOnly;
import org.child.cop.lti.control.ServiceCalls;
import org.child.cop.lti.entity.ServiceCall;

/**
 * The calls the tool made or owes to platforms' services (roster syncs, scores), so administrators
 * see what failed and why, retry a call, or sync a course's roster now.
 */
@Path("api/admin/lti/service-calls")
@AdministratorOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ServiceCallsResource {

  static final int MAX_LIMIT = 500;

  /** A call as an administrator sees it: what, where, how it went; never a token. */
  public record ServiceCallView(
      String id,
      String platformId,
      String kind,
      String contextId,
      String subject,
      String targetUrl,
      String status,
      int attempts,
      Instant nextAttemptAt,
      String lastError,
      Instant createdAt,
      Instant finishedAt) {

    static ServiceCallView of(ServiceCall call) {
      return new ServiceCallView(
          call.id(),
          call.platform().id(),
          call.kind().name(),
          call.contextId(),
          call.subject(),
          call.targetUrl().toString(),
          call.status().name(),
          call.attempts(),
          call.status() == ServiceCall.Status.PENDING ? call.nextAttemptAt() : null,
          call.lastError().orElse(null),
          call.createdAt(),
          call.finishedAt().orElse(null));
    }
  }

  /** Which course context's roster to read now. */
  public record RosterSync(
      @NotBlank(message = "is required") String platformId,
      @NotBlank(message = "is required") String contextId) {}

  @Inject ServiceCalls calls;

  /** The latest calls, newest first; {@code status} keeps PENDING, DONE or FAILED ones only. */
  @GET
  public List<ServiceCallView> list(
      @QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new BadRequestException("The limit must be between 1 and " + MAX_LIMIT + ".");
    }
    return calls.latest(status(status), limit).stream().map(ServiceCallView::of).toList();
  }

  @POST
  @Path("{id}/retry")
  public ServiceCallView retry(@PathParam("id") String id) {
    try {
      return ServiceCallView.of(
          calls
              .retry(id)
              .orElseThrow(() -> new NotFoundException("No service call " + id + " is known.")));
    } catch (ServiceCalls.NotNow conflict) {
      throw new ClientErrorException(
          capitalized(conflict.getMessage()) + ".", Response.Status.CONFLICT);
    }
  }

  /** Reads a context's roster now, whatever the sync interval says. */
  @POST
  @Path("roster-syncs")
  public Response syncRoster(@Valid @NotNull(message = "a JSON body is required") RosterSync sync) {
    ServiceCall call =
        calls
            .syncRosterNow(sync.platformId(), sync.contextId())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No launch from this context has given its roster service yet: an"
                            + " instructor's launch from the course gives it."));
    return Response.accepted(ServiceCallView.of(call)).build();
  }

  private static Optional<ServiceCall.Status> status(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(ServiceCall.Status.valueOf(value.strip()));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("The status must be PENDING, DONE or FAILED.");
    }
  }

  private static String capitalized(String message) {
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
