package org.child.cop.about.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.child.cop.about.control.ToolVersion;
import org.child.cop.pages.Html;
import org.child.cop.pages.Page;
import org.child.cop.settings.ToolSettings;
import org.child.cop.storage.control.SchemaMigration;

/** The start page someone sees when they open the tool's address directly. */
@Path("")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class HomePage {

  @Inject ToolSettings settings;
  @Inject SchemaMigration migration;

  @GET
  public String show() {
    String state =
        migration.state().isCurrent()
            ? "The tool is running and its database is ready."
            : "The tool is starting: its database is not ready yet.";
    String development =
        settings.developmentMode()
            ? "<p class=\"notice\">Development mode: http platforms on this machine are accepted."
                + " Never use this mode in production.</p>"
                + "<p><a href=\"/demo\">Try CHILD CoP from the demo course</a>: launch it as a"
                + " learner, a facilitator or a course designer without an LMS.</p>"
            : "";
    return Page.titled("Welcome")
        .body(
            """
            <h1>CHILD CoP</h1>
            <p>Community-of-practice activities for your LMS courses, with the value they create
            recorded as xAPI statements. Learners and facilitators open it from Moodle or Canvas;
            L&amp;D teams read its value and capability reports.</p>
            <p role="status">%s</p>
            %s
            <h2>For administrators</h2>
            <ul>
            <li><a href="/admin">Administration</a> (administrator sign-in)</li>
            <li><a href="/health/ready">Readiness</a> and <a href="/api/about">about</a> (JSON)</li>
            </ul>
            <p class="reference">Version %s</p>
            """
                .formatted(Html.escape(state), development, Html.escape(ToolVersion.current())))
        .render();
  }
}
