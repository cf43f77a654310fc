package org.child.cop.identity.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionalException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.child.cop.identity.entity.AdministratorCredential;
import org.child.cop.storage.SchemaWasMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The administrator credential: taken from {@code ADMIN_PASSWORD} when it is set, otherwise
 * generated at first start, stored hashed and printed once. Every check goes through the throttle.
 */
@ApplicationScoped
public class AdministratorCredentials {

  private static final Logger LOG = Logger.getLogger(AdministratorCredentials.class.getName());
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject
  @ConfigProperty(name = "admin.password")
  Optional<String> passwordFromEnvironment;

  @Inject
  @ConfigProperty(name = "admin.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "admin.sign-in.lockout", defaultValue = "PT15M")
  Duration lockout;

  @Inject AdministratorCredentialStore store;

  private AdministratorCredential fromEnvironment;
  private SignInThrottle throttle;
  private volatile boolean storeReady;

  @PostConstruct
  void init() {
    throttle = new SignInThrottle(maxFailures, lockout, Clock.systemUTC());
    passwordFromEnvironment.ifPresent(
        password -> {
          try {
            fromEnvironment = new AdministratorCredential(password.toCharArray(), Instant.now());
            LOG.info("Administrator credential is taken from ADMIN_PASSWORD");
          } catch (IllegalArgumentException tooShort) {
            LOG.severe(
                "ADMIN_PASSWORD is refused ("
                    + tooShort.getMessage()
                    + "): administrator sign-in stays closed until it is fixed");
          }
        });
  }

  /** Creates and prints the credential on the first start against an empty database. */
  void createOnFirstStart(@Observes SchemaWasMigrated schema) {
    if (passwordFromEnvironment.isPresent()) {
      return;
    }
    if (store.find().isEmpty()) {
      String password = generatePassword();
      try {
        store.store(new AdministratorCredential(password.toCharArray(), Instant.now()));
        announce(password);
      } catch (PersistenceException | TransactionalException failure) {
        if (store.find().isEmpty()) {
          throw new IllegalStateException(
              "The administrator credential could not be stored", failure);
        }
        LOG.info("Another instance created the administrator credential first");
      }
    }
    storeReady = true;
  }

  public SignIn signIn(String address, String user, char[] password) {
    Optional<Duration> wait = throttle.lockedOut(address);
    if (wait.isPresent()) {
      return new SignIn.LockedOut(wait.get());
    }
    Optional<AdministratorCredential> credential = current();
    if (credential.isEmpty()) {
      return new SignIn.Unavailable();
    }
    if (credential.get().admits(user, password)) {
      throttle.succeeded(address);
      return new SignIn.Admitted();
    }
    return new SignIn.Refused(throttle.failed(address), throttle.maxFailures());
  }

  public boolean isFromEnvironment() {
    return passwordFromEnvironment.isPresent();
  }

  public void changePassword(char[] password) {
    if (isFromEnvironment()) {
      throw new IllegalStateException("the administrator password is set by ADMIN_PASSWORD");
    }
    store.changePassword(password);
    LOG.info("Administrator password changed");
  }

  public Duration lockout() {
    return throttle.lockout();
  }

  private Optional<AdministratorCredential> current() {
    if (isFromEnvironment()) {
      return Optional.ofNullable(fromEnvironment);
    }
    return storeReady ? store.find() : Optional.empty();
  }

  static String generatePassword() {
    byte[] secret = new byte[24];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /**
   * The only place a secret reaches the console, once, by design: whoever starts the tool first
   * needs it, and only its hash is kept.
   */
  private static void announce(String password) {
    System.out.println(
        """

        ==================================================================
         CHILD CoP administrator credential (shown once, stored hashed)
           user:     %s
           password: %s
         Change it at PUT /api/admin/credential, or set ADMIN_PASSWORD.
        ==================================================================
        """
            .formatted(AdministratorCredential.USERNAME, password));
  }
}
