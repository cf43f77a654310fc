package org.child.cop.lrs.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * Rows written with one multi-row {@code INSERT} each few hundred rows. A JDBC batch is still one
 * {@code INSERT} per row for the database to bind and run (pgjdbc only sends them together), and a
 * batch of statements brings several link rows per statement. (pgjdbc's {@code
 * reWriteBatchedInserts} does the same rewrite, but only where the deployment's JDBC URL asks for
 * it, and not on H2.)
 */
final class ManyRows {

  /** Well under the 65,535 parameters PostgreSQL's protocol allows in one statement. */
  private static final int LARGEST_INSERT = 500;

  private ManyRows() {}

  /**
   * @param into the table and its columns, as in {@code insert into <into> values ...}
   * @param rows one value per column each, in the columns' order
   */
  static void insert(Connection connection, String into, List<Object[]> rows) throws SQLException {
    for (int from = 0; from < rows.size(); from += LARGEST_INSERT) {
      List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + LARGEST_INSERT));
      int width = chunk.get(0).length;
      String row = "(" + "?, ".repeat(width - 1) + "?)";
      String sql =
          "insert into "
              + into
              + " values "
              + String.join(", ", Collections.nCopies(chunk.size(), row));
      try (PreparedStatement insert = connection.prepareStatement(sql)) {
        int parameter = 1;
        for (Object[] values : chunk) {
          for (Object value : values) {
            insert.setObject(parameter++, value);
          }
        }
        insert.executeUpdate();
      }
    }
  }
}
