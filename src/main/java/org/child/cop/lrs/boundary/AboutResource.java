package org.child.cop.lrs.boundary;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /xapi/about}: which xAPI versions the LRS speaks; open to anyone, as the spec says. */
@Path("xapi/about")
public class AboutResource {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response about() {
    JsonObject about =
        JSON.createObjectBuilder()
            .add("version", JSON.createArrayBuilder().add("1.0.3").add("2.0.0"))
            .add("extensions", JSON.createObjectBuilder())
            .build();
    return Response.ok(about.toString()).header(LrsGate.VERSION_HEADER, "2.0.0").build();
  }
}
