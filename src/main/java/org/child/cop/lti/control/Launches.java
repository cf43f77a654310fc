package org.child.cop.lti.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.child.cop.lti.Launch;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.entity.Deployment;
import org.child.cop.lti.entity.LaunchSession;
import org.child.cop.lti.entity.LoginState;
import org.child.cop.lti.entity.Platform;

/**
 * Verifies a launch (the id_token the platform posts to {@code /lti/launch}) against every check of
 * the LTI 1.3 security framework, and turns it into a plain {@link Launch}.
 */
@ApplicationScoped
public class Launches {

  static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";
  static final String DEEP_LINKING_SETTINGS =
      "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";
  static final String AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint";
  static final String NRPS_SERVICE =
      "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice";
  static final Set<String> MESSAGE_TYPES = Set.of(Launch.RESOURCE_LINK, Launch.DEEP_LINKING);
  static final Duration MAX_AGE = Duration.ofMinutes(10);
  static final int CLOCK_SKEW_SECONDS = 60;

  @PersistenceContext EntityManager em;
  @Inject PlatformKeySets keySets;
  @Inject RegisteredPlatforms platforms;
  @Inject Event<PlatformWasChanged> platformChanged;
  @Inject ServiceCalls serviceCalls;

  /** Observers (members, communities) record what the launch tells, in the same transaction. */
  @Inject Event<Launch> launched;

  /**
   * A verified launch kept for the tool's pages; {@code bindingSecret} is present when the browser
   * must still prove, through platform storage, that it began the login.
   */
  public record Verified(
      Launch launch,
      LaunchSession session,
      RegisteredPlatform platform,
      Optional<String> bindingSecret) {}

  /**
   * @param stateFromBrowser what this browser holds for the state (the cookie), so that a state and
   *     token stolen from one browser cannot be replayed from another
   * @param platformStorage the platform offers LTI platform storage, so a browser without the
   *     cookie may prove it holds the state there before the launch serves pages
   */
  @Transactional(dontRollbackOn = LaunchRefused.class)
  public Verified verify(
      String idToken, String state, String stateFromBrowser, boolean platformStorage) {
    Instant now = Instant.now();
    if (state == null || state.isBlank() || idToken == null || idToken.isBlank()) {
      throw new LaunchRefused("The launch carries no state or no id_token.");
    }
    // locked until this launch commits, so that of two posts of one state only one can spend it
    LoginState login = em.find(LoginState.class, state, LockModeType.PESSIMISTIC_WRITE);
    if (login == null) {
      throw new LaunchRefused("The launch's state is unknown: the login did not begin here.");
    }
    RegisteredPlatform platform =
        platforms
            .byId(login.platformId())
            .orElseThrow(
                () -> new LaunchRefused("The platform that began this login is not registered."));
    boolean cookieBound = state.equals(stateFromBrowser);
    if (!cookieBound && (stateFromBrowser != null || !platformStorage)) {
      throw new LaunchRefused(
              "The launch's state is not bound to this browser (its cookie is missing or"
                  + " different). The browser may block cookies inside the course page.")
          .withInitiationAgain(login.initiationAgain(platform.issuer(), platform.clientId()));
    }
    if (!login.use(now)) {
      throw new LaunchRefused("The launch's state has expired or was used already.");
    }
    if (!platform.enabled()) {
      throw new LaunchRefused(platform.whyOff());
    }
    JWTClaimsSet claims = verifiedClaims(idToken, platform, login, now);
    String deploymentId = text(claims, LTI + "deployment_id");
    if (deploymentId == null) {
      throw new LaunchRefused("The launch names no deployment_id.");
    }
    Deployment.Status deployment =
        platform.deployment(deploymentId).orElseGet(() -> recorded(platform, deploymentId, now));
    if (!deployment.acceptsLaunches()) {
      throw new LaunchRefused("The deployment " + deploymentId + " is blocked in CHILD CoP.");
    }
    Launch launch = launch(platform, claims, deploymentId);
    // a reference, not a read: the session needs only the platform's key
    LaunchSession session =
        new LaunchSession(
            em.getReference(Platform.class, platform.id()),
            LaunchSessions.json(launch),
            services(claims),
            now);
    Optional<String> secret =
        cookieBound ? Optional.empty() : Optional.of(session.awaitBrowserBinding());
    em.persist(session);
    launched.fire(launch);
    serviceCalls.queueAfter(launch, session);
    return new Verified(launch, session, platform, secret);
  }

  /**
   * A deployment met for the first time on a valid launch is recorded for an administrator to
   * confirm or block (Canvas creates one per course-level install).
   */
  private Deployment.Status recorded(RegisteredPlatform known, String deploymentId, Instant now) {
    Platform platform = em.find(Platform.class, known.id());
    if (platform == null) {
      throw new LaunchRefused("The platform that began this login is not registered.");
    }
    Deployment.Status status = platform.deploymentSeen(deploymentId, now).status();
    platformChanged.fire(new PlatformWasChanged(platform.id()));
    return status;
  }

  /** The service claims only this package reads later: deep linking, AGS, NRPS. */
  private static String services(JWTClaimsSet claims) {
    Map<String, Object> services = new LinkedHashMap<>();
    for (String name : List.of(DEEP_LINKING_SETTINGS, AGS_ENDPOINT, NRPS_SERVICE)) {
      if (claims.getClaim(name) instanceof Map<?, ?> value) {
        services.put(name, value);
      }
    }
    return JSONObjectUtils.toJSONString(services);
  }

