package org.child.cop.identity.entity;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2-HMAC-SHA256 hash, stored as {@code pbkdf2-sha256$iterations$salt$hash} so that
 * the cost can be raised later without invalidating stored hashes.
 */
public final class PasswordHash {

  static final String ALGORITHM = "pbkdf2-sha256";
  static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;
  private final byte[] salt;
  private final byte[] hash;

  private PasswordHash(int iterations, byte[] salt, byte[] hash) {
    this.iterations = iterations;
    this.salt = salt;
    this.hash = hash;
  }

  public static PasswordHash of(char[] password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    return new PasswordHash(ITERATIONS, salt, derive(password, salt, ITERATIONS));
  }

  public static PasswordHash parse(String encoded) {
    String[] parts = encoded.split("\\$");
    if (parts.length != 4 || !ALGORITHM.equals(parts[0])) {
      throw new IllegalArgumentException("not a " + ALGORITHM + " hash");
    }
    Base64.Decoder base64 = Base64.getDecoder();
    return new PasswordHash(
        Integer.parseInt(parts[1]), base64.decode(parts[2]), base64.decode(parts[3]));
  }

  public boolean matches(char[] password) {
    return MessageDigest.isEqual(hash, derive(password, salt, iterations));
  }

  public String encoded() {
    Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
    return String.join(
        "$",
        ALGORITHM,
        Integer.toString(iterations),
        base64.encodeToString(salt),
        base64.encodeToString(hash));
  }

  private static byte[] derive(char[] password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    } finally {
      spec.clearPassword();
    }
  }

  @Override
  public String toString() {
    return ALGORITHM + " hash"; // never the hash itself in logs
  }
}
