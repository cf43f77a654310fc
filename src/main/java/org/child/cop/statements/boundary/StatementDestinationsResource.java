package org.child.cop.statements.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.child.cop.identity.boundary.AdministratorOnly;
import org.child.cop.statements.control.Deliveries;
import org.child.cop.statements.control.Deliveries.Status;
import org.child.cop.statements.control.Destination;
import org.child.cop.statements.control.Destinations;
import org.child.cop.statements.entity.DestinationState;

/**
 * Where the tool's statements stand with each learning record store, for administrators: what
 * waits, what arrived, what an LRS refused and why; and a retry once the cause is dealt with.
 */
@Path("api/admin/statements/destinations")
@AdministratorOnly
@Produces(MediaType.APPLICATION_JSON)
public class StatementDestinationsResource {

  static final int SET_ASIDE_SHOWN = 100;

  /** One destination as an administrator sees it; never its credentials. */
  public record DestinationView(
      String name,
      boolean configured,
      String endpoint,
      String version,
      boolean available,
      long pending,
      long failing,
      long delivered,
      long rejected,
      long conflicts,
      int consecutiveFailures,
      Instant nextAttemptAt,
      String lastError,
      Instant lastErrorAt,
      Instant lastDeliveredAt) {}

  /** A statement an LRS refused, waiting for an administrator. */
  public record SetAsideView(String statementId, String status, int attempts, String error) {}

  /** What a retry did. */
  public record Retried(String name, int setAsideSentAgain) {}

  @Inject Destinations destinations;
  @Inject Deliveries deliveries;

  /** The configured destinations, then any the database still knows that no setting names. */
  @GET
  public List<DestinationView> list() {
    List<DestinationView> views = new ArrayList<>();
    destinations.all().forEach(destination -> views.add(view(destination)));
    for (DestinationState state : deliveries.known()) {
      if (destinations.named(state.name()).isEmpty()) {
        views.add(retired(state));
      }
    }
    return views;
  }

  @GET
  @Path("{name}")
  public DestinationView one(@PathParam("name") String name) {
    if (destinations.named(name).isEmpty()) {
      return deliveries.state(name).map(this::retired).orElseThrow(() -> notConfigured(name));
    }
    return view(destination(name));
  }

  /**
   * Forgets a destination no setting names any more, with what it was still owed, so the outbox can
   * shrink; a configured one must leave {@code xapi.destinations} first.
   */
  @DELETE
  @Path("{name}")
  public Response retire(@PathParam("name") String name) {
    if (destinations.named(name).isPresent()) {
      throw new ClientErrorException(
          "The destination "
              + name
              + " is still in xapi.destinations: take it out of the settings and restart first.",
          Response.Status.CONFLICT);
    }
    if (!deliveries.retire(name)) {
      throw notConfigured(name);
    }
    return Response.noContent().build();
  }

  /** The statements set aside for this destination (rejected as invalid, or conflicting ids). */
  @GET
  @Path("{name}/set-aside")
  public List<SetAsideView> setAside(@PathParam("name") String name) {
    return deliveries.setAside(destination(name).name(), SET_ASIDE_SHOWN).stream()
        .map(
            statement ->
                new SetAsideView(
                    statement.statementId().toString(),
                    statement.status().name(),
                    statement.attempts(),
                    statement.error()))
        .toList();
  }

  /** Sends the set-aside statements again and ends the destination's rest. */
  @POST
  @Path("{name}/retry")
  public Retried retry(@PathParam("name") String name) {
    String known = destination(name).name();
    int again =
        deliveries
            .retry(known, Instant.now())
            .orElseThrow(
                () -> new NotFoundException("The destination " + known + " has no state yet."));
    return new Retried(known, again);
  }

  private Destination destination(String name) {
    return destinations.named(name).orElseThrow(() -> notConfigured(name));
  }

  private static NotFoundException notConfigured(String name) {
    return new NotFoundException("No destination named " + name + " is configured or known.");
  }

  /** A destination no setting names: what it still lacks, which nothing sends any more. */
  private DestinationView retired(DestinationState state) {
    return view(state.name(), false, null, null, false, state);
  }

  private DestinationView view(Destination destination) {
    return view(
        destination.name(),
        true,
        destination.endpoint().map(Object::toString).orElse(null),
        destination.version().header(),
        destination.available(),
        deliveries.state(destination.name()).orElse(null));
  }

  private DestinationView view(
      String name,
      boolean configured,
      String endpoint,
      String version,
      boolean available,
      DestinationState state) {
    Map<Status, Long> counts = deliveries.counts(name);
    return new DestinationView(
        name,
        configured,
        endpoint,
        version,
        available,
        counts.get(Status.PENDING),
        deliveries.failing(name),
        counts.get(Status.DELIVERED),
        counts.get(Status.REJECTED),
        counts.get(Status.CONFLICT),
        state == null ? 0 : state.failures(),
        state == null ? null : state.nextAttemptAt(),
        state == null ? null : state.lastError().orElse(null),
        state == null ? null : state.lastErrorAt().orElse(null),
        state == null ? null : state.lastDeliveredAt().orElse(null));
  }
}
