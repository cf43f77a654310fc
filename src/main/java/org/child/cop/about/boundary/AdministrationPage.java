package org.child.cop.about.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.child.cop.about.control.SystemStatus;
import org.child.cop.identity.boundary.AdministratorOnly;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;

/** The administrator's start page: the tool's status at a glance. */
@Path("admin")
@AdministratorOnly
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AdministrationPage {

  @Inject SystemStatus status;

  @GET
  public String show() {
    SystemStatus.Report report = status.report();
    String rows =
        row("Version", report.version())
            + row("Public address", report.baseUrl())
            + row("Development mode", report.developmentMode() ? "on" : "off")
            + row("Database", report.database())
            + row(
                "Schema",
                report.schema()
                    + (report.schemaVersion() == null
                        ? ""
                        : " at version " + report.schemaVersion()))
            + (report.schemaProblem() == null ? "" : row("Schema problem", report.schemaProblem()))
            + row("Administrator credential", report.administratorCredential())
            + row("Java", report.java())
            + row("Started", report.startedAt().toString());
    return Page.titled("Administration")
        .body(
            "<h1>Administration</h1><table><caption>Status of this instance</caption><tbody>"
                + rows
                + "</tbody></table>")
        .render();
  }

  private static String row(String label, String value) {
    return "<tr><th scope=\"row\">"
        + Html.escape(label)
        + "</th><td>"
        + Html.escape(value)
        + "</td></tr>";
  }
}