  private JWTClaimsSet verifiedClaims(
      String idToken, RegisteredPlatform platform, LoginState login, Instant now) {
    SignedJWT jwt = signed(idToken);
    if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
      throw new LaunchRefused(
          "The id_token is signed with " + jwt.getHeader().getAlgorithm() + ", not RS256.");
    }
    var keys = keySets.selectorOf(platform);
    if (jwt.getHeader().getKeyID() == null && !hasSingleKey(keys.getJWKSource())) {
      throw new LaunchRefused("The id_token names no key (kid) and the platform has several.");
    }
    DefaultJWTProcessor<SecurityContext> processor = new SignedButNotSecret.Processor();
    processor.setJWSKeySelector(keys);
    DefaultJWTClaimsVerifier<SecurityContext> rules =
        new DefaultJWTClaimsVerifier<>(
            platform.clientId(),
            new JWTClaimsSet.Builder()
                .issuer(platform.issuer())
                .claim("nonce", login.nonce())
                .build(),
            Set.of("sub", "exp", "iat", "nonce"));
    rules.setMaxClockSkew(CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(rules);
    JWTClaimsSet claims;
    try {
      claims = processor.process(jwt, null);
    } catch (BadJOSEException | JOSEException e) {
      throw new LaunchRefused(
          "The id_token's signature, issuer, audience, nonce or expiry does not match this"
              + " platform's registration in CHILD CoP.",
          "The id_token was refused: " + e.getMessage());
    }
    List<String> audience = claims.getAudience();
    if (audience.size() > 1 && !platform.clientId().equals(text(claims, "azp"))) {
      throw new LaunchRefused("The id_token has several audiences and its azp is not this tool.");
    }
    Instant issued = claims.getIssueTime().toInstant();
    if (issued.isBefore(now.minus(MAX_AGE))
        || issued.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS))) {
      throw new LaunchRefused("The id_token was issued at " + issued + ", too far from now.");
    }
    if (!"1.3.0".equals(text(claims, LTI + "version"))) {
      throw new LaunchRefused("The launch is not LTI version 1.3.0.");
    }
    String type = text(claims, LTI + "message_type");
    if (!MESSAGE_TYPES.contains(type)) {
      throw new LaunchRefused(
          "The launch's message_type " + type + " is not one this tool handles.");
    }
    if (Launch.RESOURCE_LINK.equals(type) && member(claims, LTI + "resource_link", "id") == null) {
      throw new LaunchRefused("The resource link launch has no resource_link id.");
    }
    if (Launch.DEEP_LINKING.equals(type)
        && member(claims, DEEP_LINKING_SETTINGS, "deep_link_return_url") == null) {
      throw new LaunchRefused("The deep linking request has no deep_link_return_url.");
    }
    return claims;
  }

  private static SignedJWT signed(String idToken) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(idToken);
    } catch (ParseException e) {
      throw new LaunchRefused("The id_token is not a JWT.");
    }
    if (!(jwt instanceof SignedJWT signed)) {
      throw new LaunchRefused("The id_token is not signed.");
    }
    return signed;
  }

  private static boolean hasSingleKey(
      com.nimbusds.jose.jwk.source.JWKSource<SecurityContext> keys) {
    try {
      return keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null).size() == 1;
    } catch (com.nimbusds.jose.KeySourceException e) {
      throw new LaunchRefused("The platform's key set cannot be fetched: " + e.getMessage());
    }
  }

  private static Launch launch(
      RegisteredPlatform platform, JWTClaimsSet claims, String deploymentId) {
    List<String> roles;
    try {
      List<String> listed = claims.getStringListClaim(LTI + "roles");
      roles = listed == null ? List.of() : listed;
    } catch (ParseException e) {
      throw new LaunchRefused("The launch's roles are not a list of role URIs.");
    }
    return new Launch(
        platform.id(),
        platform.issuer(),
        claims.getSubject(),
        text(claims, "name"),
        text(claims, LTI + "message_type"),
        deploymentId,
        member(claims, LTI + "context", "id"),
        member(claims, LTI + "context", "title"),
        member(claims, LTI + "resource_link", "id"),
        roles,
        LtiRole.of(roles),
        custom(claims));
  }

  /** Custom parameters as text; platforms may send numbers or booleans for substituted values. */
  private static Map<String, String> custom(JWTClaimsSet claims) {
    Map<String, String> custom = new LinkedHashMap<>();
    if (claims.getClaim(LTI + "custom") instanceof Map<?, ?> values) {
      values.forEach(
          (name, value) -> {
            if (name instanceof String key && value != null && !(value instanceof Map<?, ?>)) {
              custom.put(key, String.valueOf(value));
            }
          });
    }
    return custom;
  }

  private static String text(JWTClaimsSet claims, String name) {
    Object value = claims.getClaim(name);
    return value instanceof String s && !s.isBlank() ? s : null;
  }

  private static String member(JWTClaimsSet claims, String name, String member) {
    Object value = claims.getClaim(name);
    if (value instanceof Map<?, ?> object
        && object.get(member) instanceof String s
        && !s.isBlank()) {
      return s;
    }
    return null;
  }
}
