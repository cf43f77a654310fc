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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.XapiVersion;

/**
 * Whether a statement sent again under an id the LRS holds is the same statement, as the
 * specification compares them: ignoring what the LRS sets ({@code stored}, {@code authority},
 * {@code version}), timestamps compared as instants (the LRS keeps them in UTC), durations to
 * hundredths of a second, group members in any order.
 */
public final class SameStatement {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<String> SET_BY_LRS = Set.of("stored", "authority", "version");

  private SameStatement() {}

  public static boolean as(Statement one, Statement other) {
    return comparable(one).equals(comparable(other));
  }

  private static final Pattern SECONDS = Pattern.compile("(\\d+)(?:\\.(\\d*))?S$");

  /**
   * The duration with its seconds cut to hundredths: xAPI 2.0 compares durations to 0.01 s, and an
   * LRS may keep no more (so "PT1.234S", "PT1.23S" and "PT1.230S" are one duration).
   */
  static String toHundredths(String duration) {
    Matcher seconds = SECONDS.matcher(duration);
    if (!seconds.find() || seconds.group(2) == null) {
      return duration;
    }
    String fraction = seconds.group(2);
    fraction = fraction.substring(0, Math.min(2, fraction.length())).replaceAll("0+$", "");
    return duration.substring(0, seconds.start())
        + seconds.group(1)
        + (fraction.isEmpty() ? "" : "." + fraction)
        + "S";
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
    if (name.equals("duration") && value instanceof JsonString text) {
      return JSON.createValue(toHundredths(text.getString()));
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
