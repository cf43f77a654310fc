package org.child.cop.xapi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The filters of a GET on the statements resource (without statementId, which {@link
 * XapiClient#get} serves). Null members are not sent.
 */
public record StatementQuery(
    Actor agent,
    String verb,
    String activity,
    UUID registration,
    boolean relatedActivities,
    boolean relatedAgents,
    Timestamp since,
    Timestamp until,
    Integer limit,
    boolean ascending) {

  public StatementQuery {
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
  }

  public static StatementQuery all() {
    return new StatementQuery(null, null, null, null, false, false, null, null, null, false);
  }

  public StatementQuery withAgent(Actor agent) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery withVerb(String verb) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery withActivity(String activity) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery withRegistration(UUID registration) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery includingRelatedActivities() {
    return new StatementQuery(
        agent, verb, activity, registration, true, relatedAgents, since, until, limit, ascending);
  }

  public StatementQuery includingRelatedAgents() {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        true,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery withSince(Timestamp since) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery withUntil(Timestamp until) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  /** At most this many statements per page (0 lets the LRS choose). */
  public StatementQuery withLimit(int limit) {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        ascending);
  }

  public StatementQuery oldestFirst() {
    return new StatementQuery(
        agent,
        verb,
        activity,
        registration,
        relatedActivities,
        relatedAgents,
        since,
        until,
        limit,
        true);
  }

  /** The query string, encoded, without the leading {@code ?}. */
  String toQueryString(XapiVersion version) {
    List<String> parameters = new ArrayList<>();
    if (agent != null) {
      parameters.add(parameter("agent", StatementJson.writeActor(agent, version).toString()));
    }
    if (verb != null) {
      parameters.add(parameter("verb", verb));
    }
    if (activity != null) {
      parameters.add(parameter("activity", activity));
    }
    if (registration != null) {
      parameters.add(parameter("registration", registration.toString()));
    }
    if (relatedActivities) {
      parameters.add("related_activities=true");
    }
    if (relatedAgents) {
      parameters.add("related_agents=true");
    }
    if (since != null) {
      parameters.add(parameter("since", since.text()));
    }
    if (until != null) {
      parameters.add(parameter("until", until.text()));
    }
    if (limit != null) {
      parameters.add("limit=" + limit);
    }
    if (ascending) {
      parameters.add("ascending=true");
    }
    return String.join("&", parameters);
  }

  private static String parameter(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
