package org.child.cop.lrs.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.XapiVersion;

/**
 * Whether a statement sent again under an id the LRS holds is the same statement, as the
 * specification compares them: ignoring what the LRS sets ({@code stored}, {@code authority},
 * {@code version}), timestamps compared as instants (the LRS keeps them in UTC), group members in
 * any order.
 */
public final class SameStatement {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<String> SET_BY_LRS = Set.of("stored", "authority", "version");

  private SameStatement() {}

  public static boolean as(Statement one, Statement other) {
    return comparable(one).equals(comparable(other));
  }

  static JsonObject comparable(Statement statement) {
    JsonObject json = statement.toJsonObject(XapiVersion.V2_0_0);
    JsonObjectBuilder o = JSON.createObjectBuilder();
    json.forEach(
        (name, value) -> {
          if (!SET_BY_LRS.contains(name)) {
            o.add(name, normal(name, value));
          }
        });
    return o.build();
  }

  private static JsonValue normal(String name, JsonValue value) {
    if (name.equals("timestamp") && value instanceof JsonString text) {
      return JSON.createValue(new Timestamp(text.getString()).instant().toString());
    }
    if (value instanceof JsonObject object) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      for (Map.Entry<String, JsonValue> member : object.entrySet()) {
        // extensions hold any JSON: their members are compared as written
        o.add(
            member.getKey(),
            name.equals("extensions")
                ? member.getValue()
                : normal(member.getKey(), member.getValue()));
      }
      return o.build();
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      var items = array.stream().map(item -> normal("", item));
      if (name.equals("member")) {
        items = items.sorted(Comparator.comparing(JsonValue::toString));
      }
      items.forEach(a::add);
      return a.build();
    }
    return value;
  }
}
