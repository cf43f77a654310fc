package org.child.cop.statements;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stands between the tool and a real LRS and writes down which statement ids each request carried
 * and how the LRS answered: the LRS itself cannot tell a re-sent statement from a new one, so this
 * is how a test sees that each statement was stored exactly once. It forwards everything unchanged.
 */
final class CountingProxy implements AutoCloseable {

  /** One request the tool made. */
  record Exchange(String method, List<String> statementIds, int status) {
    boolean stored() {
      return status == 200 || status == 204;
    }
  }

  private static final Set<String> HOP_BY_HOP =
      Set.of("connection", "content-length", "host", "transfer-encoding", "upgrade", "expect");

  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ConcurrentLinkedQueue<Exchange> exchanges = new ConcurrentLinkedQueue<>();
  private final URI lrs;
  private volatile Duration delay = Duration.ZERO;

  private CountingProxy(URI lrs) throws IOException {
    this.lrs = lrs;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::forward);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.start();
  }

  /** A proxy for the LRS at {@code lrs}, e.g. {@code http://127.0.0.1:18081/xAPI}. */
  static CountingProxy of(URI lrs) throws IOException {
    return new CountingProxy(lrs);
  }

  /** Holds each request back a while from now on: a slower network to one instance. */
  void slowDown(Duration delay) {
    this.delay = delay;
  }

  /** What the tool should take as the LRS's endpoint. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + lrs.getRawPath());
  }

  List<Exchange> exchanges() {
    return List.copyOf(exchanges);
  }

  /** For each id: in how many requests the LRS stored it. */
  Map<String, Long> timesStored() {
    return exchanges.stream()
        .filter(Exchange::stored)
        .flatMap(exchange -> exchange.statementIds().stream())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }

  private void forward(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (!delay.isZero()) {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String path = exchange.getRequestURI().getRawPath().substring(lrs.getRawPath().length());
    String query = exchange.getRequestURI().getRawQuery();
    URI target = URI.create(lrs + path + (query == null ? "" : "?" + query));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(10))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                values.forEach(value -> request.header(name, value));
              }
            });
    int status;
    byte[] answer;
    try {
      HttpResponse<byte[]> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      status = response.statusCode();
      answer = response.body();
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                  values.forEach(value -> exchange.getResponseHeaders().add(name, value));
                }
              });
    } catch (IOException | InterruptedException e) {
      // the LRS is down: so is the proxy, as the tool sees it
      status = 502;
      answer = "{\"message\":\"the LRS behind the test proxy is down\"}".getBytes();
    }
    if (path.startsWith("/statements")
        && ("POST".equals(exchange.getRequestMethod())
            || "PUT".equals(exchange.getRequestMethod()))) {
      exchanges.add(new Exchange(exchange.getRequestMethod(), ids(body), status));
    }
    exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
    exchange.getResponseBody().write(answer);
    exchange.close();
  }

  private static List<String> ids(byte[] body) {
    List<String> ids = new ArrayList<>();
    try (var reader =
        Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
      JsonStructure json = reader.read();
      List<JsonValue> statements =
          json.getValueType() == JsonValue.ValueType.ARRAY ? json.asJsonArray() : List.of(json);
      for (JsonValue statement : statements) {
        if (statement instanceof JsonObject object && object.containsKey("id")) {
          ids.add(object.getString("id"));
        }
      }
    }
    return ids;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
