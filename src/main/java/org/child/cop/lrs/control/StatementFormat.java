package org.child.cop.lrs.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.child.cop.xapi.XapiVersion;

/**
 * How stored statements are returned ({@code format}): {@code exact} as stored, {@code ids} with
 * agents, groups, activities and verbs reduced to what identifies them, {@code canonical} with the
 * LRS's canonical activity definitions (from defining clients) and one language per language map,
 * chosen by the request's Accept-Language. A 1.0.3 caller never sees the 2.0 members {@code
 * contextAgents} and {@code contextGroups}.
 */
public enum StatementFormat {
  EXACT,
  IDS,
  CANONICAL;

  /** Looked up once: {@code JSON.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Set<String> IFIS = Set.of("mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> LANGUAGE_MAPS = Set.of("display", "name", "description");

  public static Optional<StatementFormat> of(String text) {
    return switch (text) {
      case "exact" -> Optional.of(EXACT);
      case "ids" -> Optional.of(IDS);
      case "canonical" -> Optional.of(CANONICAL);
      default -> Optional.empty();
    };
  }

  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public JsonObject apply(
      JsonObject statement, XapiVersion version, List<Locale.LanguageRange> languages) {
    return apply(statement, version, languages, Map.of());
  }

  /**
   * The statement in this format; {@code definitions} are the LRS's canonical activity definitions
   * by activity id (see {@link #namedActivities}), which {@code canonical} puts in place of the
   * statement's own.
   */
  public JsonObject apply(
      JsonObject statement,
      XapiVersion version,
      List<Locale.LanguageRange> languages,
      Map<String, JsonObject> definitions) {
    JsonObject json = version == XapiVersion.V1_0_3 ? withoutVersion2(statement) : statement;
    return switch (this) {
      case EXACT -> json;
      case IDS -> ids(json);
      case CANONICAL -> canonical(withDefinitions(json, definitions), languages);
    };
  }

  /** The ids of the activities a statement names: its object and its context activities. */
  public static Set<String> namedActivities(JsonObject statement) {
    Set<String> ids = new HashSet<>();
    activities(statement, activity -> ids.add(activity.getString("id")));
    return ids;
  }

  private static void activities(
      JsonObject statement, java.util.function.Consumer<JsonObject> each) {
    if (statement.get("object") instanceof JsonObject object) {
      String type = object.getString("objectType", "Activity");
      if (type.equals("Activity") && object.get("id") instanceof jakarta.json.JsonString) {
        each.accept(object);
      } else if (type.equals("SubStatement")) {
        activities(object, each);
      }
    }
    if (statement.get("context") instanceof JsonObject context
        && context.get("contextActivities") instanceof JsonObject lists) {
      lists.values().stream()
          .filter(JsonArray.class::isInstance)
          .flatMap(list -> list.asJsonArray().stream())
          .filter(JsonObject.class::isInstance)
          .map(JsonValue::asJsonObject)
          .filter(activity -> activity.get("id") instanceof jakarta.json.JsonString)
          .forEach(each);
    }
  }

  private static JsonObject withDefinitions(
      JsonObject statement, Map<String, JsonObject> definitions) {
    if (definitions.isEmpty()) {
      return statement;
    }
    JsonObjectBuilder o = JSON.createObjectBuilder(statement);
    if (statement.get("object") instanceof JsonObject object) {
      String type = object.getString("objectType", "Activity");
      if (type.equals("Activity")) {
        o.add("object", defined(object, definitions));
      } else if (type.equals("SubStatement")) {
        o.add("object", withDefinitions(object, definitions));
      }
    }
    if (statement.get("context") instanceof JsonObject context
        && context.get("contextActivities") instanceof JsonObject lists) {
      JsonObjectBuilder l = JSON.createObjectBuilder();
      lists.forEach(
          (name, list) -> {
            if (list instanceof JsonArray items) {
              JsonArrayBuilder a = JSON.createArrayBuilder();
              items.forEach(
                  item ->
                      a.add(
                          item instanceof JsonObject activity
                              ? defined(activity, definitions)
                              : item));
              l.add(name, a);
            } else {
              l.add(name, list);
            }
          });
      o.add("context", JSON.createObjectBuilder(context).add("contextActivities", l));
    }
    return o.build();
  }

  private static JsonObject defined(JsonObject activity, Map<String, JsonObject> definitions) {
    JsonObject definition =
        activity.get("id") instanceof jakarta.json.JsonString id
            ? definitions.get(id.getString())
            : null;
    return definition == null
        ? activity
        : JSON.createObjectBuilder(activity).add("definition", definition).build();
  }

  private static JsonObject withoutVersion2(JsonObject statement) {
    JsonObjectBuilder o = JSON.createObjectBuilder(statement);
    if (statement.get("context") instanceof JsonObject context) {
      o.add(
          "context",
          JSON.createObjectBuilder(context).remove("contextAgents").remove("contextGroups"));
    }
    if (statement.get("object") instanceof JsonObject object
        && "SubStatement".equals(object.getString("objectType", null))) {
      o.add("object", withoutVersion2(object));
    }
    return o.build();
  }

