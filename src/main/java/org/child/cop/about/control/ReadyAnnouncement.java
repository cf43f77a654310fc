package org.child.cop.about.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.child.cop.settings.ToolSettings;
import org.child.cop.storage.SchemaWasMigrated;

/** Says in the log, once the tool can serve, which address to open. */
@ApplicationScoped
public class ReadyAnnouncement {

  private static final Logger LOG = Logger.getLogger(ReadyAnnouncement.class.getName());

  @Inject ToolSettings settings;

  void announce(@Observes SchemaWasMigrated schema) {
    LOG.info(
        () ->
            "CHILD CoP "
                + ToolVersion.current()
                + " is ready: open "
                + settings.baseUrl()
                + "/"
                + (settings.developmentMode() ? " (development mode)" : ""));
  }
}
