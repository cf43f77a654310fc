package org.child.cop.xapi;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A client of one LRS's statement resource. Each call either returns what the specification
 * promises or throws an {@link LrsException} classifying the failure ({@link LrsFailure}); invalid
 * statements are refused before sending with an {@link XapiValidationException}. Thread-safe.
 */
public final class XapiClient {

  private static final int MESSAGE_LIMIT = 300;
  private static final int ERROR_BODY_LIMIT = 16 * 1024;

  private final URI endpoint;
  private final XapiVersion version;
  private final String authorization;
  private final Duration requestTimeout;
  private final HttpClient http;

  private XapiClient(Builder builder) {
    this.endpoint = builder.endpoint;
    this.version = builder.version;
    this.authorization = builder.authorization;
    this.requestTimeout = builder.requestTimeout;
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(builder.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** A client of the LRS at {@code endpoint}, e.g. {@code https://lrs.example.org/xAPI}. */
  public static Builder to(URI endpoint) {
    return new Builder(endpoint);
  }

  public URI endpoint() {
    return endpoint;
  }

  public XapiVersion version() {
    return version;
  }

  /**
   * Stores one statement under its id (PUT). A statement already stored with the same id and
   * content is a success; with other content the LRS answers 409 ({@link LrsFailure#CONFLICT}).
   */
  public void put(Statement statement) {
    if (statement.id() == null) {
      throw new IllegalArgumentException("a statement sent by PUT needs an id");
    }
    String body = StatementJson.write(statement, version).toString();
    HttpRequest request =
        request(statements("statementId=" + statement.id()))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(body, StatementJson.CHARSET))
            .build();
    Answer answer = send(request);
    if (answer.status() != 204 && answer.status() != 200) {
      throw answer.failure();
    }
  }

  /**
   * Stores statements in one request (POST) and returns their ids in order. The LRS accepts or
   * rejects the batch as a whole; a duplicate id within the batch is refused here first.
   */
  public List<UUID> post(List<Statement> statements) {
    if (statements.isEmpty()) {
      return List.of();
    }
    List<Violation> duplicates = new ArrayList<>();
    Map<UUID, Integer> seen = new HashMap<>();
    for (int i = 0; i < statements.size(); i++) {
      UUID id = statements.get(i).id();
      Integer first = id == null ? null : seen.putIfAbsent(id, i);
      if (first != null) {
        duplicates.add(new Violation("[" + i + "].id", "repeats the id of [" + first + "]"));
      }
    }
    if (!duplicates.isEmpty()) {
      throw new XapiValidationException(duplicates);
    }
    return postBody(StatementJson.writeList(statements, version).toString(), statements.size());
  }

  /**
   * Stores statements that are already JSON in this client's version, sent as they are, in one
   * request (POST), and returns their ids in order. For a sender that keeps its statements as JSON
   * and checked them when it wrote them: reading them back only to write them again costs more than
   * sending them. The LRS is the judge of what it receives, as for {@link #post(List)}.
   */
  public List<UUID> postJson(List<String> statements) {
    if (statements.isEmpty()) {
      return List.of();
    }
    StringBuilder body = new StringBuilder(statements.size() * 1024).append('[');
    for (String statement : statements) {
      body.append(body.length() > 1 ? "," : "").append(statement);
    }
    return postBody(body.append(']').toString(), statements.size());
  }

  private List<UUID> postBody(String body, int count) {
    HttpRequest request =
        request(statements(null))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StatementJson.CHARSET))
            .build();
    Answer answer = send(request);
    if (answer.status() != 200) {
      throw answer.failure();
    }
    JsonValue ids = answer.json();
    if (ids == null || ids.getValueType() != JsonValue.ValueType.ARRAY) {
      throw unexpected(answer, "the answer to a POST is not an array of ids");
    }
    List<UUID> result = new ArrayList<>();
    for (JsonValue id : ids.asJsonArray()) {
      if (!(id instanceof JsonString text) || !Syntax.isUuid(text.getString())) {
        throw unexpected(answer, "the answer to a POST holds something other than a UUID");
      }
      result.add(UUID.fromString(text.getString()));
    }
    if (result.size() != count) {
      throw unexpected(answer, result.size() + " ids for " + count + " statements");
    }
    return List.copyOf(result);
  }

