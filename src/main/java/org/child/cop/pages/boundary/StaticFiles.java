package org.child.cop.pages.boundary;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the stylesheets and scripts under {@code src/main/webapp/static}. JAX-RS owns every path
 * of the tool, and Payara does not let an application map the container's default servlet.
 */
@Path("static/{file}")
public class StaticFiles {

  // plain names only: no directories, no dots but the extension's
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}\\.(css|js|svg|png)");
  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "svg", "image/svg+xml",
          "png", "image/png");

  @Context ServletContext servletContext;

  @GET
  public Response file(@PathParam("file") String file) {
    Matcher name = NAME.matcher(file);
    InputStream content =
        name.matches() ? servletContext.getResourceAsStream("/static/" + file) : null;
    if (content == null) {
      throw new NotFoundException("There is no file " + file + " here.");
    }
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return Response.ok(content, TYPES.get(name.group(1))).cacheControl(cache).build();
  }
}
