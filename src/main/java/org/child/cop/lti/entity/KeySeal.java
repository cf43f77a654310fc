package org.child.cop.lti.entity;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the tool's private keys before they reach the database: AES-256-GCM under a key derived
 * from a secret the operator keeps outside it ({@code LTI_KEY_SEAL_SECRET}). A copy of the database
 * (a backup, a read replica, a dump attached to a ticket) then cannot sign launches' answers or
 * service requests as the tool.
 */
public final class KeySeal {

  /** What a sealed value starts with; the version lets a later scheme open older rows. */
  static final String PREFIX = "sealed:v1:";

  public static final int MIN_SECRET_LENGTH = 32;

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  // the secret is meant to be random; the derivation's cost guards a weak one, paid once per start
  private static final int ITERATIONS = 210_000;
  private static final byte[] SALT =
      "CHILD CoP LTI tool key seal, v1".getBytes(StandardCharsets.UTF_8);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String secret;
  private final SecretKeySpec key;

  KeySeal(String secret) {
    if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
      throw new Refused(
          "LTI_KEY_SEAL_SECRET must have at least "
              + MIN_SECRET_LENGTH
              + " characters (for example the output of: openssl rand -base64 32)");
    }
    try {
      byte[] derived =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(secret.toCharArray(), SALT, ITERATIONS, 256))
              .getEncoded();
      this.key = new SecretKeySpec(derived, "AES");
      this.secret = secret;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has PBKDF2WithHmacSHA256", e);
    }
  }

  private static volatile KeySeal lastMade;

  /** The seal for this secret, derived once per process however many readers need it. */
  public static KeySeal of(String secret) {
    KeySeal known = lastMade;
    if (known == null || !known.secret.equals(secret)) {
      known = new KeySeal(secret);
      lastMade = known;
    }
    return known;
  }

  public static boolean isSealed(String stored) {
    return stored != null && stored.startsWith(PREFIX);
  }

  public String seal(String plain) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, iv).apply(plain.getBytes(StandardCharsets.UTF_8));
    byte[] out = Arrays.copyOf(iv, IV_BYTES + sealed.length);
    System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
    return PREFIX + Base64.getEncoder().encodeToString(out);
  }

  public String open(String stored) {
    if (!isSealed(stored)) {
      throw new IllegalArgumentException("not a sealed value");
    }
    byte[] in;
    try {
      in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new Refused("a sealed tool key in the database is damaged");
    }
    if (in.length <= IV_BYTES) {
      throw new Refused("a sealed tool key in the database is damaged");
    }
    byte[] plain =
        cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(in, IV_BYTES))
            .apply(Arrays.copyOfRange(in, IV_BYTES, in.length));
    return new String(plain, StandardCharsets.UTF_8);
  }

  private interface Step {
    byte[] apply(byte[] input);
  }

  private Step cipher(int mode, byte[] iv) {
    return input -> {
      try {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(PREFIX.getBytes(StandardCharsets.US_ASCII));
        return cipher.doFinal(input);
      } catch (AEADBadTagException e) {
        throw new Refused(
            "the tool's LTI keys were sealed with another LTI_KEY_SEAL_SECRET than the one set now,"
                + " or were altered in the database");
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("every Java platform has AES-GCM", e);
      }
    };
  }

  /** The keys cannot be sealed or opened as configured; the message tells the operator why. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }
}
