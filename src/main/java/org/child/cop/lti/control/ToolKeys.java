package org.child.cop.lti.control;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
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

  /** Two instances starting together may both create one; the newest then signs for both. */
  @Transactional
  void createOnFirstStart(@Observes SchemaWasMigrated schema) {
    if (all().stream().noneMatch(ToolKey::signs)) {
      ToolKey key = ToolKey.generate(Instant.now());
      em.persist(key);
      LOG.info(() -> "Created the tool's first LTI signing key " + key.kid());
    }
  }

  public List<ToolKey> all() {
    return em.createNamedQuery(ToolKey.ALL, ToolKey.class).getResultList();
  }

  /** The key that signs now: the newest one in service. */
  public ToolKey signingKey() {
    return all().stream()
        .filter(ToolKey::signs)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the tool has no signing key yet"));
  }

  /** The public halves of every key still published, for {@code /lti/jwks}. */
  public JWKSet publishedKeys() {
    Instant now = Instant.now();
    List<JWK> keys =
        all().stream()
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
    LOG.info(
        () ->
            "Rotated the LTI signing key to "
                + fresh.kid()
                + "; previous keys stay published for "
                + overlap);
    return fresh;
  }
}
