package org.child.cop.lrs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.storage.control.SchemaMigration;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementJson;
import org.child.cop.xapi.StatementRef;
import org.child.cop.xapi.SubStatement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Violation;
import org.child.cop.xapi.XapiValidationException;
import org.child.cop.xapi.XapiVersion;

/**
 * The embedded LRS's statements: stored per tenant, all or nothing per batch, with the voiding
 * rules, and queried through the link tables with keyset paging on {@code seq}. Plain JDBC within
 * the container's transaction, because the queries are built from the filters given and link rows
 * go in as JDBC batches.
 */
@ApplicationScoped
public class StatementStore {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** A stored statement: its JSON as stored, when it was stored, whether it is voided. */
  public record Stored(long seq, String json, Instant stored, boolean voided) {}

  /** One page of a query, and the cursor of the next (empty when there is none). */
  public record Page(List<Stored> statements, Optional<StatementCursor> next) {}

  private static final int IN_CHUNK = 200;

  /** The longest statement JSON kept (the payload column's size). */
  static final int LONGEST_STATEMENT = 1_000_000;

  /** The largest attachment content kept: its Base64 text must fit the content column. */
  public static final int LARGEST_ATTACHMENT = 750_000;

  @Resource(lookup = SchemaMigration.DATA_SOURCE)
  DataSource dataSource;

  // stored times of the stores under way on this instance: Consistent-Through stays before them
  private final ConcurrentSkipListMap<Long, Instant> storing = new ConcurrentSkipListMap<>();
  private final AtomicLong storeNumbers = new AtomicLong();

  /** Stores statements made by the tool itself, as a 1.0.3 client would send them. */
  public List<UUID> store(LrsCaller caller, List<Statement> statements) {
    return store(caller, statements, XapiVersion.V1_0_3, Map.of());
  }

  /**
   * Stores a batch, all or nothing, and answers the ids in order: ids are made for statements
   * without one; {@code stored}, {@code authority} (the caller's: the LRS vouches for who sent it)
   * and {@code version} are set; timestamps are kept in UTC. A statement the LRS holds already
   * under its id is left as it is when it is the same statement, and a {@link StatementConflict}
   * when not. Attachments without a {@code fileUrl} need their content in {@code contents} (by
   * SHA-2) or stored earlier.
   *
   * @throws XapiValidationException when the batch breaks a rule (the violations say which)
   */
  @Transactional
  public List<UUID> store(
      LrsCaller caller,
      List<Statement> statements,
      XapiVersion version,
      Map<String, AttachmentContent> contents) {
    Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    long number = storeNumbers.incrementAndGet();
    storing.put(number, now);
    try (Connection connection = dataSource.getConnection()) {
      return store(connection, caller, statements, version, contents, now);
    } catch (SQLException e) {
      if (worthStoringAgain(e)) {
        throw new Raced();
      }
      throw new IllegalStateException("The LRS could not store statements: " + e.getMessage(), e);
    } finally {
      storing.remove(number);
    }
  }

