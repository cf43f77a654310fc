package org.child.bench.relay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.child.cop.xapi.XapiVersion;

/**
 * The tool's outbox as a domain transaction writes it (statement_outbox, then statement_delivery
 * for the destination; the 2.0.0 JSON as {@code StatementOutbox} stores it), and what the bench
 * reads back. Rows written here do not wake the relay: it finds them at its next interval.
 */
final class Outbox implements AutoCloseable {

  private final Connection db;
  private final String destination;
  private final PreparedStatement insertStatement;
  private final PreparedStatement insertDelivery;
  private final PreparedStatement statusOf;

  Outbox(String url, String user, String password, String destination) throws SQLException {
    this.db = DriverManager.getConnection(url, user, password);
    this.destination = destination;
    db.setAutoCommit(false);
    insertStatement =
        db.prepareStatement(
            "insert into statement_outbox (statement_id, payload, created_at)"
                + " values (?, ?, current_timestamp) returning seq");
    insertDelivery =
        db.prepareStatement(
            "insert into statement_delivery (destination, statement_seq, status, attempts)"
                + " values (?, ?, 'PENDING', 0)");
    statusOf =
        db.prepareStatement(
            "select status from statement_delivery where destination = ? and statement_seq = ?");
  }

  /** Seqs of a written range, both ends included. */
  record Range(long first, long last) {
    long size() {
      return last - first + 1;
    }
  }

  /**
   * Writes {@code count} statements, {@code perTransaction} to a transaction (1: one statement per
   * domain transaction). Returns the seqs, which are consecutive as only this connection writes.
   */
  Range write(List<org.child.cop.xapi.Statement> statements, int perTransaction)
      throws SQLException {
    long first = -1;
    long last = -1;
    int inTransaction = 0;
    for (org.child.cop.xapi.Statement statement : statements) {
      long seq = insert(statement);
      first = first < 0 ? seq : first;
      last = seq;
      if (++inTransaction == perTransaction) {
        db.commit();
        inTransaction = 0;
      }
    }
    db.commit();
    return new Range(first, last);
  }

  /** One statement in its own transaction, as one domain change writes it; returns its seq. */
  long writeOne(org.child.cop.xapi.Statement statement) throws SQLException {
    long seq = insert(statement);
    db.commit();
    return seq;
  }

  private long insert(org.child.cop.xapi.Statement statement) throws SQLException {
    insertStatement.setString(1, statement.id().toString());
    insertStatement.setString(2, statement.toJson(XapiVersion.V2_0_0));
    long seq;
    try (ResultSet key = insertStatement.executeQuery()) {
      key.next();
      seq = key.getLong(1);
    }
    insertDelivery.setString(1, destination);
    insertDelivery.setLong(2, seq);
    insertDelivery.executeUpdate();
    return seq;
  }

  /**
   * Keeps the relay off the destination, the way a resting destination is kept off (the tool has no
   * shared cache, so it reads this on its next look).
   */
  void pause() throws SQLException {
    update(
        "update statement_destination set next_attempt_at = now() + interval '1 day'"
            + " where name = '"
            + destination
            + "'");
  }

  /** Lets the relay at the destination again; returns the database's clock at that moment. */
  double resume() throws SQLException {
    update(
        "update statement_destination set next_attempt_at = now() where name = '"
            + destination
            + "'");
    return clock();
  }

