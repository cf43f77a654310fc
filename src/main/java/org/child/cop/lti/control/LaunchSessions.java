package org.child.cop.lti.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LaunchEnded;
import org.child.cop.lti.entity.LaunchSession;
import org.child.cop.lti.entity.ToolKey;
import org.child.cop.settings.ToolSettings;

/**
 * Launches kept for the tool's pages, and the short-lived signed tokens that name them. Inside an
 * LMS iframe the browser may refuse every cookie, so each page carries its token (a query
 * parameter, a form field or an {@code Authorization: Bearer} header) and gets a fresh one back.
 * Tokens carry an HMAC under a secret derived from the tool key, so every instance verifies them
 * and a rotation keeps the tokens in flight valid for the overlap.
 */
@ApplicationScoped
public class LaunchSessions {

  /** Short, so a token copied out of a page is soon worthless; each page hands out a new one. */
  public static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

  private static final Jsonb JSON = JsonbBuilder.create();

  @PersistenceContext EntityManager em;
  @Inject ToolKeys keys;
  @Inject ToolSettings settings;

  private final ConcurrentHashMap<String, JWSHeader> headers = new ConcurrentHashMap<>();

  /** A token naming the session, for the page about to be rendered. */
  public String tokenFor(LaunchSession session) {
    Instant now = Instant.now();
    ToolKey key = keys.signingKey();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.baseUrl().toString())
            .audience(audience())
            .subject(session.id())
            .issueTime(Date.from(now))
            .expirationTime(min(now.plus(TOKEN_LIFETIME), session.expiresAt()))
            .build();
    try {
      JWSObject jwt =
          new JWSObject(
              header(key.kid()), new Payload(SignedButNotSecret.encode(claims.toString())));
      jwt.sign(new MACSigner(key.tokenSecret()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("the launch token cannot be signed", e);
    }
  }

  /** The launch a page's token names, or {@link LaunchEnded}. */
  public Launch resume(String token) {
    return launchOf(session(token));
  }

  /** The session a page's token names, with a fresh token for the next page. */
  public Resumed resumeWithFreshToken(String token) {
    LaunchSession session = session(token);
    return new Resumed(launchOf(session), tokenFor(session));
  }

  /** A launch and the token the next page should carry. */
  public record Resumed(Launch launch, String token) {}

  LaunchSession session(String token) {
    if (token == null || token.isBlank()) {
      throw new LaunchEnded("The page was opened without a launch from your course.");
    }
    String id = verifiedSubject(token);
    LaunchSession session = em.find(LaunchSession.class, id);
    if (session == null || !session.servesAt(Instant.now())) {
      throw new LaunchEnded("This launch has ended.");
    }
    return session;
  }

  /** Binds a pending session to the browser that read the login state from platform storage. */
  @Transactional
  public Optional<String> bind(String sessionId, String secret) {
    LaunchSession session = sessionId == null ? null : em.find(LaunchSession.class, sessionId);
    if (session == null || !session.bind(secret, Instant.now())) {
      return Optional.empty();
    }
    return Optional.of(tokenFor(session));
  }

  static String json(Launch launch) {
    return JSON.toJson(launch);
  }

  static Launch launchOf(LaunchSession session) {
    return JSON.fromJson(session.launch(), Launch.class);
  }

  /**
   * The session id a token names, once its HMAC (under the secret of a still published tool key),
   * issuer, audience and expiry hold. Only HS256 is taken: the tool's RS256 JWTs (deep linking
   * answers, client assertions) carry another audience and are no page tokens either.
   */
  private String verifiedSubject(String token) {
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      String kid = jwt.getHeader().getKeyID();
      if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || kid == null) {
        throw new LaunchEnded("The launch token is not one this tool issued.");
      }
      ToolKey key =
          keys.published(kid)
              .orElseThrow(() -> new LaunchEnded("The launch token's key is no longer valid."));
      if (!jwt.verify(new MACVerifier(key.tokenSecret()))) {
        throw new LaunchEnded("The launch token is not one this tool issued.");
      }
      JWTClaimsSet claims = SignedButNotSecret.claims(jwt);
      new DefaultJWTClaimsVerifier<SecurityContext>(
              audience(),
              new JWTClaimsSet.Builder().issuer(settings.baseUrl().toString()).build(),
              Set.of("sub", "exp"))
          .verify(claims, null);
      return claims.getSubject();
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new LaunchEnded("The launch token is not valid or has expired.");
    }
  }

  /**
   * The token header of a key, parsed from its own Base64url so that signing uses that text as it
   * is rather than encoding the header again for every token.
   */
  private JWSHeader header(String kid) {
    return headers.computeIfAbsent(
        kid,
        k -> {
          JWSHeader built = new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(k).build();
          try {
            return JWSHeader.parse(SignedButNotSecret.encode(built.toString()));
          } catch (ParseException e) {
            throw new IllegalStateException("the launch token's header cannot be read back", e);
          }
        });
  }

  /** Distinct from every other JWT the tool signs, so none of them passes for a page token. */
  private String audience() {
    return settings.baseUrl() + "/pages";
  }

  private static Date min(Instant a, Instant b) {
    return Date.from(a.isBefore(b) ? a : b);
  }
}
