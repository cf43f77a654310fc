package org.child.cop.about.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.child.cop.about.control.SystemStatus;
import org.child.cop.identity.boundary.AdministratorOnly;

/** The administrator's view of the running tool, as JSON. */
@Path("api/admin/status")
@AdministratorOnly
@Produces(MediaType.APPLICATION_JSON)
public class SystemStatusResource {

  @Inject SystemStatus status;

  @GET
  public SystemStatus.Report status() {
    return status.report();
  }
}
