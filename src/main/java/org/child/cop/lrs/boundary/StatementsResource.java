package org.child.cop.lrs.boundary;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.child.cop.lrs.LrsCaller;
import org.child.cop.lrs.control.AttachmentContent;
import org.child.cop.lrs.control.StatementConflict;
import org.child.cop.lrs.control.StatementCursor;
import org.child.cop.lrs.control.StatementFilter;
import org.child.cop.lrs.control.StatementFormat;
import org.child.cop.lrs.control.StatementLinks;
import org.child.cop.lrs.control.StatementSignatures;
import org.child.cop.lrs.control.StatementStore;
import org.child.cop.xapi.Actor;
import org.child.cop.xapi.Attachment;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementJson;
import org.child.cop.xapi.Syntax;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.Verb;
import org.child.cop.xapi.XapiValidationException;
import org.child.cop.xapi.XapiVersion;

/**
 * {@code /xapi/statements}: the Statement Resource of the xAPI specification. Statements are stored
 * with PUT (one, its id in {@code statementId}) or POST (one or an array), as JSON or as
 * multipart/mixed with attachment contents; GET answers one statement by id or pages of a query.
 */
@Path("xapi/statements")
@LrsClientOnly
public class StatementsResource {

  /** Looked up once: {@code Json.create...} finds the provider again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Bodies above this are refused with 413 before they are parsed. */
  static final int LARGEST_BODY = 10 * 1024 * 1024;

  static final String CONSISTENT_THROUGH = "X-Experience-API-Consistent-Through";
  static final String HASH = "X-Experience-API-Hash";

  private static final Set<String> QUERY_PARAMETERS =
      Set.of(
          "statementId",
          "voidedStatementId",
          "agent",
          "verb",
          "activity",
          "registration",
          "related_activities",
          "related_agents",
          "since",
          "until",
          "limit",
          "format",
          "attachments",
          "ascending",
          "more");
  private static final Set<String> WITH_AN_ID =
      Set.of("statementId", "voidedStatementId", "format", "attachments");

  @Inject LrsRequest request;
  @Inject StatementStore store;
  @Context UriInfo uri;
  @Context HttpHeaders headers;

