package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The two requests of a dynamic registration, and nothing else: fetch the platform's OpenID
 * configuration (no credentials), post the tool's registration to its registration endpoint (the
 * registration token, only there). Short timeouts, a size limit, no redirects followed (a redirect
 * would lead past the address rules) and no proxy.
 */
@ApplicationScoped
public class RegistrationClient {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  static final int SIZE_LIMIT_BYTES = 128 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(CONNECT_TIMEOUT)
          .followRedirects(HttpClient.Redirect.NEVER)
          .proxy(HttpClient.Builder.NO_PROXY)
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  /** The configuration; everything that goes wrong is the LMS's URL's doing: a REQUEST refusal. */
  public JsonObject configuration(URI url, String shownAs) {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .timeout(ANSWER_TIMEOUT)
            .header("Accept", "application/json")
            .GET()
            .build();
    Answer answer =
        send(request, "The OpenID configuration at " + shownAs, RegistrationRefused::request);
    if (answer.status() != 200) {
      throw RegistrationRefused.request(
          "The OpenID configuration at "
              + shownAs
              + " answered HTTP "
              + answer.status()
              + redirectAdvice(answer.status())
              + ". Start the registration again from the LMS.");
    }
    return json(
        answer.body(),
        "The OpenID configuration at " + shownAs + " is not a JSON object",
        RegistrationRefused::request);
  }

  /** The platform's answer to the registration; its failures are PLATFORM refusals. */
  public JsonObject register(URI endpoint, String registrationToken, JsonObject registration) {
    HttpRequest request =
        HttpRequest.newBuilder(endpoint)
            .timeout(ANSWER_TIMEOUT)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + registrationToken)
            .POST(HttpRequest.BodyPublishers.ofString(registration.toString()))
            .build();
    String where = "The platform's registration endpoint (" + endpoint.getHost() + ")";
    Answer answer = send(request, where, RegistrationRefused::platform);
    if (answer.status() < 200 || answer.status() > 299) {
      throw RegistrationRefused.platform(
          where
              + " refused the registration with HTTP "
              + answer.status()
              + excerpt(answer.body(), registrationToken)
              + redirectAdvice(answer.status())
              + ". A registration token is valid once and for a short time: start the registration"
              + " again from the LMS.");
    }
    return json(
        answer.body(),
        where + " answered with something that is not a JSON object",
        RegistrationRefused::platform);
  }

  private record Answer(int status, String body) {}

  /**
   * The whole exchange, headers and body, within one deadline, so that a platform that trickles its
   * answer cannot hold a request thread; the body is cut off past the size limit.
   */
  private Answer send(
      HttpRequest request, String what, Function<String, RegistrationRefused> refusal) {
    CompletableFuture<HttpResponse<byte[]>> exchange =
        http.sendAsync(request, info -> new LimitedBody(SIZE_LIMIT_BYTES));
    try {
      HttpResponse<byte[]> response =
          exchange.get(CONNECT_TIMEOUT.plus(ANSWER_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw refusal.apply(what + " did not answer in time.");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TooLarge) {
        throw refusal.apply(what + " answered with more than " + SIZE_LIMIT_BYTES / 1024 + " KiB.");
      }
      if (cause instanceof HttpTimeoutException) {
        throw refusal.apply(what + " did not answer in time.");
      }
      throw refusal.apply(
          what
              + " cannot be reached ("
              + (cause == null ? "no reason given" : cause.getClass().getSimpleName())
              + ").");
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw refusal.apply(what + " was not reached: the tool is shutting down.");
    }
  }

  private static final class TooLarge extends IOException {
    TooLarge() {
      super("answer too large");
    }
  }

  /** Collects an answer's bytes and gives up, cancelling the exchange, past the limit. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    LimitedBody(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if (bytes.size() + buffer.remaining() > limit) {
          subscription.cancel();
          result.completeExceptionally(new TooLarge());
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable failure) {
      result.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }

  private static JsonObject json(
      String body, String complaint, Function<String, RegistrationRefused> refusal) {
    try (var reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw refusal.apply(complaint + ".");
    }
  }

  private static String redirectAdvice(int status) {
    return status >= 300 && status < 400
        ? " (a redirect, which CHILD CoP does not follow: the LMS must give the final address)"
        : "";
  }

  /**
   * A short, single-line piece of the platform's error answer (Moodle and Canvas say what they
   * disliked), with the token blotted out in case the platform echoed it.
   */
  static String excerpt(String body, String registrationToken) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String text = body.replace(registrationToken, "[registration token]");
    text = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    if (text.length() > 200) {
      text = text.substring(0, 200) + "…";
    }
    return ": " + text;
  }
}
