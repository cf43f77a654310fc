package org.child.cop.lrs.control;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next page of a statement query starts: the query, the credential it belongs to, the
 * last {@code seq} served and the highest {@code seq} the first page could see (so statements
 * stored since never slip into a later page, and none is served twice). A cursor grants nothing:
 * every page is filtered again by its caller's tenant and scopes, and a cursor made for another
 * credential is refused.
 */
public record StatementCursor(
    String credentialId,
    StatementFilter filter,
    String format,
    boolean attachments,
    long after,
    long bound) {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  public String encode() {
    JsonObjectBuilder o =
        JSON.createObjectBuilder()
            .add("c", credentialId)
            .add("l", filter.limit())
            .add("a", filter.ascending())
            .add("p", after)
            .add("b", bound)
            .add("f", format)
            .add("t", attachments);
    optional(o, "ag", filter.agentKey());
    o.add("ra", filter.relatedAgents());
    optional(o, "v", filter.verbKey());
    optional(o, "ac", filter.activityKey());
    o.add("rc", filter.relatedActivities());
    optional(o, "r", filter.registration() == null ? null : filter.registration().toString());
    optional(o, "s", filter.since() == null ? null : filter.since().toString());
    optional(o, "u", filter.until() == null ? null : filter.until().toString());
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(o.build().toString().getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in {@code text}, if it is one; empty for anything else. */
  public static Optional<StatementCursor> decode(String text) {
    try {
      String json = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      JsonObject o = JSON.createReader(new StringReader(json)).readObject();
      StatementFilter filter =
          new StatementFilter(
              o.getString("ag", null),
              o.getBoolean("ra"),
              o.getString("v", null),
              o.getString("ac", null),
              o.getBoolean("rc"),
              o.containsKey("r") ? UUID.fromString(o.getString("r")) : null,
              o.containsKey("s") ? Instant.parse(o.getString("s")) : null,
              o.containsKey("u") ? Instant.parse(o.getString("u")) : null,
              o.getInt("l"),
              o.getBoolean("a"));
      return Optional.of(
          new StatementCursor(
              o.getString("c"),
              filter,
              o.getString("f"),
              o.getBoolean("t"),
              o.getJsonNumber("p").longValueExact(),
              o.getJsonNumber("b").longValueExact()));
    } catch (IllegalArgumentException
        | JsonException
        | ClassCastException
        | NullPointerException
        | ArithmeticException
        | java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static void optional(JsonObjectBuilder o, String name, String value) {
    if (value != null) {
      o.add(name, value);
    }
  }
}
