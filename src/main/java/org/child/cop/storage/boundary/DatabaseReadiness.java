package org.child.cop.storage.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.child.cop.storage.control.SchemaMigration;
import org.child.cop.storage.control.SchemaState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only when the schema is current and the database answers now; details stay in the log. */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

  @Inject SchemaMigration migration;

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("database");
    SchemaState schema = migration.state();
    if (!schema.isCurrent()) {
      return response.down().withData("schema", schema.status().name().toLowerCase()).build();
    }
    try (Connection connection = dataSource.getConnection()) {
      if (!connection.isValid(2)) {
        return response.down().withData("problem", "the database does not answer").build();
      }
      return response.up().withData("schemaVersion", schema.version()).build();
    } catch (SQLException e) {
      // the driver's message may name hosts and users: it goes to administrators, not to /health
      return response.down().withData("problem", "no connection").build();
    }
  }
}