  private List<UUID> store(
      Connection connection,
      LrsCaller caller,
      List<Statement> sent,
      XapiVersion version,
      Map<String, AttachmentContent> contents,
      Instant now)
      throws SQLException {
    String tenant = caller.tenant();
    List<Violation> violations = new ArrayList<>();
    Map<UUID, Statement> batch = new LinkedHashMap<>();
    // each statement's stored JSON is written once: it is both the length checked and the payload
    Map<UUID, String> payloads = new HashMap<>();
    Set<UUID> untimed = new HashSet<>();
    for (int i = 0; i < sent.size(); i++) {
      Statement statement = asStored(sent.get(i), caller, version, now, "[" + i + "]", violations);
      if (statement == null) {
        continue;
      }
      String payload = statement.toJson(XapiVersion.V2_0_0);
      if (payload.length() > LONGEST_STATEMENT) {
        violations.add(
            new Violation(
                "[" + i + "]", "is longer than " + LONGEST_STATEMENT + " characters of JSON"));
      } else if (batch.putIfAbsent(statement.id(), statement) != null) {
        violations.add(new Violation("[" + i + "].id", "is sent twice in this batch"));
      } else {
        payloads.put(statement.id(), payload);
      }
      if (sent.get(i).timestamp() == null) {
        untimed.add(statement.id());
      }
    }
    throwIfAny(violations);

    Map<UUID, Stored> held = find(connection, tenant, batch.keySet());
    // rows are written in id order, so two batches with the same new ids in another order wait
    // for each other instead of deadlocking
    Map<UUID, Statement> fresh = new java.util.TreeMap<>();
    for (Statement statement : batch.values()) {
      Stored existing = held.get(statement.id());
      if (existing == null) {
        fresh.put(statement.id(), statement);
      } else if (!same(statement, StatementJson.read(parse(existing.json())), untimed)) {
        throw new StatementConflict(statement.id());
      }
    }
    if (fresh.isEmpty()) {
      return List.copyOf(batch.keySet());
    }
    checkAttachments(connection, tenant, fresh.values(), contents, violations);
    Set<UUID> voidedNow = voiding(connection, tenant, fresh, violations);
    throwIfAny(violations);

    storeContents(connection, tenant, contents, now);
    Map<UUID, Long> seqs = insert(connection, caller, fresh, payloads, voidedNow, now);
    link(connection, tenant, fresh, seqs);
    if (caller.mayDefine()) {
      ActivityDefinitions.define(connection, tenant, activities(fresh.values()), now);
    }
    return List.copyOf(batch.keySet());
  }

