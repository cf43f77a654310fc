package org.child.cop.xapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Statement JSON both ways. Reading keeps everything needed to write the same JSON value back
 * (language maps, extensions as any JSON, numbers as written, whether an optional {@code
 * objectType} was given); two normalisations remain: a single context activity comes back as an
 * array (as the specification has an LRS return it), and UUIDs in lower case. Members the
 * specification does not define are violations, never dropped silently. Writing for 1.0.3 leaves
 * out the xAPI 2.0 members {@code contextAgents} and {@code contextGroups}, which a 1.0.3 LRS would
 * reject as unknown.
 */
public final class StatementJson {

  /**
   * One provider for every builder and reader: {@code JSON.createObjectBuilder()} looks the
   * provider up again on each call, which cost more than the rest of writing a statement.
   */
  static final JsonProvider JSON = JsonProvider.provider();

  private StatementJson() {}

  public static Statement read(String json) {
    return read(parse(json).asJsonObject());
  }

  /** Reads a statement whatever version it came in (e.g. from an LRS's answer). */
  public static Statement read(JsonObject json) {
    return read(json, null);
  }

  /**
   * Reads a statement sent in an xAPI {@code version} request: a 1.0.3 request must not use the 2.0
   * members ({@code contextAgents}, {@code contextGroups}), and a 2.0 request's timestamps must
   * carry a zone offset, as RFC 3339 requires.
   */
  public static Statement read(String json, XapiVersion version) {
    return read(parse(json).asJsonObject(), version);
  }

  public static Statement read(JsonObject json, XapiVersion version) {
    Reader reader = new Reader(version);
    Statement statement = reader.statement(json);
    reader.throwIfAny();
    return statement;
  }

  /** Reads a JSON array of statements (a batch, or {@code statements} of a result). */
  public static List<Statement> readList(JsonArray json) {
    return readList(json, null);
  }

