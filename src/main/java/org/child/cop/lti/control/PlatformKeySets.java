package org.child.cop.lti.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
import java.security.Key;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each platform's public keys, fetched from its key-set URL and cached: an unknown {@code kid}
 * triggers one refetch (rate limited, so forged kids cannot hammer the platform), and a short
 * outage of the platform's endpoint does not stop launches signed with known keys.
 */
@ApplicationScoped
public class PlatformKeySets {

  private static final int TIMEOUT_MILLIS = 3_000;
  private static final int SIZE_LIMIT_BYTES = 256 * 1024;

  private record Source(String keysetUrl, ConvertedOnce selector) {}

  private final Map<String, Source> byPlatform = new ConcurrentHashMap<>();

  /**
   * Selects the platform's keys for an RS256 id_token, as nimbus's selector does; its {@code
   * getJWKSource()} is the platform's key set.
   */
  public JWSVerificationKeySelector<SecurityContext> selectorOf(RegisteredPlatform platform) {
    String url = platform.keysetUrl().toString();
    return byPlatform
        .compute(
            platform.id(),
            (id, known) -> known != null && known.keysetUrl().equals(url) ? known : build(url))
        .selector();
  }

  private static Source build(String url) {
    try {
      JWKSource<SecurityContext> keys =
          JWKSourceBuilder.<SecurityContext>create(
                  new java.net.URI(url).toURL(),
                  new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS, SIZE_LIMIT_BYTES))
              .cache(15 * 60_000L, TIMEOUT_MILLIS)
              .rateLimited(30_000L)
              .outageTolerant(60 * 60_000L)
              .build();
      return new Source(url, new ConvertedOnce(keys));
    } catch (MalformedURLException | java.net.URISyntaxException e) {
      throw new LaunchRefused("The platform's key set URL is not a URL: " + url);
    }
  }

  /**
   * nimbus's {@link JWSVerificationKeySelector} with each platform key turned into a Java key once:
   * nimbus converts every matching JWK on every launch (a {@code KeyFactory} per key), although a
   * platform's keys change only when its key set does. Keys are matched exactly as nimbus matches
   * them, so a refetched key set with other keys yields other keys.
   */
  static final class ConvertedOnce extends JWSVerificationKeySelector<SecurityContext> {

    /** A platform publishes a handful of keys; more than this means keys were rotated often. */
    private static final int REMEMBERED = 32;

    private final Map<RSAKey, Key> converted = new ConcurrentHashMap<>();

    ConvertedOnce(JWKSource<SecurityContext> keys) {
      super(JWSAlgorithm.RS256, keys);
    }

    @Override
    public List<Key> selectJWSKeys(JWSHeader header, SecurityContext context)
        throws KeySourceException {
      JWKMatcher matcher = isAllowed(header.getAlgorithm()) ? createJWKMatcher(header) : null;
      if (matcher == null) {
        return List.of();
      }
      List<Key> keys = new ArrayList<>(2);
      for (JWK jwk : getJWKSource().get(new JWKSelector(matcher), context)) {
        if (jwk instanceof RSAKey rsa) {
          if (converted.size() >= REMEMBERED) {
            converted.clear();
          }
          // as nimbus: a key that is not a valid RSA key (null here) verifies nothing
          Key key = converted.computeIfAbsent(rsa, ConvertedOnce::publicKey);
          if (key != null) {
            keys.add(key);
          }
        }
      }
      return keys;
    }

    private static Key publicKey(RSAKey rsa) {
      try {
        return rsa.toRSAPublicKey();
      } catch (JOSEException e) {
        return null;
      }
    }
  }
}
