package org.child.cop.lti.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.child.cop.lti.entity.KeySeal;
import org.child.cop.lti.entity.SealedKeyConverter;
import org.child.cop.lti.entity.ToolKey;
import org.child.cop.storage.SchemaWasMigrated;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tool's key pairs: one is created at first start, the newest in service signs, and a rotation
 * keeps the previous key published for an overlap so platforms' cached key sets still verify. All
 * state is in the database, so every instance signs with the same key.
 */
@ApplicationScoped
public class ToolKeys {

  private static final Logger LOG = Logger.getLogger(ToolKeys.class.getName());

  @PersistenceContext EntityManager em;

  @Inject
  @ConfigProperty(name = "lti.key-overlap", defaultValue = "P2D")
  Duration overlap;

  @Inject
  @ConfigProperty(name = "tool.dev-mode", defaultValue = "false")
  boolean devMode;

  private volatile String unreadable;

  /**
   * Seals keys stored before the operator set a seal secret, checks the stored keys can be opened,
   * and creates the first key. Two instances starting together may both create one; the newest then
   * signs for both.
   */
  @Transactional
  void createOnFirstStart(@Observes SchemaWasMigrated schema) {
    Optional<KeySeal> seal = SealedKeyConverter.seal();
    try {
      sealStoredKeys(seal);
    } catch (KeySeal.Refused refused) {
      unreadable = refused.getMessage();
      LOG.severe(
          () ->
              "The tool's LTI keys cannot be read: "
                  + unreadable
                  + ". Launches fail and readiness stays down until the setting is corrected and"
                  + " the tool restarted.");
      return;
    }
    unreadable = null;
    if (seal.isEmpty() && !devMode) {
      LOG.warning(
          "The tool's LTI private keys are stored unsealed in the database: set"
              + " LTI_KEY_SEAL_SECRET (at least "
              + KeySeal.MIN_SECRET_LENGTH
              + " random characters) so a copy of the database cannot sign as the tool.");
    }
    if (all().stream().noneMatch(ToolKey::signs)) {
      ToolKey key = ToolKey.generate(Instant.now());
      em.persist(key);
      LOG.info(() -> "Created the tool's first LTI signing key " + key.kid());
    }
  }

  /** Opens every stored key once, so a wrong secret shows at start, and seals the plain ones. */
  private void sealStoredKeys(Optional<KeySeal> seal) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("select kid, private_jwk from lti_tool_key").getResultList();
    // every sealed key opens before any plain one is sealed: a wrong secret changes nothing
    for (Object[] row : rows) {
      String stored = (String) row[1];
      if (KeySeal.isSealed(stored)) {
        seal.orElseThrow(
                () -> new KeySeal.Refused("they are sealed but LTI_KEY_SEAL_SECRET is not set"))
            .open(stored);
      }
    }
    int sealed = 0;
    for (Object[] row : rows) {
      String stored = (String) row[1];
      if (!KeySeal.isSealed(stored) && seal.isPresent()) {
        em.createNativeQuery("update lti_tool_key set private_jwk = ? where kid = ?")
            .setParameter(1, seal.get().seal(stored))
            .setParameter(2, row[0])
            .executeUpdate();
        sealed++;
      }
    }
    if (sealed > 0) {
      int count = sealed;
      LOG.info(
          () -> "Sealed " + count + " LTI tool keys stored before LTI_KEY_SEAL_SECRET was set");
    }
  }

  /** Why the stored keys cannot be read, when they cannot: readiness reports it. */
  public Optional<String> unreadable() {
    return Optional.ofNullable(unreadable);
  }

  public List<ToolKey> all() {
    return em.createNamedQuery(ToolKey.ALL, ToolKey.class).getResultList();
  }

  /** How long an instance reuses the keys it read: another instance's rotation shows this late. */
  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Snapshot(List<ToolKey> keys, Instant takenAt) {}

  private volatile Snapshot snapshot;

  /** The keys as read at most {@link #FRESH_FOR} ago; launches and pages read them constantly. */
  List<ToolKey> current() {
    Instant now = Instant.now();
    Snapshot known = snapshot;
    if (known == null || known.takenAt().plus(FRESH_FOR).isBefore(now)) {
      known = new Snapshot(List.copyOf(all()), now);
      snapshot = known;
    }
    return known.keys();
  }

  /**
   * The published key with this id, if any; a key made by another instance's rotation a moment ago
   * is found by reading the keys again.
   */
  public Optional<ToolKey> published(String kid) {
    Optional<ToolKey> found = publishedIn(current(), kid);
    if (found.isEmpty()) {
      snapshot = null;
      found = publishedIn(current(), kid);
    }
    return found;
  }

  private static Optional<ToolKey> publishedIn(List<ToolKey> keys, String kid) {
    Instant now = Instant.now();
    return keys.stream().filter(key -> key.kid().equals(kid) && key.isPublishedAt(now)).findFirst();
  }

  /**
   * The claims as an RS256 JWT under the signing key, with its kid: what platforms verify against
   * {@code /lti/jwks} (deep linking answers, client assertions).
   */
  public String sign(JWTClaimsSet claims) {
    ToolKey key = signingKey();
    try {
      SignedJWT jwt =
          new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.kid()).build(), claims);
      jwt.sign(new RSASSASigner(key.signingKey()));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException("the tool key cannot sign", e);
    }
  }

  /** The key that signs now: the newest one in service. */
  public ToolKey signingKey() {
    return current().stream()
        .filter(ToolKey::signs)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the tool has no signing key yet"));
  }

  /** The public halves of every key still published, for {@code /lti/jwks}. */
  public JWKSet publishedKeys() {
    Instant now = Instant.now();
    List<JWK> keys =
        current().stream()
            .filter(key -> key.isPublishedAt(now))
            .map(key -> (JWK) key.publicKey())
            .toList();
    return new JWKSet(keys);
  }

  @Transactional
  public ToolKey rotate() {
    Instant now = Instant.now();
    List<ToolKey> inService = all().stream().filter(ToolKey::signs).toList();
    inService.forEach(key -> key.retire(now, overlap));
    ToolKey fresh = ToolKey.generate(now);
    em.persist(fresh);
    snapshot = null;
    LOG.info(
        () ->
            "Rotated the LTI signing key to "
                + fresh.kid()
                + "; previous keys stay published for "
                + overlap);
    return fresh;
  }
}