  @PUT
  @Consumes(MediaType.WILDCARD)
  public Response put(InputStream body) {
    LrsCaller caller = writer();
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    refuseAlternateSyntax(query);
    String id = query.getFirst("statementId");
    if (id == null) {
      throw new BadRequestException(
          "PUT needs the statementId parameter; POST stores without one.");
    }
    UUID statementId = uuid("statementId", id);
    Received received = received(body, false);
    Statement statement = received.statements().get(0);
    if (statement.id() != null && !statement.id().equals(statementId)) {
      throw new BadRequestException(
          "The statement's id " + statement.id() + " is not the statementId " + statementId + ".");
    }
    store(caller, List.of(statement.toBuilder().id(statementId).build()), received.contents());
    return Response.noContent().build();
  }

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response post(InputStream body) {
    LrsCaller caller = writer();
    refuseAlternateSyntax(uri.getQueryParameters());
    Received received = received(body, true);
    List<UUID> ids = store(caller, received.statements(), received.contents());
    JsonArrayBuilder answer = JSON.createArrayBuilder();
    ids.forEach(id -> answer.add(id.toString()));
    return Response.ok(answer.build().toString(), MediaType.APPLICATION_JSON).build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, "multipart/mixed"})
  public Response get() {
    LrsCaller caller = request.caller();
    if (!caller.mayReadOwnStatements()) {
      throw new ForbiddenException("This LRS credential may not read statements.");
    }
    MultivaluedMap<String, String> query = uri.getQueryParameters();
    for (String name : query.keySet()) {
      if (!QUERY_PARAMETERS.contains(name)) {
        throw new BadRequestException(name + " is not a parameter of the statements resource.");
      }
      if (query.get(name).size() > 1) {
        throw new BadRequestException(name + " is given more than once.");
      }
    }
    Response.ResponseBuilder answer;
    if (query.containsKey("statementId") || query.containsKey("voidedStatementId")) {
      answer = one(caller, query);
    } else if (query.containsKey("more")) {
      if (query.size() > 1) {
        throw new BadRequestException("more is the whole query: send it alone.");
      }
      StatementCursor cursor =
          StatementCursor.decode(query.getFirst("more"))
              .orElseThrow(() -> new BadRequestException("more is not a cursor of this LRS."));
      StatementStore.Page page =
          store
              .more(caller, cursor)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "more is a cursor of another LRS credential: query again."));
      answer =
          page(
              caller,
              page,
              StatementFormat.of(cursor.format())
                  .orElseThrow(() -> new BadRequestException("more is not a cursor of this LRS.")),
              cursor.attachments());
    } else {
      StatementFormat format = format(query);
      boolean attachments = flag(query, "attachments");
      StatementFilter filter = filter(query);
      answer =
          page(
              caller, store.query(caller, filter, format.text(), attachments), format, attachments);
    }
    return answer.header(CONSISTENT_THROUGH, store.consistentThrough().toString()).build();
  }

  private Response.ResponseBuilder one(LrsCaller caller, MultivaluedMap<String, String> query) {
    for (String name : query.keySet()) {
      if (!WITH_AN_ID.contains(name)) {
        throw new BadRequestException(
            name + " cannot be combined with statementId or voidedStatementId.");
      }
    }
    if (query.containsKey("statementId") && query.containsKey("voidedStatementId")) {
      throw new BadRequestException("Send statementId or voidedStatementId, not both.");
    }
    boolean voided = query.containsKey("voidedStatementId");
    String name = voided ? "voidedStatementId" : "statementId";
    UUID id = uuid(name, query.getFirst(name));
    StatementStore.Stored stored =
        store
            .find(caller, id)
            .filter(s -> s.voided() == voided)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        voided
                            ? "No voided statement "
                                + id
                                + " (a statement that is not voided is"
                                + " read with statementId)."
                            : "No statement "
                                + id
                                + " (a voided statement is read with"
                                + " voidedStatementId)."));
    StatementFormat format = format(query);
    JsonObject held = parse(stored.json());
    JsonObject json =
        format.apply(
            held, request.version(), languages(), definitions(caller, format, List.of(held)));
    Response.ResponseBuilder answer =
        flag(query, "attachments")
            ? multipart(caller, json.toString(), List.of(json))
            : Response.ok(json.toString(), MediaType.APPLICATION_JSON);
    return answer.lastModified(Date.from(stored.stored()));
  }

  /** For the canonical format, the LRS's definitions of the activities these statements name. */
  private Map<String, JsonObject> definitions(
      LrsCaller caller, StatementFormat format, List<JsonObject> statements) {
    if (format != StatementFormat.CANONICAL) {
      return Map.of();
    }
    Set<String> ids = new HashSet<>();
    statements.forEach(statement -> ids.addAll(StatementFormat.namedActivities(statement)));
    return ids.isEmpty() ? Map.of() : store.definitions(caller, ids);
  }

  private Response.ResponseBuilder page(
      LrsCaller caller, StatementStore.Page page, StatementFormat format, boolean attachments) {
    List<Locale.LanguageRange> languages = languages();
    List<JsonObject> held = page.statements().stream().map(s -> parse(s.json())).toList();
    Map<String, JsonObject> definitions = definitions(caller, format, held);
    List<JsonObject> statements = new ArrayList<>();
    for (JsonObject statement : held) {
      statements.add(format.apply(statement, request.version(), languages, definitions));
    }
    JsonArrayBuilder array = JSON.createArrayBuilder();
    statements.forEach(array::add);
    String more =
        page.next()
            .map(
                cursor -> uri.getBaseUri().getRawPath() + "xapi/statements?more=" + cursor.encode())
            .orElse("");
    String json =
        JSON.createObjectBuilder().add("statements", array).add("more", more).build().toString();
    return attachments
        ? multipart(caller, json, statements)
        : Response.ok(json, MediaType.APPLICATION_JSON);
  }

  /** The answer with the contents of the statements' attachments held by the LRS. */
  private Response.ResponseBuilder multipart(
      LrsCaller caller, String json, List<JsonObject> statements) {
    Set<String> hashes = new LinkedHashSet<>();
    for (JsonObject statement : statements) {
      if (statement.get("attachments") instanceof JsonArray attachments) {
        for (JsonValue attachment : attachments) {
          hashes.add(attachment.asJsonObject().getString("sha2", "").toLowerCase(Locale.ROOT));
        }
      }
    }
    List<MultipartMixed.Part> parts = new ArrayList<>();
    for (AttachmentContent content : store.contents(caller, hashes).values()) {
      Map<String, String> partHeaders = new LinkedHashMap<>();
      partHeaders.put("Content-Type", content.contentType());
      partHeaders.put("Content-Transfer-Encoding", "binary");
      partHeaders.put(HASH, content.sha2());
      parts.add(new MultipartMixed.Part(partHeaders, content.bytes()));
    }
    MultipartMixed.Written written = MultipartMixed.write(json, parts);
    return Response.ok(written.body(), written.contentType());
  }

  private List<UUID> store(
      LrsCaller caller, List<Statement> statements, Map<String, AttachmentContent> contents) {
    for (Statement statement : statements) {
      checkSignature(statement, contents);
    }
    try {
      try {
        return store.store(caller, statements, request.version(), contents);
      } catch (StatementStore.Raced raced) {
        // the racing client's statement is committed now: storing again compares with it
        return store.store(caller, statements, request.version(), contents);
      }
    } catch (StatementStore.Raced raced) {
      throw new ClientErrorException(
          "Other clients are storing statements with these ids at this moment; send again.",
          Response.Status.CONFLICT);
    } catch (XapiValidationException e) {
      throw new BadRequestException("Statements refused: " + e.getMessage());
    } catch (StatementConflict e) {
      throw new ClientErrorException(e.getMessage(), Response.Status.CONFLICT);
    }
  }

  private static void checkSignature(Statement statement, Map<String, AttachmentContent> contents) {
    if (statement.attachments() == null) {
      return;
    }
    for (Attachment attachment : statement.attachments()) {
      if (!StatementSignatures.USAGE.equals(attachment.usageType())) {
        continue;
      }
      if (!"application/octet-stream".equalsIgnoreCase(attachment.contentType().strip())) {
        throw new BadRequestException(
            "A statement's signature attachment must have the contentType"
                + " application/octet-stream.");
      }
      AttachmentContent jws = contents.get(attachment.sha2().toLowerCase(Locale.ROOT));
      if (jws == null) {
        throw new BadRequestException(
            "A signed statement must send its signature as a part of a multipart/mixed request.");
      }
      StatementSignatures.problem(statement, jws)
          .ifPresent(
              problem -> {
                throw new BadRequestException("Signed statement refused: " + problem + ".");
              });
    }
  }

  /** The statements and attachment contents of a PUT or POST body. */
  private record Received(List<Statement> statements, Map<String, AttachmentContent> contents) {}

  private Received received(InputStream body, boolean batchAllowed) {
    MediaType type = headers.getMediaType();
    // xAPI wants 400 rather than HTTP's 415 for any other content type
    if (type == null) {
      throw new BadRequestException("Send statements as application/json or multipart/mixed.");
    }
    byte[] bytes = read(body);
    if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      List<Statement> statements =
          statements(new String(bytes, StandardCharsets.UTF_8), batchAllowed);
      requireContents(statements, Map.of());
      return new Received(statements, Map.of());
    }
    if (type.getType().equalsIgnoreCase("multipart")
        && type.getSubtype().equalsIgnoreCase("mixed")) {
      List<MultipartMixed.Part> parts;
      try {
        parts = MultipartMixed.parse(headers.getHeaderString(HttpHeaders.CONTENT_TYPE), bytes);
      } catch (IllegalArgumentException e) {
        throw new BadRequestException(e.getMessage());
      }
      if (parts.isEmpty()
          || parts.get(0).header("Content-Type") == null
          || !MediaType.valueOf(parts.get(0).header("Content-Type"))
              .isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        throw new BadRequestException(
            "The first part of a multipart/mixed request must be the statements as application/json.");
      }
      List<Statement> statements =
          statements(new String(parts.get(0).content(), StandardCharsets.UTF_8), batchAllowed);
      Map<String, AttachmentContent> contents = new LinkedHashMap<>();
      for (MultipartMixed.Part part : parts.subList(1, parts.size())) {
        if (!"binary"
            .equalsIgnoreCase(String.valueOf(part.header("Content-Transfer-Encoding")).strip())) {
          throw new BadRequestException(
              "Every attachment part needs the header Content-Transfer-Encoding: binary.");
        }
        contents.put(hashOf(part), content(part));
      }
      refuseUnusedParts(statements, contents);
      requireContents(statements, contents);
      return new Received(statements, contents);
    }
    throw new BadRequestException(
        "Send statements as application/json or multipart/mixed, not " + type + ".");
  }

  private static String hashOf(MultipartMixed.Part part) {
    String hash = part.header(HASH);
    if (hash == null) {
      throw new BadRequestException("Each attachment part needs the header " + HASH + ".");
    }
    return hash.strip().toLowerCase(Locale.ROOT);
  }

  /** A part's content, checked against the SHA-2 its header claims. */
  private static AttachmentContent content(MultipartMixed.Part part) {
    String hash = hashOf(part);
    if (part.content().length > StatementStore.LARGEST_ATTACHMENT) {
      throw new ClientErrorException(
          "An attachment part is larger than "
              + StatementStore.LARGEST_ATTACHMENT / 1000
              + " kB, the most the LRS keeps; link large files with fileUrl.",
          Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
    String algorithm =
        switch (hash.length()) {
          case 56 -> "SHA-224";
          case 64 -> "SHA-256";
          case 96 -> "SHA-384";
          case 128 -> "SHA-512";
          default -> throw new BadRequestException(HASH + " must be a hexadecimal SHA-2.");
        };
    try {
      String actual =
          HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(part.content()));
      if (!actual.equals(hash)) {
        throw new BadRequestException(
            "An attachment part's content does not have the "
                + HASH
                + " it claims ("
                + hash
                + ").");
      }
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has " + algorithm, e);
    }
    String type = part.header("Content-Type");
    return new AttachmentContent(
        hash, type == null ? "application/octet-stream" : type, part.content());
  }

  /**
   * An attachment without a {@code fileUrl} travels in the same request, as a part whose hash is
   * its {@code sha2}: a statement cannot lean on content sent with another one.
   */
  private static void requireContents(
      List<Statement> statements, Map<String, AttachmentContent> contents) {
    for (Statement statement : statements) {
      if (statement.attachments() == null) {
        continue;
      }
      for (var attachment : statement.attachments()) {
        if (attachment.fileUrl() == null
            && !contents.containsKey(attachment.sha2().toLowerCase(Locale.ROOT))) {
          throw new BadRequestException(
              "The attachment "
                  + attachment.sha2()
                  + " has no fileUrl and no part in this request: send it as a multipart/mixed"
                  + " part with X-Experience-API-Hash.");
        }
      }
    }
  }

  private static void refuseUnusedParts(
      List<Statement> statements, Map<String, AttachmentContent> contents) {
    Set<String> named = new LinkedHashSet<>();
    for (Statement statement : statements) {
      if (statement.attachments() != null) {
        statement.attachments().forEach(a -> named.add(a.sha2().toLowerCase(Locale.ROOT)));
      }
    }
    for (String hash : contents.keySet()) {
      if (!named.contains(hash)) {
        throw new BadRequestException(
            "The attachment part " + hash + " belongs to no statement's attachments.");
      }
    }
  }

  private List<Statement> statements(String text, boolean batchAllowed) {
    JsonValue json;
    try {
      json = StatementJson.strictly(text);
    } catch (JsonException e) {
      throw new BadRequestException("The body is not JSON: " + e.getMessage());
    }
    try {
      if (json instanceof JsonObject object) {
        return List.of(StatementJson.read(object, request.version()));
      }
      if (batchAllowed && json instanceof JsonArray array) {
        if (array.isEmpty()) {
          throw new BadRequestException("The batch holds no statements.");
        }
        return StatementJson.readList(array, request.version());
      }
    } catch (XapiValidationException e) {
      throw new BadRequestException("Statements refused: " + e.getMessage());
    }
    throw new BadRequestException(
        batchAllowed
            ? "The body must be a statement object or an array of them."
            : "The body must be a statement object.");
  }

  /** A request body up to {@link #LARGEST_BODY}; above it, 413. */
  static byte[] read(InputStream body) {
    try {
      byte[] bytes = body.readNBytes(LARGEST_BODY + 1);
      if (bytes.length > LARGEST_BODY) {
        throw tooLarge(body);
      }
      return bytes;
    } catch (IOException e) {
      throw new BadRequestException("The request body could not be read.");
    }
  }

  /**
   * The 413 for a body above the limit, after reading what is left of it (up to a bound): clients
   * that send the whole body before reading the answer would otherwise wait for ever.
   */
  private static ClientErrorException tooLarge(InputStream body) {
    try {
      long drained = 0;
      byte[] sink = new byte[64 * 1024];
      for (int read; drained < 8L * LARGEST_BODY && (read = body.read(sink)) >= 0; ) {
        drained += read;
      }
    } catch (IOException e) {
      // the client went away: the answer below goes nowhere either
    }
    return new ClientErrorException(
        "The request body is larger than "
            + LARGEST_BODY / (1024 * 1024)
            + " MB; send smaller batches.",
        Response.Status.REQUEST_ENTITY_TOO_LARGE);
  }

  private LrsCaller writer() {
    LrsCaller caller = request.caller();
    if (!caller.mayWriteStatements()) {
      throw new ForbiddenException("This LRS credential may not write statements.");
    }
    return caller;
  }

  /**
   * xAPI 2.0 removed the alternate request syntax (method in the query); 1.0.x requests in it were
   * rewritten by {@link AlternateRequestSyntax} before they got here.
   */
  private static void refuseAlternateSyntax(MultivaluedMap<String, String> query) {
    if (query.containsKey("method")) {
      throw new BadRequestException(
          "The alternate request syntax (method=...) is only for xAPI 1.0.x: send the real HTTP"
              + " method with headers.");
    }
  }

  private StatementFilter filter(MultivaluedMap<String, String> query) {
    String agentKey = null;
    if (query.containsKey("agent")) {
      Actor agent;
      try {
        agent = StatementJson.readActor(query.getFirst("agent"));
      } catch (XapiValidationException e) {
        throw new BadRequestException("agent is not an Agent or Group: " + e.getMessage());
      }
      agentKey =
          agent
              .identifier()
              .map(StatementLinks::agentKey)
              .orElseThrow(
                  () ->
                      new BadRequestException(
                          "agent must be identified (an IFI), not an anonymous Group."));
    }
    String verbKey = null;
    if (query.containsKey("verb")) {
      verbKey = StatementLinks.verbKey(iri("verb", query.getFirst("verb")));
    }
    String activityKey = null;
    if (query.containsKey("activity")) {
      activityKey = StatementLinks.activityKey(iri("activity", query.getFirst("activity")));
    }
    return new StatementFilter(
        agentKey,
        flag(query, "related_agents"),
        verbKey,
        activityKey,
        flag(query, "related_activities"),
        query.containsKey("registration")
            ? uuid("registration", query.getFirst("registration"))
            : null,
        instant(query, "since"),
        instant(query, "until"),
        limit(query),
        flag(query, "ascending"));
  }

  private static String iri(String name, String value) {
    try {
      return Verb.of(value).id();
    } catch (XapiValidationException e) {
      throw new BadRequestException(name + " must be an absolute IRI, not " + cut(value) + ".");
    }
  }

  private Instant instant(MultivaluedMap<String, String> query, String name) {
    String value = query.getFirst(name);
    if (value == null) {
      return null;
    }
    try {
      Timestamp timestamp = new Timestamp(value);
      if (request.version() == XapiVersion.V2_0_0 && !timestamp.hasOffset()) {
        throw new BadRequestException(name + " must carry a zone offset, as RFC 3339 requires.");
      }
      return timestamp.instant();
    } catch (XapiValidationException e) {
      throw new BadRequestException(
          name + " must be an ISO 8601 timestamp, not " + cut(value) + ".");
    }
  }

  private static int limit(MultivaluedMap<String, String> query) {
    String value = query.getFirst("limit");
    if (value == null) {
      return 0;
    }
    if (!value.matches("\\d{1,9}")) {
      throw new BadRequestException(
          "limit must be a whole number (0 for the server's largest page).");
    }
    return Integer.parseInt(value);
  }

  private static StatementFormat format(MultivaluedMap<String, String> query) {
    String value = query.getFirst("format");
    if (value == null) {
      return StatementFormat.EXACT;
    }
    return StatementFormat.of(value)
        .orElseThrow(() -> new BadRequestException("format must be ids, exact or canonical."));
  }

  private static boolean flag(MultivaluedMap<String, String> query, String name) {
    String value = query.getFirst(name);
    if (value == null) {
      return false;
    }
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new BadRequestException(name + " must be true or false.");
    };
  }

  private static UUID uuid(String name, String value) {
    if (!Syntax.isUuid(value)) {
      throw new BadRequestException(
          name + " must be a UUID, not " + cut(String.valueOf(value)) + ".");
    }
    return UUID.fromString(value);
  }

  private List<Locale.LanguageRange> languages() {
    String accept = headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE);
    if (accept == null || accept.isBlank()) {
      return List.of();
    }
    try {
      return Locale.LanguageRange.parse(accept);
    } catch (IllegalArgumentException e) {
      return List.of();
    }
  }

  private static JsonObject parse(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  private static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
