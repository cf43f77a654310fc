package org.child.cop.identity.boundary;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.child.cop.identity.control.AdministratorCredentials;
import org.child.cop.identity.entity.AdministratorCredential;

/** Lets the administrator replace the generated password with one of their own. */
@Path("api/admin/credential")
@AdministratorOnly
@Consumes(MediaType.APPLICATION_JSON)
public class AdministratorCredentialResource {

  /** The new password; it is never echoed or logged. */
  public record NewPassword(
      @NotNull(message = "is required")
          @Size(
              min = AdministratorCredential.MINIMUM_PASSWORD_LENGTH,
              max = 200,
              message = "must have between {min} and {max} characters")
          String password) {}

  @Inject AdministratorCredentials credentials;

  @PUT
  public Response change(@Valid @NotNull(message = "a JSON body is required") NewPassword body) {
    if (credentials.isFromEnvironment()) {
      throw new ClientErrorException(
          "The administrator password comes from ADMIN_PASSWORD; change it there.",
          Response.Status.CONFLICT);
    }
    credentials.changePassword(body.password().toCharArray());
    return Response.noContent().build();
  }
}
