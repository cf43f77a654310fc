package org.child.cop.lti.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.child.cop.lti.entity.Platform;

/**
 * The platform registrations as logins and launches read them, each read from the database at most
 * once every {@link #FRESH_FOR}: every step of every launch needs its platform, and all launches
 * from one LMS need the same row. A change made on this instance (a platform disabled or deleted, a
 * deployment blocked) counts from its commit; one made on another instance sharing the database is
 * seen here within {@link #FRESH_FOR}, the longest a disabled platform may still launch here.
 */
@ApplicationScoped
public class RegisteredPlatforms {

  static final Duration FRESH_FOR = Duration.ofSeconds(5);

  private record Read<T>(T value, long atNanos) {
    boolean fresh() {
      return System.nanoTime() - atNanos < FRESH_FOR.toNanos();
    }
  }

  private record IssuerAndClient(String issuer, String clientId) {}

  // only platforms that exist are kept, so requests naming unknown ones cannot fill the maps
  private final Map<String, Read<RegisteredPlatform>> byId = new ConcurrentHashMap<>();
  private final Map<IssuerAndClient, Read<List<RegisteredPlatform>>> byIssuer =
      new ConcurrentHashMap<>();

  /** Counts changes, so that a read begun before a change is not kept after it. */
  private final AtomicLong changes = new AtomicLong();

  @PersistenceContext EntityManager em;

  public Optional<RegisteredPlatform> byId(String id) {
    Read<RegisteredPlatform> known = byId.get(id);
    if (known != null && known.fresh()) {
      return Optional.of(known.value());
    }
    long before = changes.get();
    Optional<RegisteredPlatform> read =
        Optional.ofNullable(em.find(Platform.class, id)).map(RegisteredPlatform::of);
    read.ifPresent(platform -> keep(byId, id, platform, before));
    return read;
  }

  /** The platforms with this issuer and, unless it is null or blank, this client id. */
  public List<RegisteredPlatform> byIssuer(String issuer, String clientId) {
    IssuerAndClient key =
        new IssuerAndClient(issuer, clientId == null || clientId.isBlank() ? null : clientId);
    Read<List<RegisteredPlatform>> known = byIssuer.get(key);
    if (known != null && known.fresh()) {
      return known.value();
    }
    long before = changes.get();
    List<RegisteredPlatform> read =
        (key.clientId() == null
                ? em.createNamedQuery(Platform.BY_ISSUER, Platform.class)
                    .setParameter("issuer", issuer)
                : em.createNamedQuery(Platform.BY_ISSUER_AND_CLIENT, Platform.class)
                    .setParameter("issuer", issuer)
                    .setParameter("clientId", key.clientId()))
            .getResultStream()
            .map(RegisteredPlatform::of)
            .toList();
    if (!read.isEmpty()) {
      keep(byIssuer, key, read, before);
    }
    return read;
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PlatformWasChanged change) {
    changes.incrementAndGet();
    byId.clear();
    byIssuer.clear();
  }

  /** Keeps what was read, unless a change committed since the read began. */
  private <K, V> void keep(Map<K, Read<V>> map, K key, V value, long changesBefore) {
    Read<V> read = new Read<>(value, System.nanoTime());
    map.put(key, read);
    if (changes.get() != changesBefore) {
      map.remove(key, read);
    }
  }
}
