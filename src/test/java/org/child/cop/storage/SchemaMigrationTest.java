package org.child.cop.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.child.cop.storage.control.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The same migrations give the same schema and the same behaviour on H2 and on PostgreSQL, checked
 * in one run. PostgreSQL comes from DB_URL/DB_USER/DB_PASSWORD (.ci/run sets them; CI fails without
 * them rather than skipping).
 */
class SchemaMigrationTest {

  @Test
  void migrationsGiveTheSameSchemaOnH2AndPostgreSql() throws SQLException {
    try (Migrated both = Migrated.onBothDatabases()) {
      assertThat(columns(both.postgres(), both.schema()))
          .isEqualTo(columns(both.h2(), "PUBLIC"))
          .isNotEmpty();
    }
  }

  @Test
  void migratingTwiceChangesNothing() {
    String url = h2Url();
    var first = migrate(url, "sa", "sa", "PUBLIC");
    var second = migrate(url, "sa", "sa", "PUBLIC");

    assertThat(first.migrationsExecuted).isPositive();
    assertThat(second.migrationsExecuted).isZero();
  }

  @Test
  void onlyOneAdministratorCredentialCanExistOnBothDatabases() throws SQLException {
    try (Migrated both = Migrated.onBothDatabases()) {
      for (Connection connection : List.of(both.h2(), both.postgres())) {
        OffsetDateTime written =
            OffsetDateTime.of(2026, 11, 26, 10, 15, 30, 0, ZoneOffset.ofHours(2));
        assertThat(insertCredential(connection, 1, written)).isEqualTo(1);
        assertThat(readChangedAt(connection).toInstant()).isEqualTo(written.toInstant());
        // the single-row rule holds on both: a second id and a duplicate are refused
        assertThat(refused(() -> insertCredential(connection, 2, written))).isTrue();
        assertThat(refused(() -> insertCredential(connection, 1, written))).isTrue();
      }
    }
  }

  /** A fresh H2 database and a fresh PostgreSQL schema, both migrated; the schema goes on close. */
  private record Migrated(Connection h2, Connection postgres, String schema)
      implements AutoCloseable {

    static Migrated onBothDatabases() throws SQLException {
      Database pg = postgresFromEnvironment();
      String schema =
          "migration_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      String h2Url = h2Url();
      migrate(h2Url, "sa", "sa", "PUBLIC");
      migrate(pg.url(), pg.user(), pg.password(), schema);
      Connection postgres = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
      postgres.setSchema(schema);
      return new Migrated(DriverManager.getConnection(h2Url, "sa", "sa"), postgres, schema);
    }

    @Override
    public void close() throws SQLException {
      try (h2;
          postgres;
          Statement drop = postgres.createStatement()) {
        drop.execute("drop schema if exists " + schema + " cascade");
      }
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private static boolean refused(SqlAction action) {
    try {
      action.run();
      return false;
    } catch (SQLException expected) {
      return true;
    }
  }

  private static int insertCredential(Connection connection, int id, OffsetDateTime at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into administrator_credential (id, username, password_hash, created_at, changed_at)"
                + " values (?, 'admin', 'pbkdf2-sha256$1$c2FsdA$aGFzaA', ?, ?)")) {
      insert.setInt(1, id);
      insert.setObject(2, at);
      insert.setObject(3, at);
      return insert.executeUpdate();
    }
  }

  private static OffsetDateTime readChangedAt(Connection connection) throws SQLException {
    try (Statement query = connection.createStatement();
        ResultSet row = query.executeQuery("select changed_at from administrator_credential")) {
      assertThat(row.next()).isTrue();
      return row.getObject(1, OffsetDateTime.class);
    }
  }

  /** Table, column, JDBC type and nullability of every column, in a database-neutral spelling. */
  private static List<String> columns(Connection connection, String schema) throws SQLException {
    List<String> columns = new ArrayList<>();
    String pattern =
        connection.getMetaData().storesUpperCaseIdentifiers()
            ? schema.toUpperCase(Locale.ROOT)
            : schema;
    try (ResultSet rows = connection.getMetaData().getColumns(null, pattern, "%", "%")) {
      while (rows.next()) {
        String table = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (table.startsWith("flyway_")) {
          continue;
        }
        columns.add(
            table
                + "."
                + rows.getString("COLUMN_NAME").toLowerCase(Locale.ROOT)
                + " "
                + jdbcType(rows)
                + " "
                + rows.getString("IS_NULLABLE"));
      }
    }
    columns.sort(null);
    return columns;
  }

  /**
   * pgjdbc reports timestamptz as TIMESTAMP, bool as BIT and bytea as BINARY; H2 reports what they
   * are (bytea is BINARY VARYING there). Only these driver quirks are forgiven: any other
   * difference is a real one.
   */
  private static int jdbcType(ResultSet column) throws SQLException {
    return switch (column.getString("TYPE_NAME")) {
      case "timestamptz" -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
      case "bool" -> java.sql.Types.BOOLEAN;
      case "bytea" -> java.sql.Types.VARBINARY;
      default -> column.getInt("DATA_TYPE");
    };
  }

  private static org.flywaydb.core.api.output.MigrateResult migrate(
      String url, String user, String password, String schema) {
    return Flyway.configure()
        .dataSource(url, user, password)
        .schemas(schema)
        .locations(
            SchemaMigration.locations(url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2"))
        .load()
        .migrate();
  }

  private static String h2Url() {
    return "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=LEGACY";
  }

  private record Database(String url, String user, String password) {}

  /** PostgreSQL from the environment; required in CI, skipped with a reason elsewhere. */
  private static Database postgresFromEnvironment() {
    String url = System.getenv("DB_URL");
    boolean configured = url != null && url.startsWith("jdbc:postgresql:");
    if (!configured && "true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI must run with DB_URL pointing at PostgreSQL");
    }
    assumeTrue(configured, "set DB_URL, DB_USER, DB_PASSWORD to a PostgreSQL database to compare");
    return new Database(url, System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
  }
}
