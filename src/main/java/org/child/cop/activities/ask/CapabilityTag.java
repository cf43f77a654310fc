package org.child.cop.activities.ask;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * A strategic capability a question is tagged with. Its id is derived from the community and the
 * tag's words (case and spacing aside), so the same tag is the same capability in every statement
 * of the community.
 */
public record CapabilityTag(UUID id, String name) {

  public CapabilityTag {
    Objects.requireNonNull(id);
    Objects.requireNonNull(name);
  }

  public static CapabilityTag of(String communityId, String tag) {
    String words = tag.strip().replaceAll("\\s+", " ");
    return new CapabilityTag(
        UUID.nameUUIDFromBytes(
            ("capability\n" + communityId + "\n" + words.toLowerCase(Locale.ROOT))
                .getBytes(StandardCharsets.UTF_8)),
        words);
  }
}
