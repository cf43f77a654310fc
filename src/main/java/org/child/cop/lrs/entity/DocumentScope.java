package org.child.cop.lrs.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The documents a client addresses by everything but their id: one tenant's State of an activity
 * and agent, Activity Profile of an activity, or Agent Profile of an agent (its key, see {@code
 * AgentKeys}).
 */
public record DocumentScope(String tenant, DocumentKind kind, String activityId, String agentKey) {

  public DocumentScope {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(kind, "kind");
    boolean activityNeeded = kind != DocumentKind.AGENT_PROFILE;
    boolean agentNeeded = kind != DocumentKind.ACTIVITY_PROFILE;
    if (activityNeeded != (activityId != null) || agentNeeded != (agentKey != null)) {
      throw new IllegalArgumentException(kind + " documents are addressed by other parameters");
    }
  }

  public static DocumentScope state(String tenant, String activityId, String agentKey) {
    return new DocumentScope(tenant, DocumentKind.STATE, activityId, agentKey);
  }

  public static DocumentScope activityProfile(String tenant, String activityId) {
    return new DocumentScope(tenant, DocumentKind.ACTIVITY_PROFILE, activityId, null);
  }

  public static DocumentScope agentProfile(String tenant, String agentKey) {
    return new DocumentScope(tenant, DocumentKind.AGENT_PROFILE, null, agentKey);
  }

  /**
   * SHA-256 hex of kind, activity and agent key, which indexes stand on instead of IRIs of any
   * length. Neither kind nor an IRI contains a line break and the agent key comes last, so two
   * scopes never share the hashed text.
   */
  public String key() {
    String text =
        kind + "\n" + Objects.toString(activityId, "") + "\n" + Objects.toString(agentKey, "");
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
