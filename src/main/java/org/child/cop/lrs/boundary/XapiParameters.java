package org.child.cop.lrs.boundary;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Agent;
import org.child.cop.xapi.StatementJson;
import org.child.cop.xapi.Syntax;
import org.child.cop.xapi.Timestamp;
import org.child.cop.xapi.XapiValidationException;

/**
 * The query parameters of an xAPI request, turned into values or refused with a 400 that names the
 * parameter. The specification makes an LRS refuse parameters it does not know, including known
 * ones spelled in another case.
 */
final class XapiParameters {

  static final int LONGEST_ID = 255;
  static final int LONGEST_IRI = 2048;

  private final Map<String, String> values;

  private XapiParameters(Map<String, String> values) {
    this.values = values;
  }

  static XapiParameters of(MultivaluedMap<String, String> query, Set<String> known) {
    Map<String, String> values = new HashMap<>();
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      String name = parameter.getKey();
      if (!known.contains(name)) {
        throw new InvalidParameter(
            "Unknown parameter "
                + cut(name)
                + ": this resource takes "
                + String.join(", ", new TreeSet<>(known))
                + " (names are case-sensitive).");
      }
      if (parameter.getValue().size() != 1) {
        throw new InvalidParameter("Send the parameter " + name + " once.");
      }
      values.put(name, parameter.getValue().get(0));
    }
    return new XapiParameters(values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  /** The Activity id: an absolute IRI. */
  String activityId() {
    String id = required("activityId");
    try {
      Activity.of(id);
    } catch (XapiValidationException e) {
      throw new InvalidParameter("activityId must be an absolute IRI, not '" + cut(id) + "'.");
    }
    if (id.length() > LONGEST_IRI) {
      throw new InvalidParameter(
          "activityId is longer than " + LONGEST_IRI + " characters, which this LRS stores.");
    }
    return id;
  }

  /** The Agent as JSON: exactly one identifier, never a Group. */
  Agent agent() {
    String json = required("agent");
    try {
      return StatementJson.readAgent(json);
    } catch (XapiValidationException e) {
      throw new InvalidParameter(
          "agent must be an Agent as JSON with exactly one of mbox, mbox_sha1sum, openid or"
              + " account: "
              + e.getMessage());
    }
  }

  /** The registration, if given: a UUID. */
  Optional<UUID> registration() {
    return optional("registration")
        .map(
            text -> {
              if (!Syntax.isUuid(text)) {
                throw new InvalidParameter("registration must be a UUID, not '" + cut(text) + "'.");
              }
              return UUID.fromString(text);
            });
  }

  /** The {@code since} timestamp, if given: ISO 8601 with a zone (or UTC). */
  Optional<Instant> since() {
    return optional("since")
        .map(
            text -> {
              try {
                return new Timestamp(text).instant();
              } catch (XapiValidationException e) {
                throw new InvalidParameter(
                    "since must be an ISO 8601 timestamp such as 2026-11-27T10:15:30Z, not '"
                        + cut(text)
                        + "'.");
              }
            });
  }

  /** A stateId or profileId: any text the client chose, up to the length this LRS keeps. */
  Optional<String> documentId(String name) {
    Optional<String> id = optional(name);
    id.ifPresent(
        text -> {
          if (text.isEmpty()) {
            throw new InvalidParameter(name + " must not be empty.");
          }
          if (text.length() > LONGEST_ID) {
            throw new InvalidParameter(
                name + " is longer than " + LONGEST_ID + " characters, which this LRS stores.");
          }
        });
    return id;
  }

  String requiredDocumentId(String name) {
    return documentId(name)
        .orElseThrow(() -> new InvalidParameter("The parameter " + name + " is required."));
  }

  private Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  private String required(String name) {
    return optional(name)
        .orElseThrow(() -> new InvalidParameter("The parameter " + name + " is required."));
  }

  private static String cut(String text) {
    return text.length() <= 60 ? text : text.substring(0, 57) + "...";
  }
}