  /**
   * Reads a batch sent in an xAPI {@code version} request (see {@link #read(String, XapiVersion)}).
   */
  public static List<Statement> readList(JsonArray json, XapiVersion version) {
    Reader reader = new Reader(version);
    List<Statement> statements = new ArrayList<>();
    for (int i = 0; i < json.size(); i++) {
      JsonValue value = json.get(i);
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        reader.problem("[" + i + "]", "must be a statement object");
        continue;
      }
      Statement statement = reader.statement(value.asJsonObject(), "[" + i + "]");
      statements.add(statement);
    }
    reader.throwIfAny();
    return List.copyOf(statements);
  }

  /** An Agent or Group as a client names it, e.g. in an LRS's {@code agent} query parameter. */
  public static Actor readActor(String json) {
    Reader reader = new Reader(null);
    Actor actor = reader.actor(parse(json), "", true);
    reader.throwIfAny();
    return actor;
  }

  public static JsonObject write(Statement statement, XapiVersion version) {
    return new Writer(version).statement(statement);
  }

  public static JsonArray writeList(List<Statement> statements, XapiVersion version) {
    Writer writer = new Writer(version);
    JsonArrayBuilder array = JSON.createArrayBuilder();
    statements.forEach(statement -> array.add(writer.statement(statement)));
    return array.build();
  }

  /**
   * An Agent from JSON, such as the {@code agent} parameter of the State, Agent Profile and Agents
   * resources: an object with exactly one IFI, and {@code objectType} absent or {@code Agent} (the
   * specification says these parameters are never Groups).
   */
  public static Agent readAgent(String json) {
    JsonObject o = parse(json).asJsonObject();
    Reader reader = new Reader(null);
    Agent agent = reader.agentOnly(o);
    reader.throwIfAny();
    return agent;
  }

  /** An Activity as JSON, e.g. for an LRS's Activities resource. */
  public static JsonObject writeActivity(Activity activity) {
    return new Writer(XapiVersion.V2_0_0).activity(activity);
  }

  /** An Agent or Group as JSON, e.g. for the {@code agent} query parameter. */
  static JsonObject writeActor(Actor actor, XapiVersion version) {
    return new Writer(version).actor(actor);
  }

  static final java.nio.charset.Charset CHARSET = java.nio.charset.StandardCharsets.UTF_8;

  /** Any JSON value, for answers of an LRS. */
  static JsonValue parseAny(String json) {
    return strictly(json);
  }

  /**
   * One JSON value and nothing after it. The JSON-P reader stops after the first value and ignores
   * what follows, which would let a body carry anything behind a valid statement.
   *
   * @throws JsonParsingException for anything that is not exactly one JSON value
   */
  public static JsonValue strictly(String json) {
    try (jakarta.json.stream.JsonParser parser = JSON.createParser(new StringReader(json))) {
      if (!parser.hasNext()) {
        throw new JsonParsingException("there is no JSON value", parser.getLocation());
      }
      parser.next();
      JsonValue value = parser.getValue();
      if (parser.hasNext()) {
        throw new JsonParsingException("there is more after the JSON value", parser.getLocation());
      }
      return value;
    }
  }

  static JsonValue parse(String json) {
    try {
      JsonValue value = strictly(json);
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw new XapiValidationException(List.of(new Violation("", "must be a JSON object")));
      }
      return value;
    } catch (JsonParsingException e) {
      throw new XapiValidationException(
          List.of(new Violation("", "is not JSON: " + e.getMessage())));
    } catch (JsonException e) {
      throw new XapiValidationException(
          List.of(new Violation("", "is not JSON: " + e.getMessage())));
    }
  }

  private static final Set<String> STATEMENT =
      Set.of(
          "id",
          "actor",
          "verb",
          "object",
          "result",
          "context",
          "timestamp",
          "stored",
          "authority",
          "version",
          "attachments");
  private static final Set<String> SUB_STATEMENT =
      Set.of(
          "objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
  private static final Set<String> AGENT =
      Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
  private static final Set<String> GROUP =
      Set.of("objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member");
  private static final Set<String> ACCOUNT = Set.of("homePage", "name");
  private static final Set<String> VERB = Set.of("id", "display");
  private static final Set<String> ACTIVITY = Set.of("objectType", "id", "definition");
  private static final Set<String> DEFINITION =
      Set.of(
          "name",
          "description",
          "type",
          "moreInfo",
          "interactionType",
          "correctResponsesPattern",
          "choices",
          "scale",
          "source",
          "target",
          "steps",
          "extensions");
  private static final Set<String> COMPONENT = Set.of("id", "description");
  private static final Set<String> STATEMENT_REF = Set.of("objectType", "id");
  private static final Set<String> RESULT =
      Set.of("score", "success", "completion", "response", "duration", "extensions");
  private static final Set<String> SCORE = Set.of("scaled", "raw", "min", "max");
  private static final Set<String> CONTEXT =
      Set.of(
          "registration",
          "instructor",
          "team",
          "contextActivities",
          "contextAgents",
          "contextGroups",
          "revision",
          "platform",
          "language",
          "statement",
          "extensions");
  private static final Set<String> CONTEXT_ACTIVITIES =
      Set.of("parent", "grouping", "category", "other");
  private static final Set<String> CONTEXT_AGENT = Set.of("objectType", "agent", "relevantTypes");
  private static final Set<String> CONTEXT_GROUP = Set.of("objectType", "group", "relevantTypes");
  private static final Set<String> ATTACHMENT =
      Set.of("usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");

  private static String at(String path, String member) {
    return path.isEmpty() ? member : path + "." + member;
  }

  /**
   * Walks the JSON collecting every violation; a part with violations comes back null, and its
   * parent is then not constructed (it would only repeat them).
   */
  private static final class Reader {

    private final List<Violation> problems = new ArrayList<>();
    private final XapiVersion version;

    Reader(XapiVersion version) {
      this.version = version;
    }

    void problem(String path, String message) {
      problems.add(new Violation(path, message));
    }

    void throwIfAny() {
      if (!problems.isEmpty()) {
        throw new XapiValidationException(problems);
      }
    }

    Statement statement(JsonObject o) {
      return statement(o, "");
    }

    Statement statement(JsonObject o, String path) {
      int before = problems.size();
      members(o, path, STATEMENT, "a Statement");
      UUID id = uuid(o, "id", path, false);
      Actor actor = actor(o.get("actor"), at(path, "actor"), true);
      Verb verb = verb(o.get("verb"), at(path, "verb"));
      StatementObject object = statementObject(o.get("object"), at(path, "object"), false);
      Result result = result(o.get("result"), at(path, "result"));
      Context context = context(o.get("context"), at(path, "context"));
      Timestamp timestamp = timestamp(o, "timestamp", path);
      Timestamp stored = timestamp(o, "stored", path);
      Actor authority = actor(o.get("authority"), at(path, "authority"), false);
      String version = string(o, "version", path, false);
      List<Attachment> attachments = attachments(o.get("attachments"), at(path, "attachments"));
      return checked(
          before,
          actor != null && verb != null && object != null,
          path,
          () ->
              new Statement(
                  id,
                  actor,
                  verb,
                  object,
                  result,
                  context,
                  timestamp,
                  stored,
                  authority,
                  version,
                  attachments));
    }

    private SubStatement subStatement(JsonObject o, String path) {
      int before = problems.size();
      for (String forbidden : List.of("id", "stored", "version", "authority")) {
        if (o.containsKey(forbidden)) {
          problem(at(path, forbidden), "a SubStatement must not have " + forbidden);
        }
      }
      members(
          o, path, SUB_STATEMENT, "a SubStatement", Set.of("id", "stored", "version", "authority"));
      Actor actor = actor(o.get("actor"), at(path, "actor"), true);
      Verb verb = verb(o.get("verb"), at(path, "verb"));
      StatementObject object = statementObject(o.get("object"), at(path, "object"), true);
      Result result = result(o.get("result"), at(path, "result"));
      Context context = context(o.get("context"), at(path, "context"));
      Timestamp timestamp = timestamp(o, "timestamp", path);
      List<Attachment> attachments = attachments(o.get("attachments"), at(path, "attachments"));
      return checked(
          before,
          actor != null && verb != null && object != null,
          path,
          () -> new SubStatement(actor, verb, object, result, context, timestamp, attachments));
    }

    private StatementObject statementObject(
        JsonValue value, String path, boolean insideSubStatement) {
      JsonObject o = object(value, path, true);
      if (o == null) {
        return null;
      }
      String objectType = string(o, "objectType", path, false);
      if (objectType == null || objectType.equals("Activity")) {
        return activity(o, path);
      }
      return switch (objectType) {
        case "Agent", "Group" -> actor(o, path, true);
        case "StatementRef" -> statementRef(o, path);
        case "SubStatement" -> {
          if (insideSubStatement) {
            problem(path, "a SubStatement must not contain a SubStatement");
            yield null;
          }
          yield subStatement(o, path);
        }
        default -> {
          problem(
              at(path, "objectType"),
              "must be Activity, Agent, Group, StatementRef or SubStatement");
          yield null;
        }
      };
    }

    Agent agentOnly(JsonObject o) {
      String objectType = string(o, "objectType", "", false);
      if (objectType != null && !objectType.equals("Agent")) {
        problem("objectType", "must be Agent (not a Group or a Person)");
        return null;
      }
      return agent(o, "");
    }

    private Actor actor(JsonValue value, String path, boolean required) {
      JsonObject o = object(value, path, required);
      if (o == null) {
        return null;
      }
      String objectType = string(o, "objectType", path, false);
      if (objectType == null || objectType.equals("Agent")) {
        return agent(o, path);
      }
      if (objectType.equals("Group")) {
        return group(o, path);
      }
      problem(at(path, "objectType"), "must be Agent or Group");
      return null;
    }

    private Agent agent(JsonObject o, String path) {
      int before = problems.size();
      members(o, path, AGENT, "an Agent");
      String name = string(o, "name", path, false);
      List<Ifi> ifis = ifis(o, path);
      if (problems.size() == before && ifis.size() != 1) {
        problem(
            path,
            "an Agent must have exactly one IFI (mbox, mbox_sha1sum, openid or account), found "
                + ifis.size());
      }
      if (problems.size() > before) {
        return null;
      }
      return construct(path, () -> new Agent(name, ifis.get(0), o.containsKey("objectType")));
    }

    private Group group(JsonObject o, String path) {
      int before = problems.size();
      members(o, path, GROUP, "a Group");
      String name = string(o, "name", path, false);
      List<Ifi> ifis = ifis(o, path);
      if (ifis.size() > 1) {
        problem(path, "a Group must have at most one IFI, found " + ifis.size());
      }
      List<Agent> members = o.containsKey("member") ? new ArrayList<>() : null;
      JsonArray array = array(o, "member", path, false);
      if (array != null) {
        for (int i = 0; i < array.size(); i++) {
          String memberPath = at(path, "member") + "[" + i + "]";
          JsonObject member = object(array.get(i), memberPath, true);
          if (member == null) {
            continue;
          }
          if (member.containsKey("objectType")
              && !(member.get("objectType") instanceof JsonString type
                  && type.getString().equals("Agent"))) {
            problem(memberPath, "a Group member must be an Agent, not a Group");
            continue;
          }
          members.add(agent(member, memberPath));
        }
      }
      if (problems.size() > before) {
        return null;
      }
      Ifi ifi = ifis.isEmpty() ? null : ifis.get(0);
      return construct(path, () -> new Group(name, ifi, members));
    }

    private List<Ifi> ifis(JsonObject o, String path) {
      List<Ifi> ifis = new ArrayList<>();
      String mbox = string(o, "mbox", path, false);
      if (mbox != null) {
        add(ifis, construct(path, () -> new Ifi.Mbox(mbox)));
      }
      String sha1 = string(o, "mbox_sha1sum", path, false);
      if (sha1 != null) {
        add(ifis, construct(path, () -> new Ifi.MboxSha1Sum(sha1)));
      }
      String openid = string(o, "openid", path, false);
      if (openid != null) {
        add(ifis, construct(path, () -> new Ifi.OpenId(openid)));
      }
      JsonObject account = object(o.get("account"), at(path, "account"), false);
      if (account != null) {
        String accountPath = at(path, "account");
        members(account, accountPath, ACCOUNT, "an account");
        String homePage = string(account, "homePage", accountPath, true);
        String name = string(account, "name", accountPath, true);
        if (homePage != null && name != null) {
          add(ifis, construct(path, () -> new Account(homePage, name)));
        }
      }
      return ifis;
    }

    /** Leaves out a part that failed (its violations are recorded) so lists hold no nulls. */
    private static <T> void addIfBuilt(List<T> list, T value) {
      if (value != null) {
        list.add(value);
      }
    }

    private static void add(List<Ifi> ifis, Ifi ifi) {
      if (ifi != null) {
        ifis.add(ifi);
      }
    }

    private Verb verb(JsonValue value, String path) {
      JsonObject o = object(value, path, true);
      if (o == null) {
        return null;
      }
      int before = problems.size();
      members(o, path, VERB, "a Verb");
      String id = string(o, "id", path, true);
      LanguageMap display = languageMap(o, "display", path);
      return checked(before, id != null, path, () -> new Verb(id, display));
    }

    private Activity activity(JsonObject o, String path) {
      int before = problems.size();
      members(o, path, ACTIVITY, "an Activity");
      String id = string(o, "id", path, true);
      ActivityDefinition definition = definition(o.get("definition"), at(path, "definition"));
      return checked(
          before,
          id != null,
          path,
          () -> new Activity(id, definition, o.containsKey("objectType")));
    }

    private ActivityDefinition definition(JsonValue value, String path) {
      JsonObject o = object(value, path, false);
      if (o == null) {
        return null;
      }
      int before = problems.size();
      members(o, path, DEFINITION, "an Activity definition");
      LanguageMap name = languageMap(o, "name", path);
      LanguageMap description = languageMap(o, "description", path);
      String type = string(o, "type", path, false);
      String moreInfo = string(o, "moreInfo", path, false);
      String interaction = string(o, "interactionType", path, false);
      InteractionType interactionType = InteractionType.fromJson(interaction);
      if (interaction != null && interactionType == null) {
        problem(
            at(path, "interactionType"),
            "'" + Syntax.cut(interaction) + "' is not an interaction type");
      }
      List<String> correct = strings(o, "correctResponsesPattern", path);
      List<InteractionComponent> choices = components(o, "choices", path);
      List<InteractionComponent> scale = components(o, "scale", path);
      List<InteractionComponent> source = components(o, "source", path);
      List<InteractionComponent> target = components(o, "target", path);
      List<InteractionComponent> steps = components(o, "steps", path);
      Extensions extensions = extensions(o, "extensions", path);
      return checked(
          before,
          true,
          path,
          () ->
              new ActivityDefinition(
                  name,
                  description,
                  type,
                  moreInfo,
                  interactionType,
                  correct,
                  choices,
                  scale,
                  source,
                  target,
                  steps,
                  extensions));
    }

    private List<InteractionComponent> components(JsonObject o, String name, String path) {
      JsonArray array = array(o, name, path, false);
      if (array == null) {
        return null;
      }
      List<InteractionComponent> components = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String itemPath = at(path, name) + "[" + i + "]";
        JsonObject item = object(array.get(i), itemPath, true);
        if (item == null) {
          continue;
        }
        int before = problems.size();
        members(item, itemPath, COMPONENT, "an interaction component");
        String id = string(item, "id", itemPath, true);
        LanguageMap description = languageMap(item, "description", itemPath);
        if (problems.size() == before) {
          addIfBuilt(
              components, construct(itemPath, () -> new InteractionComponent(id, description)));
        }
      }
      return components;
    }

    private StatementRef statementRef(JsonObject o, String path) {
      int before = problems.size();
      members(o, path, STATEMENT_REF, "a StatementRef");
      UUID id = uuid(o, "id", path, true);
      if (problems.size() > before) {
        return null;
      }
      return construct(path, () -> new StatementRef(id));
    }

    private Result result(JsonValue value, String path) {
      JsonObject o = object(value, path, false);
      if (o == null) {
        return null;
      }
      int before = problems.size();
      members(o, path, RESULT, "a Result");
      Score score = score(o.get("score"), at(path, "score"));
      Boolean success = bool(o, "success", path);
      Boolean completion = bool(o, "completion", path);
      String response = string(o, "response", path, false);
      String duration = string(o, "duration", path, false);
      Extensions extensions = extensions(o, "extensions", path);
      return checked(
          before,
          true,
          path,
          () -> new Result(score, success, completion, response, duration, extensions));
    }

    private Score score(JsonValue value, String path) {
      JsonObject o = object(value, path, false);
      if (o == null) {
        return null;
      }
      int before = problems.size();
      members(o, path, SCORE, "a Score");
      BigDecimal scaled = number(o, "scaled", path);
      BigDecimal raw = number(o, "raw", path);
      BigDecimal min = number(o, "min", path);
      BigDecimal max = number(o, "max", path);
      return checked(before, true, path, () -> new Score(scaled, raw, min, max));
    }

    private Context context(JsonValue value, String path) {
      JsonObject o = object(value, path, false);
      if (o == null) {
        return null;
      }
      int before = problems.size();
      members(o, path, CONTEXT, "a Context");
      if (version == XapiVersion.V1_0_3) {
        for (String member : List.of("contextAgents", "contextGroups")) {
          if (o.containsKey(member)) {
            problem(
                at(path, member),
                "is an xAPI 2.0 property: send X-Experience-API-Version 2.0.0 to use it");
          }
        }
      }
      UUID registration = uuid(o, "registration", path, false);
      Actor instructor = actor(o.get("instructor"), at(path, "instructor"), false);
      Group team = null;
      if (o.containsKey("team")) {
        Actor actor = actor(o.get("team"), at(path, "team"), false);
        if (actor instanceof Group group) {
          team = group;
        } else if (actor != null) {
          problem(at(path, "team"), "must be a Group");
        }
      }
      ContextActivities activities =
          contextActivities(o.get("contextActivities"), at(path, "contextActivities"));
      List<ContextAgent> contextAgents = contextAgents(o, path);
      List<ContextGroup> contextGroups = contextGroups(o, path);
      String revision = string(o, "revision", path, false);
      String platform = string(o, "platform", path, false);
      String language = string(o, "language", path, false);
      StatementRef statement = null;
      JsonObject ref = object(o.get("statement"), at(path, "statement"), false);
      if (ref != null) {
        String type = string(ref, "objectType", at(path, "statement"), true);
        if (type != null && !type.equals("StatementRef")) {
          problem(at(path, "statement.objectType"), "must be StatementRef");
        } else if (type != null) {
          statement = statementRef(ref, at(path, "statement"));
        }
      }
      Extensions extensions = extensions(o, "extensions", path);
      Group teamGroup = team;
      StatementRef statementRef = statement;
      return checked(
          before,
          true,
          path,
          () ->
              new Context(
                  registration,
                  instructor,
                  teamGroup,
                  activities,
                  contextAgents,
                  contextGroups,
                  revision,
                  platform,
                  language,
                  statementRef,
                  extensions));
    }

    private ContextActivities contextActivities(JsonValue value, String path) {
      JsonObject o = object(value, path, false);
      if (o == null) {
        return null;
      }
      int before = problems.size();
      members(o, path, CONTEXT_ACTIVITIES, "contextActivities");
      List<Activity> parent = activities(o, "parent", path);
      List<Activity> grouping = activities(o, "grouping", path);
      List<Activity> category = activities(o, "category", path);
      List<Activity> other = activities(o, "other", path);
      if (problems.size() > before) {
        return null;
      }
      return new ContextActivities(parent, grouping, category, other);
    }

    private List<Activity> activities(JsonObject o, String name, String path) {
      JsonValue value = o.get(name);
      if (value == null) {
        return null;
      }
      String listPath = at(path, name);
      List<Activity> activities = new ArrayList<>();
      if (value.getValueType() == JsonValue.ValueType.OBJECT) {
        Activity activity = contextActivity(value.asJsonObject(), listPath);
        return activity == null ? null : List.of(activity);
      }
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        problem(listPath, "must be an array of Activities");
        return null;
      }
      JsonArray array = value.asJsonArray();
      for (int i = 0; i < array.size(); i++) {
        JsonObject item = object(array.get(i), listPath + "[" + i + "]", true);
        Activity activity = item == null ? null : contextActivity(item, listPath + "[" + i + "]");
        if (activity != null) {
          activities.add(activity);
        }
      }
      return activities;
    }

    private Activity contextActivity(JsonObject o, String path) {
      String type = string(o, "objectType", path, false);
      if (type != null && !type.equals("Activity")) {
        problem(at(path, "objectType"), "must be Activity");
        return null;
      }
      return activity(o, path);
    }

    private List<ContextAgent> contextAgents(JsonObject o, String path) {
      JsonArray array = array(o, "contextAgents", path, false);
      if (array == null) {
        return null;
      }
      List<ContextAgent> agents = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String itemPath = at(path, "contextAgents") + "[" + i + "]";
        JsonObject item = object(array.get(i), itemPath, true);
        if (item == null) {
          continue;
        }
        int before = problems.size();
        members(item, itemPath, CONTEXT_AGENT, "a context agent");
        objectType(item, itemPath, "contextAgent");
        Actor actor = actor(item.get("agent"), at(itemPath, "agent"), true);
        if (actor instanceof Group) {
          problem(at(itemPath, "agent"), "must be an Agent");
        }
        List<String> relevantTypes = strings(item, "relevantTypes", itemPath);
        if (problems.size() == before) {
          addIfBuilt(
              agents, construct(itemPath, () -> new ContextAgent((Agent) actor, relevantTypes)));
        }
      }
      return agents;
    }

    private List<ContextGroup> contextGroups(JsonObject o, String path) {
      JsonArray array = array(o, "contextGroups", path, false);
      if (array == null) {
        return null;
      }
      List<ContextGroup> groups = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String itemPath = at(path, "contextGroups") + "[" + i + "]";
        JsonObject item = object(array.get(i), itemPath, true);
        if (item == null) {
          continue;
        }
        int before = problems.size();
        members(item, itemPath, CONTEXT_GROUP, "a context group");
        objectType(item, itemPath, "contextGroup");
        Actor actor = actor(item.get("group"), at(itemPath, "group"), true);
        if (actor instanceof Agent) {
          problem(at(itemPath, "group"), "must be a Group");
        }
        List<String> relevantTypes = strings(item, "relevantTypes", itemPath);
        if (problems.size() == before) {
          addIfBuilt(
              groups, construct(itemPath, () -> new ContextGroup((Group) actor, relevantTypes)));
        }
      }
      return groups;
    }

    private void objectType(JsonObject o, String path, String required) {
      String type = string(o, "objectType", path, true);
      if (type != null && !type.equals(required)) {
        problem(at(path, "objectType"), "must be " + required);
      }
    }

    private List<Attachment> attachments(JsonValue value, String path) {
      if (value == null) {
        return null;
      }
      if (value.getValueType() != JsonValue.ValueType.ARRAY) {
        problem(path, "must be an array");
        return null;
      }
      JsonArray array = value.asJsonArray();
      List<Attachment> attachments = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        String itemPath = path + "[" + i + "]";
        JsonObject o = object(array.get(i), itemPath, true);
        if (o == null) {
          continue;
        }
        int before = problems.size();
        members(o, itemPath, ATTACHMENT, "an attachment");
        String usageType = string(o, "usageType", itemPath, true);
        LanguageMap display = languageMap(o, "display", itemPath);
        if (display == null && !o.containsKey("display")) {
          problem(at(itemPath, "display"), "must be present");
        }
        LanguageMap description = languageMap(o, "description", itemPath);
        String contentType = string(o, "contentType", itemPath, true);
        Long length = integer(o, "length", itemPath, true);
        String sha2 = string(o, "sha2", itemPath, true);
        String fileUrl = string(o, "fileUrl", itemPath, false);
        if (problems.size() == before) {
          addIfBuilt(
              attachments,
              construct(
                  itemPath,
                  () ->
                      new Attachment(
                          usageType, display, description, contentType, length, sha2, fileUrl)));
        }
      }
      return attachments;
    }

    private LanguageMap languageMap(JsonObject o, String name, String path) {
      JsonObject map = object(o.get(name), at(path, name), false);
      if (map == null) {
        return null;
      }
      Map<String, String> entries = new LinkedHashMap<>();
      int before = problems.size();
      for (Map.Entry<String, JsonValue> entry : map.entrySet()) {
        if (entry.getValue() instanceof JsonString text) {
          entries.put(entry.getKey(), text.getString());
        } else {
          problem(at(at(path, name), entry.getKey()), "must be a string");
        }
      }
      if (problems.size() > before) {
        return null;
      }
      return construct(at(path, name), () -> new LanguageMap(entries));
    }

    private Extensions extensions(JsonObject o, String name, String path) {
      JsonObject map = object(o.get(name), at(path, name), false);
      if (map == null) {
        return null;
      }
      return construct(at(path, name), () -> new Extensions(map));
    }

    private Timestamp timestamp(JsonObject o, String name, String path) {
      String text = string(o, name, path, false);
      if (text == null) {
        return null;
      }
      Timestamp timestamp = construct(at(path, name), () -> new Timestamp(text));
      if (timestamp != null && version == XapiVersion.V2_0_0 && !timestamp.hasOffset()) {
        problem(at(path, name), "must carry a zone offset (Z or +hh:mm), as RFC 3339 requires");
        return null;
      }
      return timestamp;
    }

    private UUID uuid(JsonObject o, String name, String path, boolean required) {
      String text = string(o, name, path, required);
      if (text == null) {
        return null;
      }
      if (!Syntax.isUuid(text)) {
        problem(at(path, name), "must be a UUID, not '" + Syntax.cut(text) + "'");
        return null;
      }
      return UUID.fromString(text);
    }

    private List<String> strings(JsonObject o, String name, String path) {
      JsonArray array = array(o, name, path, false);
      if (array == null) {
        return null;
      }
      List<String> strings = new ArrayList<>();
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i) instanceof JsonString text) {
          strings.add(text.getString());
        } else {
          problem(at(path, name) + "[" + i + "]", "must be a string");
        }
      }
      return strings;
    }

    private void members(JsonObject o, String path, Set<String> allowed, String what) {
      members(o, path, allowed, what, Set.of());
    }

    private void members(
        JsonObject o, String path, Set<String> allowed, String what, Set<String> reported) {
      for (String member : o.keySet()) {
        if (!allowed.contains(member) && !reported.contains(member)) {
          problem(
              at(path, member),
              "is not a property of " + what + " (the specification forbids other properties)");
        }
      }
    }

    private JsonValue present(JsonObject o, String name, String path, boolean required) {
      JsonValue value = o.get(name);
      if (value == null) {
        if (required) {
          problem(at(path, name), "must be present");
        }
        return null;
      }
      if (value == JsonValue.NULL) {
        problem(at(path, name), "must not be null");
        return null;
      }
      return value;
    }

    private String string(JsonObject o, String name, String path, boolean required) {
      JsonValue value = present(o, name, path, required);
      if (value == null) {
        return null;
      }
      if (value instanceof JsonString text) {
        return text.getString();
      }
      problem(at(path, name), "must be a string");
      return null;
    }

    private JsonArray array(JsonObject o, String name, String path, boolean required) {
      JsonValue value = present(o, name, path, required);
      if (value == null) {
        return null;
      }
      if (value.getValueType() == JsonValue.ValueType.ARRAY) {
        return value.asJsonArray();
      }
      problem(at(path, name), "must be an array");
      return null;
    }

    private Boolean bool(JsonObject o, String name, String path) {
      JsonValue value = present(o, name, path, false);
      if (value == null) {
        return null;
      }
      if (value == JsonValue.TRUE || value == JsonValue.FALSE) {
        return value == JsonValue.TRUE;
      }
      problem(at(path, name), "must be true or false");
      return null;
    }

    private BigDecimal number(JsonObject o, String name, String path) {
      JsonValue value = present(o, name, path, false);
      if (value == null) {
        return null;
      }
      if (value instanceof JsonNumber number) {
        return number.bigDecimalValue();
      }
      problem(at(path, name), "must be a number");
      return null;
    }

    private Long integer(JsonObject o, String name, String path, boolean required) {
      JsonValue value = present(o, name, path, required);
      if (value == null) {
        return null;
      }
      if (value instanceof JsonNumber number && number.isIntegral()) {
        try {
          return number.longValueExact();
        } catch (ArithmeticException e) {
          problem(at(path, name), "is too large");
          return null;
        }
      }
      problem(at(path, name), "must be an integer");
      return null;
    }

    /** The object at {@code path}: null if absent (a problem when required) or not an object. */
    private JsonObject object(JsonValue value, String path, boolean required) {
      if (value == null) {
        if (required) {
          problem(path, "must be present");
        }
        return null;
      }
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        problem(path, value == JsonValue.NULL ? "must not be null" : "must be an object");
        return null;
      }
      return value.asJsonObject();
    }

    /**
     * Constructs even when an optional part failed, so the value's own rules are checked too (a bad
     * score does not hide a bad duration); returns null if anything failed.
     */
    private <T> T checked(int before, boolean complete, String path, Supplier<T> constructor) {
      T value = complete ? construct(path, constructor) : null;
      return problems.size() > before ? null : value;
    }

    private <T> T construct(String path, Supplier<T> constructor) {
      try {
        return constructor.get();
      } catch (XapiValidationException e) {
        problems.addAll(e.violationsUnder(path));
        return null;
      }
    }
  }

  private static final class Writer {

    private final XapiVersion version;

    Writer(XapiVersion version) {
      this.version = version;
    }

    JsonObject statement(Statement s) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      if (s.id() != null) {
        o.add("id", s.id().toString());
      }
      o.add("actor", actor(s.actor()));
      o.add("verb", verb(s.verb()));
      o.add("object", object(s.object()));
      addCommon(o, s.result(), s.context(), s.timestamp(), s.attachments());
      if (s.stored() != null) {
        o.add("stored", s.stored().text());
      }
      if (s.authority() != null) {
        o.add("authority", actor(s.authority()));
      }
      if (s.version() != null) {
        o.add("version", s.version());
      }
      return o.build();
    }

    private void addCommon(
        JsonObjectBuilder o,
        Result result,
        Context context,
        Timestamp timestamp,
        List<Attachment> attachments) {
      if (result != null) {
        o.add("result", result(result));
      }
      if (context != null) {
        o.add("context", context(context));
      }
      if (timestamp != null) {
        o.add("timestamp", timestamp.text());
      }
      if (attachments != null) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        attachments.forEach(a -> array.add(attachment(a)));
        o.add("attachments", array);
      }
    }

    private JsonObject object(StatementObject object) {
      if (object instanceof Activity activity) {
        return activity(activity);
      }
      if (object instanceof Actor actor) {
        return actor(actor);
      }
      if (object instanceof StatementRef ref) {
        return statementRef(ref);
      }
      return subStatement((SubStatement) object);
    }

    private JsonObject subStatement(SubStatement s) {
      JsonObjectBuilder o = JSON.createObjectBuilder().add("objectType", "SubStatement");
      o.add("actor", actor(s.actor()));
      o.add("verb", verb(s.verb()));
      o.add("object", object(s.object()));
      addCommon(o, s.result(), s.context(), s.timestamp(), s.attachments());
      return o.build();
    }

    private JsonObject statementRef(StatementRef ref) {
      return JSON.createObjectBuilder()
          .add("objectType", "StatementRef")
          .add("id", ref.id().toString())
          .build();
    }

    JsonObject actor(Actor actor) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      if (actor instanceof Agent agent) {
        if (agent.objectTypeStated()) {
          o.add("objectType", "Agent");
        }
        if (agent.name() != null) {
          o.add("name", agent.name());
        }
        ifi(o, agent.ifi());
      } else {
        Group group = (Group) actor;
        o.add("objectType", "Group");
        if (group.name() != null) {
          o.add("name", group.name());
        }
        if (group.ifi() != null) {
          ifi(o, group.ifi());
        }
        if (group.members() != null) {
          JsonArrayBuilder members = JSON.createArrayBuilder();
          group.members().forEach(member -> members.add(actor(member)));
          o.add("member", members);
        }
      }
      return o.build();
    }

    private static void ifi(JsonObjectBuilder o, Ifi ifi) {
      if (ifi instanceof Ifi.Mbox mbox) {
        o.add("mbox", mbox.iri());
      } else if (ifi instanceof Ifi.MboxSha1Sum sha1) {
        o.add("mbox_sha1sum", sha1.hex());
      } else if (ifi instanceof Ifi.OpenId openId) {
        o.add("openid", openId.iri());
      } else {
        Account account = (Account) ifi;
        o.add(
            "account",
            JSON.createObjectBuilder()
                .add("homePage", account.homePage())
                .add("name", account.name()));
      }
    }

    private JsonObject verb(Verb verb) {
      JsonObjectBuilder o = JSON.createObjectBuilder().add("id", verb.id());
      if (verb.display() != null) {
        o.add("display", languageMap(verb.display()));
      }
      return o.build();
    }

    JsonObject activity(Activity activity) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      if (activity.objectTypeStated()) {
        o.add("objectType", "Activity");
      }
      o.add("id", activity.id());
      if (activity.definition() != null) {
        o.add("definition", definition(activity.definition()));
      }
      return o.build();
    }

    private JsonObject definition(ActivityDefinition d) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      if (d.name() != null) {
        o.add("name", languageMap(d.name()));
      }
      if (d.description() != null) {
        o.add("description", languageMap(d.description()));
      }
      if (d.type() != null) {
        o.add("type", d.type());
      }
      if (d.moreInfo() != null) {
        o.add("moreInfo", d.moreInfo());
      }
      if (d.interactionType() != null) {
        o.add("interactionType", d.interactionType().json());
      }
      if (d.correctResponsesPattern() != null) {
        o.add("correctResponsesPattern", JSON.createArrayBuilder(d.correctResponsesPattern()));
      }
      components(o, "choices", d.choices());
      components(o, "scale", d.scale());
      components(o, "source", d.source());
      components(o, "target", d.target());
      components(o, "steps", d.steps());
      if (d.extensions() != null) {
        o.add("extensions", extensions(d.extensions()));
      }
      return o.build();
    }

    private void components(JsonObjectBuilder o, String name, List<InteractionComponent> list) {
      if (list == null) {
        return;
      }
      JsonArrayBuilder array = JSON.createArrayBuilder();
      for (InteractionComponent component : list) {
        JsonObjectBuilder item = JSON.createObjectBuilder().add("id", component.id());
        if (component.description() != null) {
          item.add("description", languageMap(component.description()));
        }
        array.add(item);
      }
      o.add(name, array);
    }

    private JsonObject result(Result r) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      if (r.score() != null) {
        JsonObjectBuilder score = JSON.createObjectBuilder();
        Score s = r.score();
        if (s.scaled() != null) {
          score.add("scaled", s.scaled());
        }
        if (s.raw() != null) {
          score.add("raw", s.raw());
        }
        if (s.min() != null) {
          score.add("min", s.min());
        }
        if (s.max() != null) {
          score.add("max", s.max());
        }
        o.add("score", score);
      }
      if (r.success() != null) {
        o.add("success", r.success());
      }
      if (r.completion() != null) {
        o.add("completion", r.completion());
      }
      if (r.response() != null) {
        o.add("response", r.response());
      }
      if (r.duration() != null) {
        o.add("duration", r.duration());
      }
      if (r.extensions() != null) {
        o.add("extensions", extensions(r.extensions()));
      }
      return o.build();
    }

    private JsonObject context(Context c) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      if (c.registration() != null) {
        o.add("registration", c.registration().toString());
      }
      if (c.instructor() != null) {
        o.add("instructor", actor(c.instructor()));
      }
      if (c.team() != null) {
        o.add("team", actor(c.team()));
      }
      if (c.contextActivities() != null) {
        ContextActivities a = c.contextActivities();
        JsonObjectBuilder activities = JSON.createObjectBuilder();
        activities(activities, "parent", a.parent());
        activities(activities, "grouping", a.grouping());
        activities(activities, "category", a.category());
        activities(activities, "other", a.other());
        o.add("contextActivities", activities);
      }
      if (version != XapiVersion.V1_0_3) {
        if (c.contextAgents() != null) {
          JsonArrayBuilder agents = JSON.createArrayBuilder();
          for (ContextAgent agent : c.contextAgents()) {
            JsonObjectBuilder item =
                JSON.createObjectBuilder()
                    .add("objectType", "contextAgent")
                    .add("agent", actor(agent.agent()));
            if (agent.relevantTypes() != null) {
              item.add("relevantTypes", JSON.createArrayBuilder(agent.relevantTypes()));
            }
            agents.add(item);
          }
          o.add("contextAgents", agents);
        }
        if (c.contextGroups() != null) {
          JsonArrayBuilder groups = JSON.createArrayBuilder();
          for (ContextGroup group : c.contextGroups()) {
            JsonObjectBuilder item =
                JSON.createObjectBuilder()
                    .add("objectType", "contextGroup")
                    .add("group", actor(group.group()));
            if (group.relevantTypes() != null) {
              item.add("relevantTypes", JSON.createArrayBuilder(group.relevantTypes()));
            }
            groups.add(item);
          }
          o.add("contextGroups", groups);
        }
      }
      if (c.revision() != null) {
        o.add("revision", c.revision());
      }
      if (c.platform() != null) {
        o.add("platform", c.platform());
      }
      if (c.language() != null) {
        o.add("language", c.language());
      }
      if (c.statement() != null) {
        o.add("statement", statementRef(c.statement()));
      }
      if (c.extensions() != null) {
        o.add("extensions", extensions(c.extensions()));
      }
      return o.build();
    }

    private void activities(JsonObjectBuilder o, String name, List<Activity> activities) {
      if (activities == null) {
        return;
      }
      JsonArrayBuilder array = JSON.createArrayBuilder();
      activities.forEach(activity -> array.add(activity(activity)));
      o.add(name, array);
    }

    private JsonObject attachment(Attachment a) {
      JsonObjectBuilder o =
          JSON.createObjectBuilder()
              .add("usageType", a.usageType())
              .add("display", languageMap(a.display()));
      if (a.description() != null) {
        o.add("description", languageMap(a.description()));
      }
      o.add("contentType", a.contentType()).add("length", a.length()).add("sha2", a.sha2());
      if (a.fileUrl() != null) {
        o.add("fileUrl", a.fileUrl());
      }
      return o.build();
    }

    private static JsonObject languageMap(LanguageMap map) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      map.entries().forEach(o::add);
      return o.build();
    }

    private static JsonObject extensions(Extensions extensions) {
      JsonObjectBuilder o = JSON.createObjectBuilder();
      extensions.values().forEach(o::add);
      return o.build();
    }
  }
}
