package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.LongSummaryStatistics;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.child.cop.statements.entity.DestinationState;

/**
 * The statements each destination still needs, as sets of rows: claiming a batch, recording how it
 * went, counting, and an administrator's retry. Set-based SQL because a relay moves many rows at
 * once; the row lock taken by the claim is what keeps relays on other instances off them.
 */
@ApplicationScoped
public class Deliveries {

  /** Where a statement stands with one destination. */
  public enum Status {
    PENDING,
    DELIVERED,
    /** The LRS refused it as invalid (400): an administrator must look. */
    REJECTED,
    /** The LRS holds another statement under its id (409): an administrator must look. */
    CONFLICT
  }

  /** A statement claimed for sending. */
  public record Claimed(long seq, UUID statementId, String payload) {}

  /** A set-aside statement, for administrators. */
  public record SetAside(long seq, UUID statementId, Status status, int attempts, String error) {}

  /** Longer than any statement's transaction and any clock difference between instances. */
  static final Duration RACE_WINDOW = Duration.ofMinutes(10);

  @PersistenceContext EntityManager em;

  /**
   * The destination's state, created with every statement already in the outbox when the
   * destination is new: an LRS added later receives the whole history.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public DestinationState ensure(String destination, Instant now) {
    DestinationState state = em.find(DestinationState.class, destination);
    if (state != null) {
      return state;
    }
    state = new DestinationState(destination, now);
    em.persist(state);
    em.flush();
    em.createNativeQuery(
            "insert into statement_delivery (destination, statement_seq, status, attempts)"
                + " select ?1, seq, 'PENDING', 0 from statement_outbox")
        .setParameter(1, destination)
        .executeUpdate();
    return state;
  }

  /**
   * Inside the transaction that wrote the statement: one row for each destination the database
   * knows, whatever this instance's settings say, so instances configured differently during a
   * change agree. A destination created at this very moment may miss it; {@link #repair} adds it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void expect(long seq) {
    em.createNativeQuery(
            "insert into statement_delivery (destination, statement_seq, status, attempts)"
                + " select name, ?1, 'PENDING', 0 from statement_destination")
        .setParameter(1, seq)
        .executeUpdate();
  }

  /**
   * Adds what a destination lacks of the statements made around its creation (a statement whose
   * transaction raced it saw no destination, and the destination's copy of the outbox did not see
   * the statement yet); returns how many were added. Statements older than {@code settled} only, so
   * none still being written is counted twice.
   */
  @Transactional
  public int repair(Instant settled) {
    int added = 0;
    for (DestinationState destination : known()) {
      added +=
          em.createNativeQuery(
                  "insert into statement_delivery (destination, statement_seq, status, attempts)"
                      + " select ?1, o.seq, 'PENDING', 0 from statement_outbox o"
                      + " where o.created_at >= ?2 and o.created_at < ?3 and not exists"
                      + " (select 1 from statement_delivery x where x.destination = ?1"
                      + " and x.statement_seq = o.seq)")
              .setParameter(1, destination.name())
              .setParameter(2, destination.createdAt().minus(RACE_WINDOW).atOffset(ZoneOffset.UTC))
              .setParameter(3, earlier(settled, destination.createdAt().plus(RACE_WINDOW)))
              .executeUpdate();
    }
    return added;
  }

  /**
   * An administrator retires a destination the settings no longer name: its state and what it was
   * still owed go, so the outbox can shrink. Returns whether there was one.
   */
  @Transactional
  public boolean retire(String destination) {
    DestinationState state = em.find(DestinationState.class, destination);
    if (state == null) {
      return false;
    }
    em.remove(state);
    return true;
  }

  /** The destinations the database knows, configured or not. */
  public List<DestinationState> known() {
    return em.createQuery(
            "select d from DestinationState d order by d.name", DestinationState.class)
        .getResultList();
  }

