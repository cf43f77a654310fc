package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The access tokens platforms gave this instance, kept until shortly before they expire so one
 * token serves many calls. A token is for one registration (issuer, client id) and one set of
 * scopes; the same scopes in another order are the same set.
 */
@ApplicationScoped
public class AccessTokens {

  /** How long before its expiry a token is no longer used, so it never expires in flight. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  /** What a token is cached under. */
  public record Key(String issuer, String clientId, String scopes) {

    public static Key of(String issuer, String clientId, Collection<String> scopes) {
      return new Key(
          Objects.requireNonNull(issuer),
          Objects.requireNonNull(clientId),
          String.join(" ", new TreeSet<>(scopes)));
    }
  }

  /** A token as the platform issued it. */
  public record Token(String value, Instant usableUntil) {

    @Override
    public String toString() {
      return "Token[usableUntil=" + usableUntil + "]"; // the value never reaches a log
    }

    /** A token issued now for {@code lifetime}, used until shortly before it ends. */
    static Token issued(String value, Duration lifetime, Instant now) {
      Duration margin =
          lifetime.compareTo(MARGIN.multipliedBy(4)) < 0 ? lifetime.dividedBy(4) : MARGIN;
      return new Token(value, now.plus(lifetime).minus(margin));
    }

    boolean usableAt(Instant now) {
      return now.isBefore(usableUntil);
    }
  }

  private final ConcurrentMap<Key, Token> tokens = new ConcurrentHashMap<>();
  private final ConcurrentMap<Key, Object> locks = new ConcurrentHashMap<>();

  /** What requests for one key's token synchronise on. */
  Object lockFor(Key key) {
    return locks.computeIfAbsent(key, k -> new Object());
  }

  /** A cached token still usable at {@code now}, or null. */
  Token usable(Key key, Instant now) {
    Token token = tokens.get(key);
    return token != null && token.usableAt(now) ? token : null;
  }

  void keep(Key key, Token token) {
    tokens.put(key, token);
  }

  /**
   * The platform refused the token (revoked, or its keys changed): the next call gets a new one.
   */
  void drop(Key key, Token token) {
    tokens.remove(key, token);
  }
}
