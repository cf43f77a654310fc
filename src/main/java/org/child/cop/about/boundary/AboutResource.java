package org.child.cop.about.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.child.cop.about.control.ToolVersion;
import org.child.cop.settings.ToolSettings;

/** Public facts about this tool: enough for an LMS administrator, nothing an attacker needs. */
@Path("api/about")
@Produces(MediaType.APPLICATION_JSON)
public class AboutResource {

  public record About(String name, String version, String baseUrl, boolean developmentMode) {}

  @Inject ToolSettings settings;

  @GET
  public About about() {
    return new About(
        "CHILD CoP",
        ToolVersion.current(),
        settings.baseUrl().toString(),
        settings.developmentMode());
  }
}
