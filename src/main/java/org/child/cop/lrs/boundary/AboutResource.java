package org.child.cop.lrs.boundary;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /xapi/about}: which xAPI versions the LRS speaks; open to anyone, as the spec says. */
@Path("xapi/about")
public class AboutResource {

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response about() {
    JsonObject about =
        Json.createObjectBuilder()
            .add("version", Json.createArrayBuilder().add("1.0.3").add("2.0.0"))
            .add("extensions", Json.createObjectBuilder())
            .build();
    return Response.ok(about.toString()).header(LrsGate.VERSION_HEADER, "2.0.0").build();
  }
}