  /**
   * Another client stored one of the batch's new ids between this store's check and its insert; the
   * transaction is rolled back, and storing again finds that statement (the same one, or a
   * conflict).
   */
  public static final class Raced extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Raced() {
      super(
          "another client stored a statement of this batch at the same moment", null, false, false);
    }
  }

  // SQLSTATE 23505 unique_violation, on PostgreSQL and H2 alike (a batch may wrap it), and a
  // deadlock or serialization failure (40P01, 40001): storing again is the cure for each
  private static boolean worthStoringAgain(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      String state = next.getSQLState();
      if ("23505".equals(state) || "40P01".equals(state) || "40001".equals(state)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a statement sent again is the one held; when it was sent without a timestamp, the one
   * the LRS gave it the first time is no difference.
   */
  private static boolean same(Statement sent, Statement held, Set<UUID> untimed) {
    if (untimed.contains(sent.id())) {
      return SameStatement.as(
          sent.toBuilder().timestamp(null).build(), held.toBuilder().timestamp(null).build());
    }
    return SameStatement.as(sent, held);
  }

  /** The statement as the LRS keeps it, or null with the violations recorded. */
  private static Statement asStored(
      Statement statement,
      LrsCaller caller,
      XapiVersion version,
      Instant now,
      String path,
      List<Violation> violations) {
    String stated = statement.version();
    if (stated != null && version == XapiVersion.V1_0_3 && !stated.startsWith("1.0")) {
      violations.add(
          new Violation(path + ".version", "a 1.0.3 request can only send 1.0.x statements"));
      return null;
    }
    return statement.toBuilder()
        .id(statement.id() == null ? UUID.randomUUID() : statement.id())
        .timestamp(
            statement.timestamp() == null ? Timestamp.of(now) : statement.timestamp().inUtc())
        .stored(Timestamp.of(now))
        .authority(caller.authority())
        .version(stated != null ? stated : version == XapiVersion.V1_0_3 ? "1.0.0" : "2.0.0")
        .build();
  }

  /**
   * Applies the voiding rules to the new statements: a voiding statement must not target a voiding
   * statement; its target, held or in this batch, is voided; a new statement already voided by an
   * earlier voiding statement (the void arrived first) is stored voided. Answers the ids to store
   * voided; marks held targets voided.
   */
  private Set<UUID> voiding(
      Connection connection, String tenant, Map<UUID, Statement> fresh, List<Violation> violations)
      throws SQLException {
    Map<UUID, UUID> targets = new HashMap<>();
    fresh.values().stream()
        .filter(s -> s.verb().isVoiding())
        .forEach(s -> targets.put(s.id(), ((StatementRef) s.object()).id()));
    Set<UUID> voidedNow = new HashSet<>();
    Set<UUID> heldTargets = new HashSet<>();
    Map<UUID, Stored> held = find(connection, tenant, new HashSet<>(targets.values()));
    Set<UUID> heldVoiding = voidingAmong(connection, tenant, held.keySet());
    for (Map.Entry<UUID, UUID> voiding : targets.entrySet()) {
      UUID target = voiding.getValue();
      boolean targetVoids = targets.containsKey(target) || heldVoiding.contains(target);
      if (targetVoids) {
        violations.add(
            new Violation(
                "object.id",
                "statement "
                    + voiding.getKey()
                    + " voids "
                    + target
                    + ", a voiding statement: a voiding statement cannot be voided"));
      } else if (fresh.containsKey(target)) {
        voidedNow.add(target);
      } else if (held.containsKey(target)) {
        heldTargets.add(target);
      }
    }
    for (UUID id : voidedAlready(connection, tenant, fresh.keySet())) {
      if (!targets.containsKey(id)) {
        voidedNow.add(id);
      }
    }
    if (violations.isEmpty()) {
      markVoided(connection, tenant, heldTargets);
    }
    return voidedNow;
  }

  private static void checkAttachments(
      Connection connection,
      String tenant,
      Collection<Statement> statements,
      Map<String, AttachmentContent> contents,
      List<Violation> violations)
      throws SQLException {
    Set<String> needed = new HashSet<>();
    for (Statement statement : statements) {
      if (statement.attachments() != null) {
        statement.attachments().stream()
            .filter(a -> a.fileUrl() == null)
            .forEach(a -> needed.add(a.sha2().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    needed.removeAll(contents.keySet());
    if (needed.isEmpty()) {
      return;
    }
    Set<String> stored = new HashSet<>();
    eachRow(
        connection,
        "select sha2 from lrs_attachment where tenant = ? and sha2 in (",
        tenant,
        List.copyOf(needed),
        row -> stored.add(row.getString(1)));
    needed.removeAll(stored);
    for (String sha2 : needed) {
      violations.add(
          new Violation(
              "attachments",
              "attachment "
                  + sha2
                  + " has no fileUrl and no part with this X-Experience-API-Hash in the"
                  + " multipart/mixed request"));
    }
  }

  private static void storeContents(
      Connection connection, String tenant, Map<String, AttachmentContent> contents, Instant now)
      throws SQLException {
    for (AttachmentContent content : new java.util.TreeMap<>(contents).values()) {
      try (PreparedStatement exists =
          connection.prepareStatement(
              "select 1 from lrs_attachment where tenant = ? and sha2 = ?")) {
        exists.setString(1, tenant);
        exists.setString(2, content.sha2());
        try (ResultSet row = exists.executeQuery()) {
          if (row.next()) {
            continue;
          }
        }
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "insert into lrs_attachment (tenant, sha2, content_type, length, content_base64,"
                  + " created_at) values (?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, tenant);
        insert.setString(2, content.sha2());
        insert.setString(3, content.contentType());
        insert.setLong(4, content.bytes().length);
        insert.setString(5, java.util.Base64.getEncoder().encodeToString(content.bytes()));
        insert.setObject(6, utc(now));
        insert.executeUpdate();
      }
    }
  }

  /** Inserts the statement rows and answers the seq each was given, by statement id. */
  private static Map<UUID, Long> insert(
      Connection connection,
      LrsCaller caller,
      Map<UUID, Statement> fresh,
      Map<UUID, String> payloads,
      Set<UUID> voidedNow,
      Instant now)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into lrs_statement (tenant, statement_id, verb_key, registration, voided,"
                + " voiding_target, stored, statement_timestamp, credential_id, payload,"
                + " object_statement_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            new String[] {"seq", "statement_id"})) {
      for (Statement statement : fresh.values()) {
        Context context = statement.context();
        insert.setString(1, caller.tenant());
        insert.setString(2, statement.id().toString());
        insert.setString(3, StatementLinks.verbKey(statement.verb().id()));
        insert.setString(
            4,
            context == null || context.registration() == null
                ? null
                : context.registration().toString());
        insert.setBoolean(5, voidedNow.contains(statement.id()));
        insert.setString(
            6,
            statement.verb().isVoiding()
                ? ((StatementRef) statement.object()).id().toString()
                : null);
        insert.setObject(7, utc(now));
        insert.setObject(8, utc(statement.timestamp().instant()));
        insert.setString(9, caller.credentialId());
        insert.setString(10, payloads.get(statement.id()));
        insert.setString(
            11, statement.object() instanceof StatementRef ref ? ref.id().toString() : null);
        insert.addBatch();
      }
      insert.executeBatch();
      // each key comes with its statement's id: no reliance on the driver keeping the rows' order
      // (a driver that rewrites the batch into one multi-row INSERT need not)
      Map<UUID, Long> seqs = new HashMap<>();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        while (keys.next()) {
          seqs.put(UUID.fromString(keys.getString("statement_id")), keys.getLong("seq"));
        }
      }
      if (!seqs.keySet().equals(fresh.keySet())) {
        throw new SQLException(
            "the insert gave keys for " + seqs.size() + " of " + fresh.size() + " statements");
      }
      return seqs;
    }
  }

  private static void link(
      Connection connection, String tenant, Map<UUID, Statement> fresh, Map<UUID, Long> seqs)
      throws SQLException {
    try (PreparedStatement agents =
            connection.prepareStatement(
                "insert into lrs_statement_agent (statement_seq, tenant, agent_key, usage)"
                    + " values (?, ?, ?, ?)");
        PreparedStatement activities =
            connection.prepareStatement(
                "insert into lrs_statement_activity (statement_seq, tenant, activity_key, usage)"
                    + " values (?, ?, ?, ?)")) {
      for (Statement statement : fresh.values()) {
        long seq = seqs.get(statement.id());
        StatementLinks links = StatementLinks.of(statement);
        for (StatementLinks.Link link : links.agents()) {
          addLink(agents, seq, tenant, link);
        }
        for (StatementLinks.Link link : links.activities()) {
          addLink(activities, seq, tenant, link);
        }
      }
      agents.executeBatch();
      activities.executeBatch();
    }
  }

  private static void addLink(
      PreparedStatement insert, long seq, String tenant, StatementLinks.Link link)
      throws SQLException {
    insert.setLong(1, seq);
    insert.setString(2, tenant);
    insert.setString(3, link.key());
    insert.setString(4, link.usage());
    insert.addBatch();
  }

  /** Every activity with a definition that the statements name. */
  private static List<Activity> activities(Collection<Statement> statements) {
    List<Activity> activities = new ArrayList<>();
    for (Statement statement : statements) {
      collect(activities, statement.object(), statement.context());
      if (statement.object() instanceof SubStatement sub) {
        collect(activities, sub.object(), sub.context());
      }
    }
    return activities.stream().filter(a -> a.definition() != null).toList();
  }

  private static void collect(List<Activity> activities, Object object, Context context) {
    if (object instanceof Activity activity) {
      activities.add(activity);
    }
    if (context != null && context.contextActivities() != null) {
      var related = context.contextActivities();
      for (List<Activity> list :
          java.util.Arrays.asList(
              related.parent(), related.grouping(), related.category(), related.other())) {
        if (list != null) {
          activities.addAll(list);
        }
      }
    }
  }

  /** A statement of the caller's tenant (and, for read-mine callers, its own), voided or not. */
  public Optional<Stored> find(LrsCaller caller, UUID id) {
    try (Connection connection = dataSource.getConnection()) {
      return Optional.ofNullable(find(connection, caller.tenant(), Set.of(id)).get(id))
          .filter(stored -> caller.mayReadAllStatements() || mine(connection, caller, id));
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS could not read a statement: " + e.getMessage(), e);
    }
  }

  private static boolean mine(Connection connection, LrsCaller caller, UUID id) {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select 1 from lrs_statement where tenant = ? and statement_id = ?"
                + " and credential_id = ?")) {
      query.setString(1, caller.tenant());
      query.setString(2, id.toString());
      query.setString(3, caller.credentialId());
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A page of the caller's statements (read-mine callers: only theirs), voided ones left out, in
   * stored order (newest first unless ascending).
   */
  public Page query(LrsCaller caller, StatementFilter filter, String format, boolean attachments) {
    try (Connection connection = dataSource.getConnection()) {
      long bound = highestSeq(connection, caller.tenant());
      StatementCursor first =
          new StatementCursor(
              caller.credentialId(),
              filter,
              format,
              attachments,
              filter.ascending() ? 0 : Long.MAX_VALUE,
              bound);
      return page(connection, caller, first);
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS could not query statements: " + e.getMessage(), e);
    }
  }

  /** The page a cursor names; empty when the cursor was made for another credential. */
  public Optional<Page> more(LrsCaller caller, StatementCursor cursor) {
    if (!cursor.credentialId().equals(caller.credentialId())) {
      return Optional.empty();
    }
    try (Connection connection = dataSource.getConnection()) {
      return Optional.of(page(connection, caller, cursor));
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS could not query statements: " + e.getMessage(), e);
    }
  }

  private static Page page(Connection connection, LrsCaller caller, StatementCursor cursor)
      throws SQLException {
    StatementFilter filter = cursor.filter();
    List<Object> matchValues = new ArrayList<>();
    String matchS = matches(filter, caller.tenant(), "s", matchValues);
    StringBuilder base =
        new StringBuilder(" where s.tenant = ? and s.voided = false and s.seq <= ?");
    List<Object> baseValues = new ArrayList<>(List.of(caller.tenant(), cursor.bound()));
    base.append(filter.ascending() ? " and s.seq > ?" : " and s.seq < ?");
    baseValues.add(cursor.after());
    if (!caller.mayReadAllStatements()) {
      base.append(" and s.credential_id = ?");
      baseValues.add(caller.credentialId());
    }
    if (filter.since() != null) {
      // only for since alone: other filters have their own indexes, and ascending pages and
      // until start among the oldest statements
      boolean walkNewestFirst =
          !filter.ascending()
              && filter.until() == null
              && matchS.isEmpty()
              && manyNewer(connection, caller.tenant(), filter.since(), cursor);
      base.append(
          walkNewestFirst ? " and s.stored + interval '0 seconds' > ?" : " and s.stored > ?");
      baseValues.add(utc(filter.since()));
    }
    if (filter.until() != null) {
      base.append(" and s.stored <= ?");
      baseValues.add(utc(filter.until()));
    }
    String order = filter.ascending() ? " order by seq asc" : " order by seq desc";
    String first = " fetch first " + (filter.limit() + 1) + " rows only";
    String select = "select s.seq, s.payload, s.stored from lrs_statement s";
    StringBuilder sql = new StringBuilder();
    List<Object> values = new ArrayList<>();
    if (matchS.isEmpty()) {
      sql.append(select).append(base).append(order.replace("seq", "s.seq")).append(first);
      values.addAll(baseValues);
    } else {
      // a statement that refers to a matching statement (StatementRef) matches too, as the
      // specification requires; the target may be voided (its voiding statement is found). The
      // two kinds are asked apart, each for a page, and the pages merged: with an OR between
      // them no index serves the query and PostgreSQL walks every statement of the tenant.
      List<Object> refValues = new ArrayList<>();
      String matchM = matches(filter, caller.tenant(), "m", refValues);
      sql.append("select seq, payload, stored from ((");
      if (filter.activityKey() == null) {
        sql.append(select)
            .append(base)
            .append(" and ")
            .append(matchS)
            .append(order.replace("seq", "s.seq"));
        values.addAll(baseValues);
        values.addAll(matchValues);
      } else {
        // an activity names many statements (a community every one of its own): its link rows,
        // read in seq order from the index, lead and each statement is fetched by its key, so
        // a page costs its own rows only, instead of walking the statements until it is full
        String direction = filter.ascending() ? " asc" : " desc";
        List<Object> restValues = new ArrayList<>();
        String rest = matches(filter, caller.tenant(), "s", restValues, false);
        sql.append("select s.seq, s.payload, s.stored from (select distinct c.statement_seq")
            .append(" from lrs_statement_activity c where c.tenant = ? and c.activity_key = ?");
        values.add(caller.tenant());
        values.add(filter.activityKey());
        if (!filter.relatedActivities()) {
          sql.append(" and c.usage in (")
              .append(marks(StatementLinks.ACTIVITY_USAGES.size()))
              .append(")");
          values.addAll(StatementLinks.ACTIVITY_USAGES);
        }
        sql.append(" and c.statement_seq <= ?")
            .append(filter.ascending() ? " and c.statement_seq > ?" : " and c.statement_seq < ?")
            .append(" order by c.statement_seq")
            .append(direction)
            .append(") k join lrs_statement s on s.seq = k.statement_seq")
            .append(base)
            .append(rest.isEmpty() ? "" : " and " + rest)
            .append(" order by k.statement_seq")
            .append(direction);
        values.add(cursor.bound());
        values.add(cursor.after());
        values.addAll(baseValues);
        values.addAll(restValues);
      }
      sql.append(first)
          .append(") union (")
          .append(select)
          .append(base)
          .append(" and s.object_statement_id is not null and exists (select 1 from")
          .append(" lrs_statement m where m.tenant = s.tenant")
          .append(" and m.statement_id = s.object_statement_id and ")
          .append(matchM)
          .append(")")
          .append(order.replace("seq", "s.seq"))
          .append(first)
          .append(")) u")
          .append(order)
          .append(first);
      values.addAll(baseValues);
      values.addAll(refValues);
    }
    List<Stored> statements = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
      if (filter.since() != null || filter.until() != null) {
        plannedForItsValues(query);
      }
      for (int i = 0; i < values.size(); i++) {
        query.setObject(i + 1, values.get(i));
      }
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          statements.add(
              new Stored(
                  rows.getLong(1),
                  rows.getString(2),
                  rows.getObject(3, OffsetDateTime.class).toInstant(),
                  false));
        }
      }
    }
    if (statements.size() <= filter.limit()) {
      return new Page(statements, Optional.empty());
    }
    List<Stored> page = statements.subList(0, filter.limit());
    long last = page.get(page.size() - 1).seq();
    return new Page(
        List.copyOf(page),
        Optional.of(
            new StatementCursor(
                cursor.credentialId(),
                filter,
                cursor.format(),
                cursor.attachments(),
                last,
                cursor.bound())));
  }

  /** From this many statements newer than {@code since}, walking newest first finds a page soon. */
  static final int MANY_NEWER = 1_000;

  /**
   * Whether PostgreSQL should answer a newest-first {@code since} query by walking the statements
   * newest first, and the query should hide the {@code stored} index from it. The planner cannot
   * know that {@code stored} grows with {@code seq}: when a few thousand statements are newer, it
   * reads them all through the {@code stored} index and sorts them (20 ms and more at 1M
   * statements), where the newest hundred are the page. With fewer than {@link #MANY_NEWER} newer,
   * reading them all is the better plan and stays. PostgreSQL only.
   */
  private static boolean manyNewer(
      Connection connection, String tenant, Instant since, StatementCursor cursor)
      throws SQLException {
    if (!connection.isWrapperFor(org.postgresql.PGConnection.class)) {
      return false;
    }
    try (PreparedStatement probe =
        connection.prepareStatement(
            "select count(*) from (select 1 from lrs_statement s where s.tenant = ? and s.stored"
                + " > ? and s.seq <= ? and s.seq < ? fetch first "
                + MANY_NEWER
                + " rows only) n")) {
      plannedForItsValues(probe);
      probe.setString(1, tenant);
      probe.setObject(2, utc(since));
      probe.setLong(3, cursor.bound());
      probe.setLong(4, cursor.after());
      try (ResultSet count = probe.executeQuery()) {
        return count.next() && count.getInt(1) >= MANY_NEWER;
      }
    }
  }

  /**
   * Has PostgreSQL plan the query for the values it is given, every time. With {@code since} the
   * best plan depends on how many statements are newer: after five executions the driver prepares
   * the query on the server, and PostgreSQL may then keep one generic plan that walks the
   * statements newest first, which reads all of them when fewer than a page are newer (a client
   * polling for what is new: 2-3 s at 1M statements instead of a few ms). Elsewhere (H2) nothing.
   */
  private static void plannedForItsValues(PreparedStatement query) throws SQLException {
    if (query.isWrapperFor(org.postgresql.PGStatement.class)) {
      query.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
    }
  }

  /** The conditions on verb, registration, agent and activity for the statement {@code x}. */
  private static String matches(
      StatementFilter filter, String tenant, String x, List<Object> values) {
    return matches(filter, tenant, x, values, true);
  }

  /** The same, the activity condition left out unless {@code activity}. */
  private static String matches(
      StatementFilter filter, String tenant, String x, List<Object> values, boolean activity) {
    List<String> conditions = new ArrayList<>();
    if (filter.verbKey() != null) {
      conditions.add(x + ".verb_key = ?");
      values.add(filter.verbKey());
    }
    if (filter.registration() != null) {
      conditions.add(x + ".registration = ?");
      values.add(filter.registration().toString());
    }
    if (filter.agentKey() != null) {
      StringBuilder agent =
          new StringBuilder(
              x
                  + ".seq in (select a.statement_seq from lrs_statement_agent a"
                  + " where a.tenant = ? and a.agent_key = ?");
      values.add(tenant);
      values.add(filter.agentKey());
      usages(agent, values, "a", filter.relatedAgents() ? null : StatementLinks.AGENT_USAGES);
      conditions.add(agent.toString());
    }
    if (activity && filter.activityKey() != null) {
      StringBuilder link =
          new StringBuilder(
              x
                  + ".seq in (select c.statement_seq from lrs_statement_activity c"
                  + " where c.tenant = ? and c.activity_key = ?");
      values.add(tenant);
      values.add(filter.activityKey());
      usages(link, values, "c", filter.relatedActivities() ? null : StatementLinks.ACTIVITY_USAGES);
      conditions.add(link.toString());
    }
    return String.join(" and ", conditions);
  }

  private static void usages(
      StringBuilder sql, List<Object> values, String alias, List<String> usages) {
    if (usages != null) {
      sql.append(" and ")
          .append(alias)
          .append(".usage in (")
          .append(marks(usages.size()))
          .append(")");
      values.addAll(usages);
    }
    sql.append(")");
  }

  /**
   * Up to when the caller sees every statement: before the oldest store still under way here, or
   * now.
   */
  public Instant consistentThrough() {
    var oldest = storing.firstEntry();
    return oldest == null ? Instant.now() : oldest.getValue().minusMillis(1);
  }

  /** Raw attachment contents of the tenant, by SHA-2. */
  public Map<String, AttachmentContent> contents(LrsCaller caller, Collection<String> sha2s) {
    Map<String, AttachmentContent> contents = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      eachRow(
          connection,
          "select sha2, content_type, content_base64 from lrs_attachment where tenant = ? and"
              + " sha2 in (",
          caller.tenant(),
          List.copyOf(new HashSet<>(sha2s)),
          row ->
              contents.put(
                  row.getString(1),
                  new AttachmentContent(
                      row.getString(1),
                      row.getString(2),
                      java.util.Base64.getDecoder().decode(row.getString(3)))));
      return contents;
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS could not read attachments: " + e.getMessage(), e);
    }
  }

  /** The canonical definitions held for these activities of the caller's tenant, by id. */
  public Map<String, JsonObject> definitions(LrsCaller caller, Collection<String> activityIds) {
    try (Connection connection = dataSource.getConnection()) {
      return ActivityDefinitions.findAll(connection, caller.tenant(), Set.copyOf(activityIds));
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS could not read activities: " + e.getMessage(), e);
    }
  }

  /** The canonical definition of an activity of the caller's tenant, if one was defined. */
  public Optional<JsonObject> definition(LrsCaller caller, String activityId) {
    try (Connection connection = dataSource.getConnection()) {
      return ActivityDefinitions.find(connection, caller.tenant(), activityId);
    } catch (SQLException e) {
      throw new IllegalStateException("The LRS could not read an activity: " + e.getMessage(), e);
    }
  }

  private static long highestSeq(Connection connection, String tenant) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("select max(seq) from lrs_statement where tenant = ?")) {
      query.setString(1, tenant);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        long highest = row.getLong(1);
        return row.wasNull() ? 0 : highest;
      }
    }
  }

  private static Map<UUID, Stored> find(Connection connection, String tenant, Set<UUID> ids)
      throws SQLException {
    Map<UUID, Stored> found = new HashMap<>();
    eachRow(
        connection,
        "select statement_id, seq, payload, stored, voided from lrs_statement where tenant = ?"
            + " and statement_id in (",
        tenant,
        texts(ids),
        row ->
            found.put(
                UUID.fromString(row.getString(1)),
                new Stored(
                    row.getLong(2),
                    row.getString(3),
                    row.getObject(4, OffsetDateTime.class).toInstant(),
                    row.getBoolean(5))));
    return found;
  }

  /** Which of these statements are voiding statements. */
  private static Set<UUID> voidingAmong(Connection connection, String tenant, Set<UUID> ids)
      throws SQLException {
    return idsAmong(
        connection,
        "select statement_id from lrs_statement where tenant = ? and voiding_target is not null"
            + " and statement_id in (",
        tenant,
        ids);
  }

  /** Which of these ids held voiding statements target (the void came first). */
  private static Set<UUID> voidedAlready(Connection connection, String tenant, Set<UUID> ids)
      throws SQLException {
    return idsAmong(
        connection,
        "select voiding_target from lrs_statement where tenant = ? and voiding_target in (",
        tenant,
        ids);
  }

  /** The ids a query answers for {@code ids}: {@code select} ends with "in (". */
  private static Set<UUID> idsAmong(
      Connection connection, String select, String tenant, Set<UUID> ids) throws SQLException {
    Set<UUID> found = new HashSet<>();
    eachRow(
        connection,
        select,
        tenant,
        texts(ids),
        row -> found.add(UUID.fromString(row.getString(1))));
    return found;
  }

  /**
   * Hands each row of a tenant's query on {@code values} to {@code row}, asking for the values in
   * chunks (databases limit the parameters of a statement): {@code select} has the tenant as its
   * first parameter and ends with "in (".
   */
  private static void eachRow(
      Connection connection, String select, String tenant, List<String> values, Row row)
      throws SQLException {
    for (List<String> chunk : chunks(values)) {
      try (PreparedStatement query =
          connection.prepareStatement(select + marks(chunk.size()) + ")")) {
        query.setString(1, tenant);
        bind(query, 2, chunk);
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            row.read(rows);
          }
        }
      }
    }
  }

  /** What to do with one row of a result. */
  @FunctionalInterface
  private interface Row {
    void read(ResultSet row) throws SQLException;
  }

  private static List<String> texts(Set<UUID> ids) {
    return ids.stream().map(UUID::toString).toList();
  }

  private static void markVoided(Connection connection, String tenant, Set<UUID> ids)
      throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "update lrs_statement set voided = true where tenant = ? and statement_id = ?"
                + " and voiding_target is null")) {
      for (UUID id : ids) {
        update.setString(1, tenant);
        update.setString(2, id.toString());
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static void throwIfAny(List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new XapiValidationException(violations);
    }
  }

  static JsonObject parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static List<List<String>> chunks(List<String> values) {
    List<List<String>> chunks = new ArrayList<>();
    for (int i = 0; i < values.size(); i += IN_CHUNK) {
      chunks.add(values.subList(i, Math.min(values.size(), i + IN_CHUNK)));
    }
    return chunks;
  }

  private static String marks(int count) {
    return String.join(", ", java.util.Collections.nCopies(count, "?"));
  }

  private static void bind(PreparedStatement statement, int first, List<String> values)
      throws SQLException {
    for (int i = 0; i < values.size(); i++) {
      statement.setString(first + i, values.get(i));
    }
  }
}
