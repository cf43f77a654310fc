package org.child.cop.lrs.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.child.cop.identity.boundary.AdministratorOnly;
import org.child.cop.lrs.LrsScope;
import org.child.cop.lrs.control.LrsCredentials;
import org.child.cop.lrs.entity.LrsCredential;

/**
 * The embedded LRS's clients, for administrators: issue a credential (its secret is shown in this
 * answer only), list them, switch one off, delete one.
 */
@Path("api/admin/lrs/credentials")
@AdministratorOnly
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class LrsCredentialsResource {

  /** What an administrator asks for. */
  public record CredentialRequest(
      @NotBlank(message = "is required") String name,
      String tenant,
      @NotEmpty(message = "needs at least one scope") List<@NotBlank String> scopes) {}

  /** A credential as administrators see it: never its secret. */
  public record CredentialView(
      String id,
      String name,
      String tenant,
      String key,
      List<String> scopes,
      boolean enabled,
      Instant createdAt) {

    static CredentialView of(LrsCredential credential) {
      return new CredentialView(
          credential.id(),
          credential.name(),
          credential.tenant(),
          credential.key(),
          credential.scopes().stream().map(LrsScope::text).sorted().toList(),
          credential.enabled(),
          credential.createdAt());
    }
  }

  /** The new credential, with the secret the client must keep: it is not shown again. */
  public record Issued(CredentialView credential, String secret) {}

  /** Switching a credential on or off. */
  public record Switch(@NotNull(message = "is required") Boolean enabled) {}

  static final String DEFAULT_TENANT = "default";

  @Inject LrsCredentials credentials;

  @POST
  public Response issue(@Valid @NotNull(message = "is required") CredentialRequest request) {
    Set<LrsScope> scopes = EnumSet.noneOf(LrsScope.class);
    for (String text : request.scopes()) {
      scopes.add(
          LrsScope.of(text.strip())
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "scopes: "
                              + text
                              + " is not an xAPI scope (statements/write, statements/read,"
                              + " statements/read/mine, state, define, profile, all/read, all)")));
    }
    String tenant = request.tenant() == null ? DEFAULT_TENANT : request.tenant().strip();
    try {
      LrsCredential.Issued issued = credentials.issue(tenant, request.name(), scopes);
      return Response.status(Response.Status.CREATED)
          .entity(new Issued(CredentialView.of(issued.credential()), issued.secret()))
          .header("Cache-Control", "no-store")
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  @GET
  public List<CredentialView> list() {
    return credentials.all().stream().map(CredentialView::of).toList();
  }

  @PATCH
  @Path("{id}")
  public CredentialView change(
      @PathParam("id") String id, @Valid @NotNull(message = "is required") Switch change) {
    return credentials
        .enable(id, change.enabled())
        .map(CredentialView::of)
        .orElseThrow(() -> new NotFoundException("No LRS credential " + id + "."));
  }

  @DELETE
  @Path("{id}")
  public Response delete(@PathParam("id") String id) {
    if (!credentials.delete(id)) {
      throw new NotFoundException("No LRS credential " + id + ".");
    }
    return Response.noContent().build();
  }
}
