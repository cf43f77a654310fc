package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.child.cop.lti.control.ToolKeys;

/** The tool's public key set, which platforms use to verify what the tool signs. */
@Path("lti/jwks")
@Produces(MediaType.APPLICATION_JSON)
public class JwksResource {

  @Inject ToolKeys keys;

  @GET
  public Response keySet() {
    // short enough that a rotation reaches platforms well within the overlap
    CacheControl cache = new CacheControl();
    cache.setMaxAge(300);
    return Response.ok(keys.publishedKeys().toString(true)).cacheControl(cache).build();
  }
}
