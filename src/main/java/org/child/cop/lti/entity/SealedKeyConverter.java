package org.child.cop.lti.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Seals a private key on its way into the database and opens it on its way out, when the operator
 * set {@code lti.key-seal-secret}; without it keys are stored as they are (development, or until
 * the secret is set: the next start seals them). The entity only ever holds the plain key, in
 * memory.
 */
@Converter
public class SealedKeyConverter implements AttributeConverter<String, String> {

  @Override
  public String convertToDatabaseColumn(String plain) {
    return plain == null ? null : seal().map(sealing -> sealing.seal(plain)).orElse(plain);
  }

  @Override
  public String convertToEntityAttribute(String stored) {
    if (!KeySeal.isSealed(stored)) {
      if (stored != null && seal().isPresent()) {
        // start-up sealed every key stored before the secret was set: a plain one now was put
        // there by hand, or by an instance started without the secret
        throw new KeySeal.Refused(
            "a tool key is stored unsealed although LTI_KEY_SEAL_SECRET is set; start every"
                + " instance with the secret");
      }
      return stored;
    }
    return seal()
        .orElseThrow(
            () ->
                new KeySeal.Refused(
                    "the tool's LTI keys are sealed but LTI_KEY_SEAL_SECRET is not set"))
        .open(stored);
  }

  /** The seal as configured now; none without the setting. */
  public static Optional<KeySeal> seal() {
    return ConfigProvider.getConfig(SealedKeyConverter.class.getClassLoader())
        .getOptionalValue("lti.key-seal-secret", String.class)
        .filter(secret -> !secret.isBlank())
        .map(KeySeal::of);
  }
}
