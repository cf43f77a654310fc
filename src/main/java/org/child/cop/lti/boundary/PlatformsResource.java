package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.child.cop.identity.boundary.AdministratorOnly;
import org.child.cop.lti.control.Platforms;
import org.child.cop.lti.entity.Deployment;
import org.child.cop.lti.entity.Platform;

/**
 * Manual platform registration, for any LMS, by an administrator; the administrator's approval of
 * platforms that registered themselves from hosts not on the allow-list.
 */
@Path("api/admin/lti/platforms")
@AdministratorOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlatformsResource {

  /** A platform as an administrator sees it. */
  public record PlatformView(
      String id,
      String name,
      String issuer,
      String clientId,
      String authorizationUrl,
      String tokenUrl,
      String keysetUrl,
      boolean enabled,
      String status,
      List<String> grantedScopes,
      String registeredFrom,
      Instant createdAt,
      List<DeploymentView> deployments) {

    static PlatformView of(Platform p) {
      return new PlatformView(
          p.id(),
          p.name(),
          p.issuer(),
          p.clientId(),
          p.authorizationUrl().toString(),
          p.tokenUrl().toString(),
          p.keysetUrl().toString(),
          p.enabled(),
          p.status().name(),
          List.copyOf(p.grantedScopes()),
          p.registeredFrom().map(Object::toString).orElse(null),
          p.createdAt(),
          p.deployments().stream().map(DeploymentView::of).toList());
    }
  }

  /** A deployment and what was decided about it. */
  public record DeploymentView(String deploymentId, String status, Instant firstSeenAt) {
    static DeploymentView of(Deployment d) {
      return new DeploymentView(d.deploymentId(), d.status().name(), d.firstSeenAt());
    }
  }

  /** The switch to turn a platform's launches on or off. */
  public record Switch(@NotNull(message = "is required") Boolean enabled) {}

  /** An administrator's decision about a deployment. */
  public record Decision(
      @NotNull(message = "is required")
          @Pattern(regexp = "CONFIRMED|BLOCKED", message = "must be CONFIRMED or BLOCKED")
          String status) {}

  @Inject Platforms platforms;
  @Context UriInfo uriInfo;

  @GET
  public List<PlatformView> list() {
    return platforms.all().stream().map(PlatformView::of).toList();
  }

  @POST
  public Response register(
      @Valid @NotNull(message = "a JSON body is required") Platforms.Registration registration) {
    Platform platform = valid(() -> platforms.register(registration));
    return Response.created(uriInfo.getAbsolutePathBuilder().path(platform.id()).build())
        .entity(PlatformView.of(platform))
        .build();
  }

  @GET
  @Path("{id}")
  public PlatformView show(@PathParam("id") String id) {
    return PlatformView.of(platforms.find(id).orElseThrow(() -> missing(id)));
  }

  @PATCH
  @Path("{id}")
  public PlatformView enable(
      @PathParam("id") String id,
      @Valid @NotNull(message = "a JSON body is required") Switch change) {
    return PlatformView.of(
        valid(() -> platforms.enable(id, change.enabled())).orElseThrow(() -> missing(id)));
  }

  /** Accepts a platform that registered itself and awaits approval: its launches begin. */
  @POST
  @Path("{id}/approval")
  @Consumes(MediaType.WILDCARD)
  public PlatformView approve(@PathParam("id") String id) {
    return PlatformView.of(valid(() -> platforms.approve(id)).orElseThrow(() -> missing(id)));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    if (!platforms.delete(id)) {
      throw missing(id);
    }
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/deployments/{deploymentId}")
  public PlatformView decide(
      @PathParam("id") String id,
      @PathParam("deploymentId") String deploymentId,
      @Valid @NotNull(message = "a JSON body is required") Decision decision) {
    Deployment.Status status = Deployment.Status.valueOf(decision.status());
    return PlatformView.of(
        valid(() -> platforms.decide(id, deploymentId, status)).orElseThrow(() -> missing(id)));
  }

  /**
   * The entity's and the URL rules' refusals are the administrator's to fix: 400, or 409 for a
   * duplicate or a change the platform's state does not allow (switching on a pending platform).
   */
  private static <T> T valid(Supplier<T> action) {
    try {
      return action.get();
    } catch (Platforms.AlreadyRegistered duplicate) {
      throw new ClientErrorException(duplicate.getMessage(), Response.Status.CONFLICT);
    } catch (Platform.ApprovalConflict conflict) {
      throw new ClientErrorException(
          capitalized(conflict.getMessage()) + ".", Response.Status.CONFLICT);
    } catch (IllegalArgumentException invalid) {
      throw new BadRequestException(capitalized(invalid.getMessage()) + ".");
    }
  }

  private static String capitalized(String message) {
    return Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }

  private static NotFoundException missing(String id) {
    return new NotFoundException("No platform " + id + " is registered.");
  }
}
