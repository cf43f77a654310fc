package org.child.cop.lti.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.child.cop.lti.entity.Platform;
import org.child.cop.settings.ToolSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * LTI Dynamic Registration, the tool's side: the LMS opens {@code /lti/register} with its OpenID
 * configuration URL and a registration token; the tool reads the configuration, checks where it may
 * send requests, posts its registration with the token, and stores the platform under the (issuer,
 * client id) the answer gives, with Moodle's deployment and the scopes granted. Only hosts on the
 * allow-list are trusted at once; the others wait for an administrator.
 */
@ApplicationScoped
public class DynamicRegistrations {

  /** RFC 6750 b64token: what a bearer token may look like, so it cannot break the header. */
  private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");

  private static final int TOKEN_MAX_LENGTH = 8192;

  /**
   * Registrations from hosts off the allow-list are stored for an administrator to judge; past this
   * many waiting, more are refused, so a flood cannot bury the real ones.
   */
  static final int MAX_AWAITING_APPROVAL = 100;

  /** What was registered, for the page the LMS administrator sees. */
  public record Registered(
      Platform platform, String productName, Optional<String> deploymentId, URI registeredFrom) {}

  @Inject ToolSettings settings;
  @Inject Platforms platforms;
  @Inject RegistrationClient client;

  @Inject
  @ConfigProperty(name = "lti.registration.allowed-hosts")
  Optional<String> allowedHosts;

  private RegistrationAllowList allowList;
  private RegistrationTargets targets;

  @PostConstruct
  void configure() {
    try {
      allowList = RegistrationAllowList.parse(allowedHosts.orElse(""), settings.developmentMode());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    targets = RegistrationTargets.resolvingWithDns(settings.developmentMode());
  }

  /** A malformed allow-list stops the start, rather than the first registration. */
  void checkAtStart(@Observes @Initialized(ApplicationScoped.class) Object start) {
    // observing creates the bean, and creating it parses the list
    allowList.isEmpty();
  }

  public Registered register(String configurationParameter, String registrationToken) {
    if (blank(configurationParameter) || blank(registrationToken)) {
      throw RegistrationRefused.request(
          "The registration request needs both openid_configuration and registration_token."
              + " Start the registration from the LMS (in Moodle: Site administration → Plugins →"
              + " External tool → Manage tools; in Canvas: Developer Keys or Apps), which adds them.");
    }
    if (registrationToken.length() > TOKEN_MAX_LENGTH
        || !BEARER_TOKEN.matcher(registrationToken).matches()) {
      throw RegistrationRefused.request(
          "The registration_token is not a bearer token. Start the registration again from the"
              + " LMS.");
    }
    boolean development = settings.developmentMode();
    URI configurationUrl =
        checked(() -> targets.reachable(configurationParameter, "OpenID configuration URL"));
    URI shownAs = withoutQuery(configurationUrl);
    boolean trusted = allowList.admits(configurationUrl);
    if (!trusted && platforms.awaitingApproval() >= MAX_AWAITING_APPROVAL) {
      throw RegistrationRefused.tooMany(
          "Too many registrations await a CHILD CoP administrator's approval. Ask a CHILD CoP"
              + " administrator to approve or delete them, or to add your LMS's host to the"
              + " trusted hosts, then register again.",
          Duration.ofHours(1));
    }
    PlatformConfiguration configuration =
        checked(
            () -> PlatformConfiguration.from(client.configuration(configurationUrl, "" + shownAs)));
    URI issuer = checked(() -> PlatformUrls.check(configuration.issuer(), "issuer", development));
    checked(() -> RegistrationTargets.requireIssuerOfHost(configurationUrl, issuer));
    URI registrationEndpoint =
        checked(
            () -> targets.reachable(configuration.registrationEndpoint(), "registration endpoint"));
    checked(
        () ->
            RegistrationTargets.requireSameHost(
                configurationUrl, registrationEndpoint, "registration endpoint"));
    // the browser is sent to the authorization endpoint; the tool never calls it itself
    URI authorization =
        checked(
            () ->
                PlatformUrls.check(
                    configuration.authorizationEndpoint(), "authorization endpoint", development));
    URI token = checked(() -> targets.reachable(configuration.tokenEndpoint(), "token endpoint"));
    URI keys = checked(() -> targets.reachable(configuration.jwksUri(), "key set URL (jwks_uri)"));

    JsonObject answer =
        client.register(
            registrationEndpoint,
            registrationToken,
            ToolRegistration.of(settings.baseUrl(), configuration));

    String clientId =
        identifier(answer.get("client_id"))
            .orElseThrow(
                () ->
                    RegistrationRefused.platform(
                        "The platform accepted the registration but its answer has no client_id."
                            + " Remove the new tool from the LMS and register again, or register"
                            + " CHILD CoP by hand."));
    Optional<String> deploymentId =
        answer.get(ToolRegistration.TOOL_CONFIGURATION) instanceof JsonObject tool
            ? identifier(tool.get("deployment_id"))
            : Optional.empty();
    List<String> granted = granted(answer.get("scope"));
    Platform.Approval approval = trusted ? Platform.Approval.APPROVED : Platform.Approval.PENDING;
    Platform platform;
    try {
      platform =
          Platform.registeredDynamically(
              configuration.productName() + " at " + configurationUrl.getHost(),
              configuration.issuer(),
              clientId,
              authorization,
              token,
              keys,
              shownAs,
              granted,
              approval,
              Instant.now());
    } catch (IllegalArgumentException e) {
      throw RegistrationRefused.platform(
          "The platform's answer cannot be stored: " + e.getMessage() + ".");
    }
    try {
      platforms.registerDynamically(platform, deploymentId);
    } catch (Platforms.AlreadyRegistered e) {
      throw new RegistrationRefused(
          RegistrationRefused.Kind.DUPLICATE,
          "CHILD CoP already has a registration for issuer "
              + platform.issuer()
              + " with client id "
              + clientId
              + ", so this one was not stored. Remove the tool this registration just added to"
              + " the LMS; to replace the old registration, ask a CHILD CoP administrator to"
              + " delete it first and register again.");
    }
    return new Registered(platform, configuration.productName(), deploymentId, shownAs);
  }

  /** Only the scopes the tool asked for are kept: nothing else is ever used. */
  private static List<String> granted(JsonValue scope) {
    if (!(scope instanceof JsonString text)) {
      return List.of();
    }
    List<String> answered = Arrays.asList(text.getString().strip().split("\\s+"));
    return ToolRegistration.SCOPES.stream().filter(answered::contains).toList();
  }

  /** Identifiers are strings in the spec; some platforms write numbers. */
  private static Optional<String> identifier(JsonValue value) {
    if (value instanceof JsonString text && !text.getString().isBlank()) {
      return Optional.of(text.getString().strip());
    }
    if (value instanceof JsonNumber number) {
      return Optional.of(number.toString());
    }
    return Optional.empty();
  }

  /** The URL rules' refusals are the LMS's to fix: they become the request's refusal. */
  private static <T> T checked(Supplier<T> check) {
    try {
      return check.get();
    } catch (IllegalArgumentException refused) {
      String message = refused.getMessage();
      throw RegistrationRefused.request(
          Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".");
    }
  }

  private static void checked(Runnable check) {
    checked(
        () -> {
          check.run();
          return null;
        });
  }

  /**
   * Canvas may put the registration token in the configuration URL's query: what is logged, shown
   * and stored leaves the query out.
   */
  static URI withoutQuery(URI uri) {
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
