package org.child.cop.lti.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.child.cop.identity.boundary.AdministratorOnly;
import org.child.cop.lti.control.ToolKeys;
import org.child.cop.lti.entity.ToolKey;

/** The administrator's view of the tool's LTI keys, and rotation on command. */
@Path("api/admin/lti/keys")
@AdministratorOnly
@Produces(MediaType.APPLICATION_JSON)
public class ToolKeysResource {

  /** A key as an administrator sees it: never its material. */
  public record KeySummary(String kid, Instant createdAt, String state, Instant unpublishAt) {
    static KeySummary of(ToolKey key, Instant now) {
      String state = key.signs() ? "signing" : key.isPublishedAt(now) ? "published" : "retired";
      return new KeySummary(key.kid(), key.createdAt(), state, key.unpublishAt());
    }
  }

  @Inject ToolKeys keys;

  @GET
  public List<KeySummary> list() {
    Instant now = Instant.now();
    return keys.all().stream().map(key -> KeySummary.of(key, now)).toList();
  }

  /** Makes a new signing key; the previous one stays published for the configured overlap. */
  @POST
  @Path("rotation")
  public KeySummary rotate() {
    return KeySummary.of(keys.rotate(), Instant.now());
  }
}
