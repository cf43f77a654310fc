package org.child.cop.lrs.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Multi-row inserts, on the embedded database: every row, in order, nulls kept, and all or none.
 */
class ManyRowsTest {

  private Connection connection;

  @BeforeEach
  void table() throws SQLException {
    connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID());
    try (Statement create = connection.createStatement()) {
      create.execute(
          "create table link (seq bigint not null, tenant varchar(20) not null, label"
              + " varchar(20), primary key (seq, tenant))");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  private List<String> stored() throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement query = connection.createStatement();
        ResultSet result = query.executeQuery("select seq, tenant, label from link order by seq")) {
      while (result.next()) {
        Object label = result.getObject(3);
        rows.add(
            result.getLong(1)
                + "|"
                + result.getString(2)
                + "|"
                + (label == null ? "<null>" : label));
      }
    }
    return rows;
  }

  @Test
  void moreRowsThanOneInsertTakesAreAllStoredWithTheirValues() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (long seq = 1; seq <= 1_201; seq++) {
      String label = seq % 7 == 0 ? null : "label-" + seq;
      rows.add(new Object[] {seq, "t1", label});
      expected.add(seq + "|t1|" + (label == null ? "<null>" : label));
    }
    List<String> inserts = new ArrayList<>();

    ManyRows.insert(preparing(inserts), "link (seq, tenant, label)", rows);

    assertThat(stored()).containsExactlyElementsOf(expected);
    // 500 rows per INSERT at most, so that no statement nears PostgreSQL's parameter limit
    assertThat(inserts)
        .extracting(sql -> sql.split("\\(\\?").length - 1)
        .containsExactly(500, 500, 201);
  }

  /** The connection, noting the SQL of each statement it prepares. */
  private Connection preparing(List<String> prepared) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, arguments) -> {
              if (method.getName().equals("prepareStatement")) {
                prepared.add((String) arguments[0]);
              }
              try {
                return method.invoke(connection, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Test
  void noRowsIsNoInsert() throws SQLException {
    ManyRows.insert(connection, "link (seq, tenant, label)", List.of());

    assertThat(stored()).isEmpty();
  }

  @Test
  void aRefusedRowFailsItsInsertAndStoresNoneOfItsRows() throws SQLException {
    ManyRows.insert(
        connection,
        "link (seq, tenant, label)",
        List.<Object[]>of(new Object[] {2L, "t1", "held"}));
    List<Object[]> rows =
        List.of(
            new Object[] {1L, "t1", "a"},
            new Object[] {2L, "t1", "again"},
            new Object[] {3L, "t1", "c"});

    assertThatThrownBy(() -> ManyRows.insert(connection, "link (seq, tenant, label)", rows))
        .isInstanceOf(SQLException.class);
    assertThat(stored()).containsExactly("2|t1|held");
  }
}
