package org.child.cop.lti.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.child.cop.settings.ToolSettings;
import org.child.cop.storage.SchemaWasMigrated;

/**
 * A stand-in LMS for trying the tool without one, in development mode only: registered like any
 * platform, it signs id_tokens with a key of its own (made at start, kept in memory) and sends the
 * browser through the real login and launch. It takes back deep linking answers as an LMS would,
 * verifying them against the tool's published keys.
 */
@ApplicationScoped
public class DemoPlatform {

  private static final Logger LOG = Logger.getLogger(DemoPlatform.class.getName());

  public static final String CLIENT_ID = "child-cop-demo";
  public static final String DEPLOYMENT_ID = "demo";
  static final String CONTEXT_ID = "demo-course";

  /** The people one can launch as. */
  public enum Person {
    LEARNER(
        "demo-learner",
        "Lee Learner",
        "membership#Learner",
        "CHILD/NURSING/WARD-3",
        "Children's Hospital / Nursing / Ward 3"),
    FACILITATOR(
        "demo-facilitator",
        "Fran Facilitator",
        "membership#Instructor",
        "CHILD/EDU",
        "Children's Hospital / Education"),
    COURSE_DESIGNER(
        "demo-designer",
        "Dana Designer",
        "membership#ContentDeveloper",
        "CHILD/EDU/DESIGN",
        "Children's Hospital / Education / Course design");

    final String subject;
    final String displayName;
    final String role;

    /** The org unit an LMS passes as custom parameters, as lti-config/ shows how to set up. */
    final String unitPath;

    final String unitName;

    Person(String subject, String displayName, String role, String unitPath, String unitName) {
      this.subject = subject;
      this.displayName = displayName;
      this.role = role;
      this.unitPath = unitPath;
      this.unitName = unitName;
    }

    public String displayName() {
      return displayName;
    }
  }

  @Inject ToolSettings settings;
  @Inject Platforms platforms;
  @Inject ToolKeys toolKeys;

  private final RSAKey key;

  public DemoPlatform() {
    try {
      key =
          new RSAKeyGenerator(2048)
              .keyID("demo-" + UUID.randomUUID())
              .keyUse(KeyUse.SIGNATURE)
              .generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean isOn() {
    return settings.developmentMode();
  }

  void registerInDevelopment(@Observes SchemaWasMigrated schema) {
    if (isOn() && platforms.find(issuer(), CLIENT_ID).isEmpty()) {
      platforms.register(
          new Platforms.Registration(
              "Demo platform (development mode)",
              issuer(),
              CLIENT_ID,
              issuer() + "/auth",
              issuer() + "/token",
              issuer() + "/jwks",
              List.of(DEPLOYMENT_ID)));
      LOG.info(() -> "Development mode: the demo platform is at " + issuer());
    }
  }

  public String issuer() {
    return settings.baseUrl() + "/demo";
  }

  public JWKSet publicKeys() {
    return new JWKSet(key.toPublicJWK());
  }

  /** What the demo course sends to /lti/login; the message hint says who launches and what. */
  public Map<String, String> loginInitiation(Person person, Map<String, String> custom) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("iss", issuer());
    parameters.put("login_hint", person.name());
    parameters.put("target_link_uri", settings.baseUrl() + "/lti/launch");
    parameters.put("client_id", CLIENT_ID);
    parameters.put("lti_deployment_id", DEPLOYMENT_ID);
    parameters.put(
        "lti_message_hint",
        com.nimbusds.jose.util.JSONObjectUtils.toJSONString(Map.copyOf(custom)));
    return parameters;
  }

  /**
   * The authorization endpoint's answer: an id_token for the person the login hint names, or empty
   * when the request is not one the tool would send (wrong client, redirect URI elsewhere).
   */
  public Optional<String> idToken(
      String clientId, String redirectUri, String loginHint, String messageHint, String nonce) {
    Person person;
    try {
      person = Person.valueOf(String.valueOf(loginHint));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!CLIENT_ID.equals(clientId)
        || !(settings.baseUrl() + "/lti/launch").equals(redirectUri)
        || nonce == null) {
      return Optional.empty();
    }
    Instant now = Instant.now();
    String lti = Launches.LTI;
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer())
            .audience(CLIENT_ID)
            .subject(person.subject)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plusSeconds(300)))
            .claim("nonce", nonce)
            .claim("name", person.displayName)
            .claim(lti + "version", "1.3.0")
            .claim(lti + "deployment_id", DEPLOYMENT_ID)
            .claim(lti + "target_link_uri", redirectUri)
            .claim(lti + "roles", List.of("http://purl.imsglobal.org/vocab/lis/v2/" + person.role))
            .claim(
                lti + "context",
                Map.of("id", CONTEXT_ID, "label", "DEMO", "title", "Demo community of practice"))
            .claim(
                lti + "tool_platform",
                Map.of("product_family_code", "child-cop-demo", "name", "CHILD CoP demo"));
    if (person == Person.COURSE_DESIGNER) {
      claims
          .claim(lti + "message_type", "LtiDeepLinkingRequest")
          .claim(
              Launches.DEEP_LINKING_SETTINGS,
              Map.of(
                  "deep_link_return_url",
                  issuer() + "/return",
                  "accept_types",
                  List.of("ltiResourceLink"),
                  "accept_presentation_document_targets",
                  List.of("iframe", "window"),
                  "accept_multiple",
                  false,
                  "data",
                  "demo-" + UUID.randomUUID()));
    } else {
      claims
          .claim(lti + "message_type", "LtiResourceLinkRequest")
          .claim(lti + "resource_link", Map.of("id", "demo-link", "title", "Demo activity"))
          .claim(lti + "custom", withUnit(custom(messageHint), person));
    }
    return Optional.of(sign(claims.build()));
  }

  /** The placement in a deep linking answer, verified as an LMS verifies it; empty if forged. */
  public Optional<Placed> placed(String jwt) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(toolKeys.publishedKeys())));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            issuer(),
            new JWTClaimsSet.Builder().issuer(CLIENT_ID).build(),
            Set.of("exp", "iat", "nonce")));
    try {
      JWTClaimsSet claims = processor.process(jwt, null);
      List<Object> items = claims.getListClaim(DeepLinks.DL + "content_items");
      if (items == null
          || items.isEmpty()
          || !(items.get(0) instanceof Map<?, ?> item)
          || !(item.get("custom") instanceof Map<?, ?> custom)) {
        return Optional.empty();
      }
      Map<String, String> values = new LinkedHashMap<>();
      custom.forEach((name, value) -> values.put(String.valueOf(name), String.valueOf(value)));
      return Optional.of(new Placed(String.valueOf(item.get("title")), values));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      return Optional.empty();
    }
  }

  /** An activity the demo course designer placed. */
  public record Placed(String title, Map<String, String> custom) {}

  private static Map<String, String> withUnit(Map<String, String> custom, Person person) {
    Map<String, String> all = new LinkedHashMap<>(custom);
    all.put("org_unit_id", person.unitPath.substring(person.unitPath.lastIndexOf('/') + 1));
    all.put("org_unit_path", person.unitPath);
    all.put("org_unit_name", person.unitName);
    return all;
  }

  private static Map<String, String> custom(String messageHint) {
    Map<String, String> custom = new LinkedHashMap<>();
    if (messageHint == null) {
      return custom;
    }
    try {
      com.nimbusds.jose.util.JSONObjectUtils.parse(messageHint)
          .forEach((name, value) -> custom.put(name, String.valueOf(value)));
    } catch (ParseException e) {
      // a hint that is not JSON places no custom parameters
    }
    return custom;
  }

  private String sign(JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
