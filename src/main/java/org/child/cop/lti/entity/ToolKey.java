package org.child.cop.lti.entity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One RSA key pair of the tool. It signs while it is the newest key in service; once rotated out it
 * is only published, until {@code unpublishAt}, then it is gone from the key set.
 */
@Entity
@Table(name = "lti_tool_key")
@NamedQuery(name = ToolKey.ALL, query = "select k from ToolKey k order by k.createdAt desc, k.kid")
public class ToolKey {

  public static final String ALL = "ToolKey.all";
  static final int KEY_SIZE = 2048;

  @Id private String kid;

  @Column(name = "public_jwk", nullable = false)
  private String publicJwk;

  @Column(name = "private_jwk", nullable = false)
  @Convert(converter = SealedKeyConverter.class)
  private String privateJwk;

  @Column(name = "created_at", nullable = false)
  private OffsetDateTime createdAt;

  @Column(name = "unpublish_at")
  private OffsetDateTime unpublishAt;

  protected ToolKey() {}

  private ToolKey(RSAKey pair, Instant now) {
    this.kid = pair.getKeyID();
    this.publicJwk = pair.toPublicJWK().toJSONString();
    this.privateJwk = pair.toJSONString();
    this.createdAt = now.atOffset(ZoneOffset.UTC);
  }

  /** A fresh RS256 signing key; its id is its RFC 7638 thumbprint, unique and stable. */
  public static ToolKey generate(Instant now) {
    try {
      RSAKey pair =
          new RSAKeyGenerator(KEY_SIZE)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.RS256)
              .keyIDFromThumbprint(true)
              .generate();
      return new ToolKey(pair, Objects.requireNonNull(now));
    } catch (JOSEException e) {
      throw new IllegalStateException("RSA key generation is part of every Java runtime", e);
    }
  }

  /** Stops signing with this key; it stays in the published key set for {@code overlap}. */
  public void retire(Instant now, Duration overlap) {
    if (unpublishAt == null) {
      unpublishAt = now.plus(overlap).atOffset(ZoneOffset.UTC);
    }
  }

  public boolean signs() {
    return unpublishAt == null;
  }

  public boolean isPublishedAt(Instant now) {
    return unpublishAt == null || now.isBefore(unpublishAt.toInstant());
  }

  public String kid() {
    return kid;
  }

  public Instant createdAt() {
    return createdAt.toInstant();
  }

  public Instant unpublishAt() {
    return unpublishAt == null ? null : unpublishAt.toInstant();
  }

  public RSAKey publicKey() {
    return parse(publicJwk);
  }

  // parsed once per loaded entity: signing is on every launch's path
  @Transient private transient RSAKey pair;
  @Transient private transient byte[] tokenSecret;

  /** The private key, for signing inside this package only. */
  public RSAKey signingKey() {
    if (pair == null) {
      pair = parse(privateJwk);
    }
    return pair;
  }

  /**
   * A 256-bit secret for tokens that only the tool itself reads (the launch tokens of its pages),
   * derived from this key's private part: every instance derives the same one from the shared
   * database, it never leaves the tool, and a rotation replaces it with the key. An HMAC costs a
   * microsecond where an RSA signature costs a millisecond or more.
   */
  public byte[] tokenSecret() {
    if (tokenSecret == null) {
      try {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update("CHILD CoP launch token secret, v1".getBytes(StandardCharsets.UTF_8));
        sha256.update(kid.getBytes(StandardCharsets.UTF_8));
        sha256.update(signingKey().getPrivateExponent().decode());
        tokenSecret = sha256.digest();
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
    return tokenSecret.clone();
  }

  private static RSAKey parse(String json) {
    try {
      return RSAKey.parse(json);
    } catch (ParseException e) {
      throw new IllegalStateException("a stored tool key is not a JWK", e);
    }
  }

  @Override
  public String toString() {
    return "ToolKey " + kid; // never the key material
  }
}
