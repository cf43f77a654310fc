package org.child.cop.storage.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.child.cop.storage.SchemaWasMigrated;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Brings the schema up to date at start-up. A failed migration (a schema changed by hand, a
 * database that went away) does not stop the tool: readiness stays down and says so, and the
 * migration is retried until it succeeds. The database itself must be reachable when the tool
 * deploys, because the JPA provider connects then.
 */
@DataSourceDefinition(
    name = SchemaMigration.DATA_SOURCE,
    className = "${MPCONFIG=db.class}",
    url = "${MPCONFIG=db.url}",
    user = "${MPCONFIG=db.user}",
    password = "${MPCONFIG=db.password}",
    initialPoolSize = 0,
    minPoolSize = 0,
    maxPoolSize = 32,
    properties = {
      // a database restart must not leave dead connections in the pool
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data"
    })
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SchemaMigration {

  public static final String DATA_SOURCE = "java:app/jdbc/child-cop";
  static final Duration FIRST_RETRY = Duration.ofSeconds(5);
  static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @Resource TimerService timers;

  @Inject Event<SchemaWasMigrated> schemaWasMigrated;

  private volatile SchemaState state = SchemaState.pending();
  private int failedAttempts;

  @PostConstruct
  void migrateAtStartup() {
    migrate();
  }

  @Timeout
  void retry() {
    migrate();
  }

  public SchemaState state() {
    return state;
  }

  private void migrate() {
    try {
      Flyway flyway = flyway();
      var result = flyway.migrate();
      MigrationInfo current = flyway.info().current();
      String version = current == null ? "none" : current.getVersion().getVersion();
      LOG.info(
          () ->
              "Database schema is at version "
                  + version
                  + " ("
                  + result.migrationsExecuted
                  + " migrations applied now, "
                  + result.database
                  + ")");
      state = SchemaState.current(version);
    } catch (RuntimeException e) {
      failedAttempts++;
      String reason = rootMessage(e);
      state = SchemaState.failed(reason);
      Duration wait = retryAfter(failedAttempts);
      if (failedAttempts == 1) {
        LOG.log(Level.SEVERE, "Database migration failed; retrying in " + wait, e);
      } else {
        LOG.warning(
            () ->
                "Database migration attempt "
                    + failedAttempts
                    + " failed: "
                    + reason
                    + "; retrying in "
                    + wait);
      }
      timers.createSingleActionTimer(wait.toMillis(), new TimerConfig(null, false));
      return;
    }
    try {
      schemaWasMigrated.fire(new SchemaWasMigrated(state.version()));
    } catch (RuntimeException e) {
      // the schema is fine; a capability failed to seed its data and says why
      LOG.log(Level.SEVERE, "A start-up step after the migration failed", e);
    }
  }

  /** 5 s, 10 s, 20 s ... up to 5 minutes: quick after a blip, quiet in the log when it lasts. */
  static Duration retryAfter(int failedAttempts) {
    int doublings = Math.min(failedAttempts - 1, 16);
    Duration wait = FIRST_RETRY.multipliedBy(1L << doublings);
    return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
  }

  /**
   * The scripts for every database, then those for this one ({@code db/migration/postgresql} or
   * {@code /h2}), for what only one of them can say, such as PostgreSQL's partial indexes. Each
   * version of the latter exists for both, so both count the same versions.
   */
  public static String[] locations(String databaseProductName) {
    String vendor = "PostgreSQL".equals(databaseProductName) ? "postgresql" : "h2";
    return new String[] {"classpath:db/migration/common", "classpath:db/migration/" + vendor};
  }

  private Flyway flyway() {
    return Flyway.configure(getClass().getClassLoader())
        .dataSource(dataSource)
        .locations(locations(databaseProductName()))
        .failOnMissingLocations(true)
        .load();
  }

  private String databaseProductName() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.getMetaData().getDatabaseProductName();
    } catch (SQLException e) {
      throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    // JDBC drivers put whole SQL scripts and URLs in messages; the first line is what helps.
    return message.lines().findFirst().orElse(message);
  }
}