  /** The statement with this id; empty when the LRS has none (or it is voided). */
  public Optional<Statement> get(UUID id) {
    return single("statementId=" + id);
  }

  /** A voided statement by its id; empty when the LRS has no voided statement with it. */
  public Optional<Statement> getVoided(UUID id) {
    return single("voidedStatementId=" + id);
  }

  /** The first page of statements matching the query. */
  public StatementPage query(StatementQuery query) {
    String queryString = query.toQueryString(version);
    return page(statements(queryString.isEmpty() ? null : queryString));
  }

  /**
   * The page at a {@code more} IRL. It must stay on the endpoint's origin: the credentials are not
   * sent elsewhere.
   */
  public StatementPage more(URI more) {
    if (!sameOrigin(more)) {
      throw new LrsException(
          LrsFailure.UNEXPECTED_RESPONSE, 0, "a more link leads away from the LRS's origin");
    }
    return page(more);
  }

  /** All statements matching the query, fetching pages lazily by following {@code more}. */
  public Stream<Statement> stream(StatementQuery query) {
    Iterator<Statement> statements =
        new Iterator<>() {
          private StatementPage page = query(query);
          private Iterator<Statement> current = page.statements().iterator();

          @Override
          public boolean hasNext() {
            while (!current.hasNext() && page.more() != null) {
              page = more(page.more());
              current = page.statements().iterator();
            }
            return current.hasNext();
          }

          @Override
          public Statement next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            return current.next();
          }
        };
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(statements, Spliterator.ORDERED), false);
  }

  /** Voids the statement {@code target} in the name of {@code actor}; returns the voiding id. */
  public UUID voidStatement(Actor actor, UUID target) {
    Statement voiding = Statement.voiding(UUID.randomUUID(), actor, target, Timestamp.now());
    put(voiding);
    return voiding.id();
  }

  private Optional<Statement> single(String queryString) {
    Answer answer = send(request(statements(queryString)).GET().build());
    if (answer.status() == 404) {
      return Optional.empty();
    }
    if (answer.status() != 200) {
      throw answer.failure();
    }
    JsonValue json = answer.json();
    if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw unexpected(answer, "the answer is not a statement");
    }
    return Optional.of(read(answer, json.asJsonObject()));
  }

  private StatementPage page(URI uri) {
    Answer answer = send(request(uri).GET().build());
    if (answer.status() != 200) {
      throw answer.failure();
    }
    JsonValue json = answer.json();
    if (json == null || json.getValueType() != JsonValue.ValueType.OBJECT) {
      throw unexpected(answer, "the answer is not a statement result");
    }
    JsonObject result = json.asJsonObject();
    JsonValue statements = result.get("statements");
    if (statements == null || statements.getValueType() != JsonValue.ValueType.ARRAY) {
      throw unexpected(answer, "the statement result has no statements array");
    }
    List<Statement> read = new ArrayList<>();
    JsonArray array = statements.asJsonArray();
    for (JsonValue statement : array) {
      if (statement.getValueType() != JsonValue.ValueType.OBJECT) {
        throw unexpected(answer, "the statement result holds something other than statements");
      }
      read.add(read(answer, statement.asJsonObject()));
    }
    URI more = null;
    if (result.get("more") instanceof JsonString link && !link.getString().isEmpty()) {
      try {
        more = endpoint.resolve(asUri(link.getString()));
      } catch (IllegalArgumentException e) {
        throw unexpected(answer, "the more link is not an IRL");
      }
    }
    return new StatementPage(read, more);
  }

  /**
   * The {@code more} IRL as a URI: some LRSs put raw JSON (the agent filter) into it, whose braces
   * and quotes a URI must carry percent-encoded.
   */
  static String asUri(String iri) {
    StringBuilder uri = new StringBuilder();
    for (byte b : iri.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~:/?@!$&'()*+,;=%".indexOf(c) >= 0)) {
        uri.append(c);
      } else {
        uri.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return uri.toString();
  }

  private Statement read(Answer answer, JsonObject json) {
    try {
      return StatementJson.read(json);
    } catch (XapiValidationException e) {
      throw unexpected(answer, "the LRS returned an invalid statement: " + e.getMessage());
    }
  }

  private URI statements(String queryString) {
    String base = endpoint + "/statements";
    return URI.create(queryString == null ? base : base + "?" + queryString);
  }

  private HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("X-Experience-API-Version", version.header())
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return request;
  }

  private Answer send(HttpRequest request) {
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new LrsException(LrsFailure.TIMEOUT, 0, "no connection within the connect timeout", e);
    } catch (HttpTimeoutException e) {
      throw new LrsException(LrsFailure.TIMEOUT, 0, "no answer within the request timeout", e);
    } catch (ConnectException e) {
      throw new LrsException(LrsFailure.UNREACHABLE, 0, "connection refused or failed", e);
    } catch (IOException e) {
      throw new LrsException(
          LrsFailure.UNREACHABLE,
          0,
          "network error: " + shorten(String.valueOf(e.getMessage())),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LrsException(LrsFailure.UNREACHABLE, 0, "interrupted", e);
    }
    int status = response.statusCode();
    boolean success = status >= 200 && status < 300;
    try (InputStream body = response.body()) {
      byte[] bytes = success ? body.readAllBytes() : body.readNBytes(ERROR_BODY_LIMIT);
      return new Answer(status, new String(bytes, StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      throw new LrsException(LrsFailure.TIMEOUT, status, "the answer's body did not arrive", e);
    } catch (IOException e) {
      throw new LrsException(
          LrsFailure.UNREACHABLE, status, "the answer's body broke off: " + e.getMessage(), e);
    }
  }

  private static LrsException unexpected(Answer answer, String message) {
    return new LrsException(LrsFailure.UNEXPECTED_RESPONSE, answer.status(), shorten(message));
  }

  private boolean sameOrigin(URI uri) {
    return uri.isAbsolute()
        && endpoint.getScheme().equalsIgnoreCase(uri.getScheme())
        && endpoint.getHost().equalsIgnoreCase(String.valueOf(uri.getHost()))
        && endpoint.getPort() == uri.getPort()
        && uri.getRawUserInfo() == null;
  }

  static String shorten(String text) {
    String line = text.replaceAll("\\s+", " ").trim();
    return line.length() <= MESSAGE_LIMIT ? line : line.substring(0, MESSAGE_LIMIT - 3) + "...";
  }

  @Override
  public String toString() {
    return "XapiClient["
        + endpoint
        + ", "
        + version.header()
        + (authorization == null ? "" : ", Basic credentials")
        + "]";
  }

  /** An HTTP answer, its body already read. */
  private record Answer(int status, String body) {

    JsonValue json() {
      try {
        return StatementJson.parseAny(body);
      } catch (RuntimeException e) {
        return null;
      }
    }

    /** The LRS's own message: {@code message}, else {@code warnings}, else the body's start. */
    LrsException failure() {
      return new LrsException(LrsFailure.ofStatus(status), status, message());
    }

    private String message() {
      JsonValue json = json();
      if (json instanceof JsonObject object) {
        if (object.get("message") instanceof JsonString message) {
          return shorten(message.getString());
        }
        if (object.get("warnings") instanceof JsonArray warnings && !warnings.isEmpty()) {
          return shorten(
              warnings.stream()
                  .map(w -> w instanceof JsonString s ? s.getString() : w.toString())
                  .collect(Collectors.joining("; ")));
        }
      }
      return body.isBlank() ? "(no message)" : shorten(body);
    }
  }

  /** Settings of a client; credentials are kept only as the prepared header. */
  public static final class Builder {
    private final URI endpoint;
    private XapiVersion version = XapiVersion.V1_0_3;
    private String authorization;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (!endpoint.isAbsolute()
          || !("http".equalsIgnoreCase(endpoint.getScheme())
              || "https".equalsIgnoreCase(endpoint.getScheme()))
          || endpoint.getHost() == null) {
        throw new IllegalArgumentException("the LRS endpoint must be an absolute http(s) URL");
      }
      if (endpoint.getRawUserInfo() != null) {
        // said without the URL, which holds the secret
        throw new IllegalArgumentException(
            "credentials belong in basicAuth(...), not in the endpoint URL");
      }
      if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
        throw new IllegalArgumentException("the LRS endpoint must have no query or fragment");
      }
      String text = endpoint.toString();
      this.endpoint = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    public Builder version(XapiVersion version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    public Builder basicAuth(String user, String password) {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      this.authorization =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      return this;
    }

    /** How long to wait for an answer's headers once a request is sent. */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    public XapiClient build() {
      return new XapiClient(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return duration;
    }
  }
}
