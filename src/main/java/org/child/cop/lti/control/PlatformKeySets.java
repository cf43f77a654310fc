package org.child.cop.lti.control;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.MalformedURLException;
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

  private record Source(String keysetUrl, JWKSource<SecurityContext> keys) {}

  private final Map<String, Source> byPlatform = new ConcurrentHashMap<>();

  public JWKSource<SecurityContext> of(RegisteredPlatform platform) {
    String url = platform.keysetUrl().toString();
    return byPlatform
        .compute(
            platform.id(),
            (id, known) -> known != null && known.keysetUrl().equals(url) ? known : build(url))
        .keys();
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
      return new Source(url, keys);
    } catch (MalformedURLException | java.net.URISyntaxException e) {
      throw new LaunchRefused("The platform's key set URL is not a URL: " + url);
    }
  }
}