  /**
   * Waits until no statement of the range is pending and returns the database's clock when that was
   * seen (epoch seconds). The relay claims oldest first, but two looks may have a batch each on the
   * wire, so the last statement settled leaves at most one batch before it still pending: first a
   * primary-key read of the last one every 10 ms (next to nothing for PostgreSQL), then a count of
   * the range's pending ones until there are none.
   */
  double awaitSettled(Range range, Duration patience) throws Exception {
    long deadline = System.nanoTime() + patience.toNanos();
    statusOf.setString(1, destination);
    statusOf.setLong(2, range.last());
    while (pollPending(statusOf)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "statement " + range.last() + " still pending after " + patience);
      }
      Thread.sleep(10);
    }
    try (PreparedStatement pending =
        db.prepareStatement(
            "select count(*) > 0, extract(epoch from clock_timestamp()) from statement_delivery"
                + " where destination = ? and statement_seq between ? and ?"
                + " and status = 'PENDING'")) {
      pending.setString(1, destination);
      pending.setLong(2, range.first());
      pending.setLong(3, range.last());
      while (true) {
        try (ResultSet row = pending.executeQuery()) {
          row.next();
          boolean any = row.getBoolean(1);
          double now = row.getDouble(2);
          db.commit();
          if (!any) {
            return now;
          }
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("statements still pending after " + patience);
        }
        Thread.sleep(10);
      }
    }
  }

  /** Whether the statement {@code statusOf} reads is still pending. */
  private boolean pollPending(PreparedStatement statusOf) throws SQLException {
    try (ResultSet row = statusOf.executeQuery()) {
      row.next();
      boolean pending = "PENDING".equals(row.getString(1));
      db.commit();
      return pending;
    }
  }

  /** "DELIVERED=10000" and so on, for the range. */
  String statuses(Range range) throws SQLException {
    List<String> counts = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select status, count(*) from statement_delivery where destination = ?"
                + " and statement_seq between ? and ? group by status order by status")) {
      query.setString(1, destination);
      query.setLong(2, range.first());
      query.setLong(3, range.last());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.add(rows.getString(1) + "=" + rows.getLong(2));
        }
      }
    }
    db.commit();
    return String.join(" ", counts);
  }

  /**
   * When the LRS answered each delivered batch of the range (epoch seconds, ascending; the tool
   * records that moment as delivered_at for the whole batch) with how many statements it held.
   */
  List<double[]> batches(Range range) throws SQLException {
    List<double[]> batches = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select extract(epoch from delivered_at), count(*) from statement_delivery"
                + " where destination = ? and statement_seq between ? and ?"
                + " and status = 'DELIVERED' group by delivered_at order by delivered_at")) {
      query.setString(1, destination);
      query.setLong(2, range.first());
      query.setLong(3, range.last());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          batches.add(new double[] {rows.getDouble(1), rows.getLong(2)});
        }
      }
    }
    db.commit();
    return batches;
  }

  /**
   * Bench only: a column and trigger that note the database clock when the relay's UPDATE marks a
   * statement delivered, i.e. after the LRS answered, on the clock of created_at (delivered_at is
   * the tool's clock). Installed only for the delay run, so the throughput runs measure the tool's
   * schema as it ships.
   */
  void noteAcknowledgements() throws SQLException {
    update(
        "alter table statement_delivery add column if not exists bench_acked_at"
            + " timestamp with time zone");
    update(
        "create or replace function bench_note_ack() returns trigger language plpgsql as $$"
            + " begin"
            + " if new.status = 'DELIVERED' and old.status <> 'DELIVERED' then"
            + " new.bench_acked_at := clock_timestamp(); end if;"
            + " return new; end $$");
    update("drop trigger if exists bench_note_ack on statement_delivery");
    update(
        "create trigger bench_note_ack before update on statement_delivery"
            + " for each row execute function bench_note_ack()");
  }

  /**
   * Per statement of the range, in milliseconds: delivered_at − created_at (what the tool records)
   * and acknowledged − created_at (when the LRS had answered). Both from the database's clock.
   */
  List<double[]> delays(Range range) throws SQLException {
    List<double[]> delays = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select extract(epoch from d.delivered_at - o.created_at) * 1000,"
                + " extract(epoch from d.bench_acked_at - o.created_at) * 1000"
                + " from statement_delivery d join statement_outbox o on o.seq = d.statement_seq"
                + " where d.destination = ? and d.statement_seq between ? and ?"
                + " and d.status = 'DELIVERED'")) {
      query.setString(1, destination);
      query.setLong(2, range.first());
      query.setLong(3, range.last());
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          delays.add(new double[] {rows.getDouble(1), rows.getDouble(2)});
        }
      }
    }
    db.commit();
    return delays;
  }

  double clock() throws SQLException {
    try (Statement query = db.createStatement();
        ResultSet row = query.executeQuery("select extract(epoch from clock_timestamp())")) {
      row.next();
      double now = row.getDouble(1);
      db.commit();
      return now;
    }
  }

  private void update(String sql) throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.executeUpdate(sql);
    }
    db.commit();
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
