package org.child.cop.lrs.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.Actor;
import org.child.cop.xapi.Context;
import org.child.cop.xapi.ContextActivities;
import org.child.cop.xapi.ContextAgent;
import org.child.cop.xapi.ContextGroup;
import org.child.cop.xapi.Group;
import org.child.cop.xapi.Ifi;
import org.child.cop.xapi.Statement;
import org.child.cop.xapi.StatementObject;
import org.child.cop.xapi.SubStatement;

/**
 * The rows a statement gets in the link tables: every agent (by IFI key) and activity (by IRI key)
 * it names, with where it names them, so that {@code agent}, {@code activity} and the {@code
 * related_*} queries are index lookups.
 */
public record StatementLinks(Set<Link> agents, Set<Link> activities) {

  /** Longer keys are indexed by their hash, to stay within PostgreSQL's B-tree entry limit. */
  static final int LONGEST_KEY = 500;

  /** Where the {@code agent} parameter looks; {@code related_agents} looks everywhere. */
  public static final List<String> AGENT_USAGES = List.of("ACTOR", "OBJECT");

  /** Where the {@code activity} parameter looks; {@code related_activities} looks everywhere. */
  public static final List<String> ACTIVITY_USAGES = List.of("OBJECT");

  /** One link: an index key and where the statement names it. */
  public record Link(String key, String usage) {}

  public StatementLinks {
    agents = Set.copyOf(agents);
    activities = Set.copyOf(activities);
  }

  public static StatementLinks of(Statement statement) {
    Set<Link> agents = new LinkedHashSet<>();
    Set<Link> activities = new LinkedHashSet<>();
    parts(agents, activities, "", statement.actor(), statement.object(), statement.context());
    if (statement.authority() != null) {
      actor(agents, statement.authority(), "AUTHORITY");
    }
    if (statement.object() instanceof SubStatement sub) {
      parts(agents, activities, "SUB_", sub.actor(), sub.object(), sub.context());
    }
    return new StatementLinks(agents, activities);
  }

  private static void parts(
      Set<Link> agents,
      Set<Link> activities,
      String prefix,
      Actor actor,
      StatementObject object,
      Context context) {
    actor(agents, actor, prefix + "ACTOR");
    if (object instanceof Actor objectActor) {
      actor(agents, objectActor, prefix + "OBJECT");
    } else if (object instanceof Activity activity) {
      activities.add(new Link(activityKey(activity.id()), prefix + "OBJECT"));
    }
    if (context == null) {
      return;
    }
    if (context.instructor() != null) {
      actor(agents, context.instructor(), prefix + "INSTRUCTOR");
    }
    if (context.team() != null) {
      actor(agents, context.team(), prefix + "TEAM");
    }
    if (context.contextAgents() != null) {
      for (ContextAgent agent : context.contextAgents()) {
        actor(agents, agent.agent(), prefix + "CONTEXT_AGENT");
      }
    }
    if (context.contextGroups() != null) {
      for (ContextGroup group : context.contextGroups()) {
        actor(agents, group.group(), prefix + "CONTEXT_GROUP");
      }
    }
    ContextActivities related = context.contextActivities();
    if (related != null) {
      activities(activities, related.parent(), prefix + "PARENT");
      activities(activities, related.grouping(), prefix + "GROUPING");
      activities(activities, related.category(), prefix + "CATEGORY");
      activities(activities, related.other(), prefix + "OTHER");
    }
  }

  /** An actor and, for a group, its members, all with the usage of the actor. */
  private static void actor(Set<Link> agents, Actor actor, String usage) {
    actor.identifier().ifPresent(ifi -> agents.add(new Link(agentKey(ifi), usage)));
    if (actor instanceof Group group) {
      group.memberList().forEach(member -> agents.add(new Link(agentKey(member.ifi()), usage)));
    }
  }

  private static void activities(Set<Link> links, List<Activity> activities, String usage) {
    if (activities != null) {
      activities.forEach(activity -> links.add(new Link(activityKey(activity.id()), usage)));
    }
  }

  /**
   * The canonical key of an IFI ({@link AgentKeys}, the documents' convention too), made short
   * enough to index: agents and identified groups are the same when their IFIs are.
   */
  public static String agentKey(Ifi ifi) {
    return indexable(AgentKeys.of(ifi));
  }

  public static String activityKey(String iri) {
    return indexable(iri);
  }

  public static String verbKey(String iri) {
    return indexable(iri);
  }

  static String indexable(String key) {
    if (key.length() <= LONGEST_KEY) {
      return key;
    }
    try {
      return "sha256:"
          + java.util.HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