  private static JsonObject ids(JsonObject statement) {
    JsonObjectBuilder o = JSON.createObjectBuilder(statement);
    o.add("actor", actorIds(statement.getJsonObject("actor")));
    o.add("verb", JSON.createObjectBuilder().add("id", statement.getJsonObject("verb").get("id")));
    JsonObject object = statement.getJsonObject("object");
    String type = object.getString("objectType", "Activity");
    switch (type) {
      case "Agent", "Group" -> o.add("object", actorIds(object));
      case "SubStatement" -> o.add("object", ids(object));
      case "Activity" -> o.add("object", activityIds(object));
      default -> {}
    }
    if (statement.get("authority") instanceof JsonObject authority) {
      o.add("authority", actorIds(authority));
    }
    if (statement.get("context") instanceof JsonObject context) {
      JsonObjectBuilder c = JSON.createObjectBuilder(context);
      if (context.get("instructor") instanceof JsonObject instructor) {
        c.add("instructor", actorIds(instructor));
      }
      if (context.get("team") instanceof JsonObject team) {
        c.add("team", actorIds(team));
      }
      if (context.get("contextActivities") instanceof JsonObject activities) {
        JsonObjectBuilder a = JSON.createObjectBuilder();
        activities.forEach(
            (name, list) -> {
              JsonArrayBuilder items = JSON.createArrayBuilder();
              list.asJsonArray().forEach(item -> items.add(activityIds(item.asJsonObject())));
              a.add(name, items);
            });
        c.add("contextActivities", a);
      }
      relevant(c, context, "contextAgents", "agent");
      relevant(c, context, "contextGroups", "group");
      o.add("context", c);
    }
    return o.build();
  }

  private static void relevant(
      JsonObjectBuilder c, JsonObject context, String list, String member) {
    if (context.get(list) instanceof JsonArray items) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      items.forEach(
          item ->
              a.add(
                  JSON.createObjectBuilder(item.asJsonObject())
                      .add(member, actorIds(item.asJsonObject().getJsonObject(member)))));
      c.add(list, a);
    }
  }

  /** An agent or identified group by its IFI; an anonymous group by its members' IFIs. */
  private static JsonObject actorIds(JsonObject actor) {
    JsonObjectBuilder o = JSON.createObjectBuilder();
    if (actor.containsKey("objectType")) {
      o.add("objectType", actor.get("objectType"));
    }
    boolean identified = false;
    for (String ifi : IFIS) {
      if (actor.containsKey(ifi)) {
        o.add(ifi, actor.get(ifi));
        identified = true;
      }
    }
    if (!identified && actor.get("member") instanceof JsonArray members) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      members.forEach(member -> a.add(actorIds(member.asJsonObject())));
      o.add("member", a);
    }
    return o.build();
  }

  /**
   * An activity by its id alone: its objectType identifies nothing, and "Activity" is the default
   * (the ADL suite's XAPI-00171 holds an activity to exactly one property).
   */
  private static JsonObject activityIds(JsonObject activity) {
    return JSON.createObjectBuilder().add("id", activity.get("id")).build();
  }

  /** Every language map (display, name, description) reduced to its best language. */
  private static JsonValue canonical(JsonValue value, List<Locale.LanguageRange> languages) {
    if (value instanceof JsonObject object) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      object.forEach(
          (name, member) -> {
            if (name.equals("extensions")) {
              o.add(name, member);
            } else if (LANGUAGE_MAPS.contains(name) && member instanceof JsonObject map) {
              o.add(name, oneLanguage(map, languages));
            } else {
              o.add(name, canonical(member, languages));
            }
          });
      return o.build();
    }
    if (value instanceof JsonArray array) {
      JsonArrayBuilder a = JSON.createArrayBuilder();
      array.forEach(item -> a.add(canonical(item, languages)));
      return a.build();
    }
    return value;
  }

  private static JsonObject canonical(JsonObject statement, List<Locale.LanguageRange> languages) {
    return (JsonObject) canonical((JsonValue) statement, languages);
  }

  /** The entry the caller prefers; the first entry when none of its languages is there. */
  static JsonObject oneLanguage(JsonObject map, List<Locale.LanguageRange> languages) {
    if (map.size() <= 1
        || map.values().stream().anyMatch(v -> !(v instanceof jakarta.json.JsonString))) {
      return map;
    }
    List<String> tags = List.copyOf(map.keySet());
    String chosen = Locale.lookupTag(languages, tags);
    if (chosen == null) {
      List<String> filtered = Locale.filterTags(languages, tags);
      chosen = filtered.isEmpty() ? tags.get(0) : filtered.get(0);
    }
    // lookupTag answers in lower case: find the tag as the map writes it
    String tag = chosen;
    String key = tags.stream().filter(t -> t.equalsIgnoreCase(tag)).findFirst().orElse(tags.get(0));
    return JSON.createObjectBuilder().add(key, map.get(key)).build();
  }
}