  /**
   * Locks up to {@code limit} pending statements of the destination, oldest first, skipping rows
   * another relay holds, and reads them in the same round trip; the locks (on the delivery rows
   * only: relays for other destinations send the same statements) last until the caller's
   * transaction ends.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public List<Claimed> claim(String destination, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "with claimed as (select statement_seq from statement_delivery"
                    + " where destination = ?1 and status = 'PENDING'"
                    + " order by statement_seq fetch first "
                    + limit
                    + " rows only for update skip locked)"
                    + " select o.seq, o.statement_id, o.payload from claimed c"
                    + " join statement_outbox o on o.seq = c.statement_seq order by o.seq")
            .setParameter(1, destination)
            .getResultList();
    List<Claimed> claimed = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      claimed.add(
          new Claimed(
              ((Number) row[0]).longValue(), UUID.fromString((String) row[1]), (String) row[2]));
    }
    return claimed;
  }

  /** How sending these statements went; {@code error} is kept for administrators. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String destination, List<Claimed> statements, Status status, String error) {
    if (statements.isEmpty()) {
      return;
    }
    boolean delivered = status == Status.DELIVERED;
    // positional parameters are numbered without gaps: the seqs follow the last one in use
    int firstSeq = delivered ? 7 : 6;
    // The range repeats what the list says, so that the primary key is searched by both columns
    // even on a table never analysed (autovacuum off, or not yet run): PostgreSQL then plans the
    // list alone as a scan of every row of the destination, slower with each statement delivered.
    Query update =
        em.createNativeQuery(
            "update statement_delivery set status = ?1, attempts = attempts + 1, last_error = ?2"
                + (delivered ? ", delivered_at = ?6" : "")
                + " where destination = ?3 and statement_seq between ?4 and ?5"
                + " and statement_seq in ("
                + placeholders(statements.size(), firstSeq)
                + ")");
    update.setParameter(1, status.name()).setParameter(2, shortened(error));
    update.setParameter(3, destination);
    LongSummaryStatistics seqs = statements.stream().mapToLong(Claimed::seq).summaryStatistics();
    update.setParameter(4, seqs.getMin()).setParameter(5, seqs.getMax());
    if (delivered) {
      // the moment the LRS answered, not the start of the relay's transaction
      update.setParameter(6, Instant.now().atOffset(ZoneOffset.UTC));
    }
    for (int i = 0; i < statements.size(); i++) {
      update.setParameter(i + firstSeq, statements.get(i).seq());
    }
    update.executeUpdate();
  }

  /** How many statements stand where, for one destination. */
  public Map<Status, Long> counts(String destination) {
    Map<Status, Long> counts = new EnumMap<>(Status.class);
    for (Status status : Status.values()) {
      counts.put(status, 0L);
    }
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select status, count(*) from statement_delivery where destination = ?1"
                    + " group by status")
            .setParameter(1, destination)
            .getResultList();
    for (Object[] row : rows) {
      counts.put(Status.valueOf((String) row[0]), ((Number) row[1]).longValue());
    }
    return counts;
  }

  /** Pending statements whose attempts failed, to tell "waiting" from "failing". */
  public long failing(String destination) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from statement_delivery where destination = ?1"
                        + " and status = 'PENDING' and attempts > 0")
                .setParameter(1, destination)
                .getSingleResult())
        .longValue();
  }

  /** The statements waiting for an administrator, oldest first. */
  public List<SetAside> setAside(String destination, int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select d.statement_seq, o.statement_id, d.status, d.attempts, d.last_error"
                    + " from statement_delivery d join statement_outbox o on o.seq ="
                    + " d.statement_seq where d.destination = ?1 and d.status in ('REJECTED',"
                    + " 'CONFLICT') order by d.statement_seq fetch first "
                    + limit
                    + " rows only")
            .setParameter(1, destination)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new SetAside(
                    ((Number) row[0]).longValue(),
                    UUID.fromString((String) row[1]),
                    Status.valueOf((String) row[2]),
                    ((Number) row[3]).intValue(),
                    (String) row[4]))
        .toList();
  }

  /**
   * An administrator has dealt with the cause: set-aside statements are sent again, and a resting
   * destination is tried at once. Returns how many statements were set aside.
   */
  @Transactional
  public Optional<Integer> retry(String destination, Instant now) {
    DestinationState state = em.find(DestinationState.class, destination);
    if (state == null) {
      return Optional.empty();
    }
    state.retryNow(now);
    return Optional.of(
        em.createNativeQuery(
                "update statement_delivery set status = 'PENDING', attempts = 0, last_error = null"
                    + " where destination = ?1 and status in ('REJECTED', 'CONFLICT')")
            .setParameter(1, destination)
            .executeUpdate());
  }

  public Optional<DestinationState> state(String destination) {
    return Optional.ofNullable(em.find(DestinationState.class, destination));
  }

  private static java.time.OffsetDateTime earlier(Instant one, Instant other) {
    return (one.isBefore(other) ? one : other).atOffset(ZoneOffset.UTC);
  }

  private static String placeholders(int count, int first) {
    return IntStream.range(first, first + count)
        .mapToObj(i -> "?" + i)
        .collect(Collectors.joining(", "));
  }

  private static String shortened(String error) {
    return error == null ? null : DestinationState.shortened(error);
  }
}
