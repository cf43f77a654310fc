package org.child.cop.about.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.child.cop.identity.control.AdministratorCredentials;
import org.child.cop.settings.ToolSettings;
import org.child.cop.storage.control.SchemaMigration;
import org.child.cop.storage.control.SchemaState;

/** Gathers what an administrator needs to see when something is wrong. */
@ApplicationScoped
public class SystemStatus {

  /** The status report; {@code schemaProblem} carries the database's own words. */
  public record Report(
      String version,
      String baseUrl,
      boolean developmentMode,
      String database,
      String schema,
      String schemaVersion,
      String schemaProblem,
      String administratorCredential,
      String java,
      Instant startedAt,
      long uptimeSeconds) {}

  @Inject ToolSettings settings;
  @Inject SchemaMigration migration;
  @Inject AdministratorCredentials credentials;

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  public Report report() {
    SchemaState schema = migration.state();
    var runtime = ManagementFactory.getRuntimeMXBean();
    return new Report(
        ToolVersion.current(),
        settings.baseUrl().toString(),
        settings.developmentMode(),
        database(),
        schema.status().name().toLowerCase(),
        schema.version(),
        schema.problem(),
        credentials.isFromEnvironment() ? "ADMIN_PASSWORD" : "stored (generated at first start)",
        Runtime.version().toString(),
        Instant.ofEpochMilli(runtime.getStartTime()),
        Duration.ofMillis(runtime.getUptime()).toSeconds());
  }

  private String database() {
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      return "unavailable: " + e.getMessage();
    }
  }
}
