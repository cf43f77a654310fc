package org.child.cop.lrs.control;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.StatementJson;

/**
 * The canonical definitions of activities, kept from the statements of clients with the {@code
 * define} scope: a later definition adds to an earlier one (language maps gain languages, other
 * members are replaced), so the definition grows as clients describe the activity.
 */
final class ActivityDefinitions {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<String> LANGUAGE_MAPS = Set.of("name", "description");
  private static final int LONGEST_DEFINITION = 200_000;
  private static final int CHUNK = 200;

  private ActivityDefinitions() {}

  /**
   * Merges the definitions the statements give into the canonical ones. Activities are taken once
   * each (the batch's definitions of one activity merged in statement order), looked up in one
   * query, and written in the order of their ids, so that concurrent batches naming the same new
   * activities wait for each other instead of deadlocking; on PostgreSQL an activity another batch
   * has just defined is merged into, not inserted twice.
   */
  static void define(Connection connection, String tenant, List<Activity> activities, Instant now)
      throws SQLException {
    SortedMap<String, JsonObject> given = new TreeMap<>();
    for (Activity activity : activities) {
      JsonObject definition = StatementJson.writeActivity(activity).getJsonObject("definition");
      if (definition.toString().length() > LONGEST_DEFINITION / 2) {
        // too large to be a canonical definition: the statement itself keeps it
        continue;
      }
      given.merge(activity.id(), definition, ActivityDefinitions::merge);
    }
    if (given.isEmpty()) {
      return;
    }
    Map<String, String> held = heldTexts(connection, tenant, given.keySet());
    boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    for (Map.Entry<String, JsonObject> activity : given.entrySet()) {
      String text = activity.getValue().toString();
      String earlierText = held.get(activity.getKey());
      if (text.equals(earlierText)) {
        // the definition it holds, sent again (most statements): nothing to parse or merge
        continue;
      }
      JsonObject earlier = earlierText == null ? null : StatementStore.parse(earlierText);
      if (earlier == null && insert(connection, tenant, activity.getKey(), text, now, postgres)) {
        continue;
      }
      if (earlier == null) {
        // another batch defined it since the lookup (and has committed): merge into that one
        earlier = find(connection, tenant, activity.getKey()).orElse(null);
        if (earlier == null) {
          continue;
        }
      }
      JsonObject merged = merge(earlier, activity.getValue());
      if (!merged.equals(earlier) && merged.toString().length() <= LONGEST_DEFINITION) {
        try (PreparedStatement update =
            connection.prepareStatement(
                "update lrs_activity set definition = ?, updated_at = ?"
                    + " where tenant = ? and activity_key = ?")) {
          update.setString(1, merged.toString());
          update.setObject(2, StatementStore.utc(now));
          update.setString(3, tenant);
          update.setString(4, StatementLinks.activityKey(activity.getKey()));
          update.executeUpdate();
        }
      }
    }
  }

  /** Inserts a new definition; false when another transaction has inserted one meanwhile. */
  private static boolean insert(
      Connection connection,
      String tenant,
      String activityId,
      String definition,
      Instant now,
      boolean postgres)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "insert into lrs_activity (tenant, activity_key, activity_id, definition, updated_at)"
                + " values (?, ?, ?, ?, ?)"
                + (postgres ? " on conflict (tenant, activity_key) do nothing" : ""))) {
      insert.setString(1, tenant);
      insert.setString(2, StatementLinks.activityKey(activityId));
      insert.setString(3, activityId);
      insert.setString(4, definition);
      insert.setObject(5, StatementStore.utc(now));
      return insert.executeUpdate() == 1;
    }
  }

  /** The held definitions of these activities, by id, looked up in chunks of keys. */
  static Map<String, JsonObject> findAll(
      Connection connection, String tenant, Set<String> activityIds) throws SQLException {
    Map<String, JsonObject> held = new HashMap<>();
    heldTexts(connection, tenant, activityIds)
        .forEach((id, text) -> held.put(id, StatementStore.parse(text)));
    return held;
  }

  /** The held definitions of these activities as stored (JSON text), by id. */
  private static Map<String, String> heldTexts(
      Connection connection, String tenant, Set<String> activityIds) throws SQLException {
    Map<String, String> held = new HashMap<>();
    List<String> ids = List.copyOf(activityIds);
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try (PreparedStatement query =
          connection.prepareStatement(
              "select activity_id, definition from lrs_activity where tenant = ?"
                  + " and activity_key in ("
                  + String.join(", ", Collections.nCopies(chunk.size(), "?"))
                  + ")")) {
        query.setString(1, tenant);
        for (int i = 0; i < chunk.size(); i++) {
          query.setString(i + 2, StatementLinks.activityKey(chunk.get(i)));
        }
        try (ResultSet rows = query.executeQuery()) {
          while (rows.next()) {
            // a hashed key names one id; the id itself is checked, as in find
            if (activityIds.contains(rows.getString(1)) && rows.getString(2) != null) {
              held.put(rows.getString(1), rows.getString(2));
            }
          }
        }
      }
    }
    return held;
  }

  static JsonObject merge(JsonObject held, JsonObject given) {
    if (held.equals(given)) {
      // most statements of a batch give the same definition of an activity they share
      return held;
    }
    JsonObjectBuilder merged = JSON.createObjectBuilder(held);
    for (var member : given.entrySet()) {
      JsonValue earlier = held.get(member.getKey());
      if (LANGUAGE_MAPS.contains(member.getKey()) && earlier instanceof JsonObject map) {
        merged.add(
            member.getKey(),
            JSON.createObjectBuilder(map)
                .addAll(JSON.createObjectBuilder(member.getValue().asJsonObject())));
      } else {
        merged.add(member.getKey(), member.getValue());
      }
    }
    return merged.build();
  }

  static Optional<JsonObject> find(Connection connection, String tenant, String activityId)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select activity_id, definition from lrs_activity"
                + " where tenant = ? and activity_key = ?")) {
      query.setString(1, tenant);
      query.setString(2, StatementLinks.activityKey(activityId));
      try (ResultSet row = query.executeQuery()) {
        if (row.next() && row.getString(1).equals(activityId) && row.getString(2) != null) {
          return Optional.of(StatementStore.parse(row.getString(2)));
        }
        return Optional.empty();
      }
    }
  }
}
