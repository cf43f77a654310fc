package org.child.cop.lrs.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.StatementJson;

/**
 * The canonical definitions of activities, kept from the statements of clients with the {@code
 * define} scope: a later definition adds to an earlier one (language maps gain languages, other
 * members are replaced), so the definition grows as clients describe the activity.
 */
final class ActivityDefinitions {

  private static final Set<String> LANGUAGE_MAPS = Set.of("name", "description");
  private static final int LONGEST_DEFINITION = 200_000;

  private ActivityDefinitions() {}

  static void define(Connection connection, String tenant, List<Activity> activities, Instant now)
      throws SQLException {
    // in id order, as statements are written, so concurrent batches cannot deadlock on them
    List<Activity> ordered =
        activities.stream().sorted(java.util.Comparator.comparing(Activity::id)).toList();
    for (Activity activity : ordered) {
      JsonObject given = StatementJson.writeActivity(activity).getJsonObject("definition");
      if (given.toString().length() > LONGEST_DEFINITION / 2) {
        // too large to be a canonical definition: the statement itself keeps it
        continue;
      }
      String key = StatementLinks.activityKey(activity.id());
      Optional<JsonObject> held = find(connection, tenant, activity.id());
      if (held.isPresent()) {
        JsonObject merged = merge(held.get(), given);
        if (!merged.equals(held.get()) && merged.toString().length() <= LONGEST_DEFINITION) {
          try (PreparedStatement update =
              connection.prepareStatement(
                  "update lrs_activity set definition = ?, updated_at = ?"
                      + " where tenant = ? and activity_key = ?")) {
            update.setString(1, merged.toString());
            update.setObject(2, StatementStore.utc(now));
            update.setString(3, tenant);
            update.setString(4, key);
            update.executeUpdate();
          }
        }
      } else {
        try (PreparedStatement insert =
            connection.prepareStatement(
                "insert into lrs_activity (tenant, activity_key, activity_id, definition,"
                    + " updated_at) values (?, ?, ?, ?, ?)")) {
          insert.setString(1, tenant);
          insert.setString(2, key);
          insert.setString(3, activity.id());
          insert.setString(4, given.toString());
          insert.setObject(5, StatementStore.utc(now));
          insert.executeUpdate();
        }
      }
    }
  }

  static JsonObject merge(JsonObject held, JsonObject given) {
    JsonObjectBuilder merged = Json.createObjectBuilder(held);
    for (var member : given.entrySet()) {
      JsonValue earlier = held.get(member.getKey());
      if (LANGUAGE_MAPS.contains(member.getKey()) && earlier instanceof JsonObject map) {
        merged.add(
            member.getKey(),
            Json.createObjectBuilder(map)
                .addAll(Json.createObjectBuilder(member.getValue().asJsonObject())));
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
