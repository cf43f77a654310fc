package org.child.cop.statements;

import java.net.URI;

/**
 * The IRIs and keywords of the CHILD CoP xAPI profile ({@code xapi-profiles/child-cop.jsonld}) that
 * the tool emits. Statements keep these IRIs forever, so they live in one place and a test holds
 * them to the profile.
 */
public final class Vocabulary {

  /** The profile as a whole; documents and reports refer to it. */
  public static final URI PROFILE = URI.create("https://w3id.org/xapi/child-cop");

  /** What a statement puts in {@code context.contextActivities.category} to claim the profile. */
  public static final URI PROFILE_VERSION = URI.create("https://w3id.org/xapi/child-cop/v1.0");

  /** The activity type of the category activity that names a profile version (ADL). */
  public static final URI PROFILE_ACTIVITY_TYPE =
      URI.create("http://adlnet.gov/expapi/activities/profile");

  private static final String VERBS = PROFILE + "/verbs/";
  private static final String ACTIVITY_TYPES = PROFILE + "/activity-types/";
  private static final String EXTENSIONS = PROFILE + "/extensions/";

  private Vocabulary() {}

  /** Verbs, reused from ADL, Tin Can, Activity Streams and ACROSSX where they exist. */
  public enum Verb {
    JOINED("http://activitystrea.ms/join", "joined"),
    ASKED("http://adlnet.gov/expapi/verbs/asked", "asked"),
    ANSWERED("http://adlnet.gov/expapi/verbs/answered", "answered"),
    ACCEPTED("http://activitystrea.ms/accept", "accepted"),
    RATED("http://id.tincanapi.com/verb/rated", "rated"),
    VOTED_UP("http://id.tincanapi.com/verb/voted-up", "voted up"),
    APPLIED(VERBS + "applied", "applied"),
    INTERVIEWED("http://id.tincanapi.com/verb/interviewed", "interviewed"),
    POSTED("https://w3id.org/xapi/acrossx/verbs/posted", "posted"),
    ENDORSED(VERBS + "endorsed", "endorsed"),
    COMMITTED(VERBS + "committed", "committed");

    private final URI iri;
    private final String display;

    Verb(String iri, String display) {
      this.iri = URI.create(iri);
      this.display = display;
    }

    public URI iri() {
      return iri;
    }

    /** The English display of the verb in a statement. */
    public String display() {
      return display;
    }
  }

  /** Activity types of statement objects and context activities. */
  public enum ActivityType {
    COMMUNITY(ACTIVITY_TYPES + "community"),
    COMMUNITY_ACTIVITY(ACTIVITY_TYPES + "community-activity"),
    QUESTION("http://activitystrea.ms/question"),
    ANSWER(ACTIVITY_TYPES + "answer"),
    /** A strategic capability of the community, as the TLA competency type. */
    CAPABILITY("https://w3id.org/xapi/tla/activity-types/competency"),
    INTERVIEW(ACTIVITY_TYPES + "interview"),
    DISCOVERY(ACTIVITY_TYPES + "discovery"),
    DREAM(ACTIVITY_TYPES + "dream"),
    PROVOCATIVE_PROPOSITION(ACTIVITY_TYPES + "provocative-proposition"),
    COMMITMENT(ACTIVITY_TYPES + "commitment");

    private final URI iri;

    ActivityType(String iri) {
      this.iri = URI.create(iri);
    }

    public URI iri() {
      return iri;
    }
  }

  /** Where an extension goes in a statement. */
  public enum Place {
    CONTEXT,
    RESULT
  }

  /** Extensions; the profile gives each of ours a JSON Schema. */
  public enum Extension {
    ORG_UNIT(EXTENSIONS + "org-unit", Place.CONTEXT),
    /** The other person of a two-person act on xAPI 1.0.3 ({@code contextAgents} on 2.0). */
    COUNTERPART(EXTENSIONS + "counterpart", Place.CONTEXT),
    ACTIVITY_FORMAT(EXTENSIONS + "activity-format", Place.CONTEXT),
    PHASE(EXTENSIONS + "phase", Place.CONTEXT),
    ROLE(EXTENSIONS + "role", Place.CONTEXT),
    VALUE_CYCLE(EXTENSIONS + "value-cycle", Place.CONTEXT),
    DAYS_AFTER_ACTIVITY(EXTENSIONS + "days-after-activity", Place.CONTEXT),
    /** Reused from the TLA profile: when a commitment is due. */
    DUE_DATE("https://w3id.org/xapi/tla/extensions/due_date", Place.CONTEXT),
    MINUTES_SAVED(EXTENSIONS + "minutes-saved", Place.RESULT);

    private final URI iri;
    private final Place place;

    Extension(String iri, Place place) {
      this.iri = URI.create(iri);
      this.place = place;
    }

    public URI iri() {
      return iri;
    }

    public Place place() {
      return place;
    }
  }

  /** Keywords of the activity-format extension for the activities the tool runs now. */
  public enum ActivityFormat {
    ASK_THE_COMMUNITY("ask-the-community"),
    APPRECIATIVE_INQUIRY("appreciative-inquiry");

    private final String keyword;

    ActivityFormat(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  /** Keywords of the phase extension: the 4-D cycle of appreciative inquiry. */
  public enum Phase {
    DISCOVER("discover"),
    DREAM("dream"),
    DESIGN("design"),
    DESTINY("destiny");

    private final String keyword;

    Phase(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }

  /** Keywords of the role extension: the actor's role in the community at event time. */
  public enum Role {
    PARTICIPANT("participant"),
    CONTRIBUTOR("contributor"),
    FACILITATOR("facilitator"),
    CORE("core"),
    SPONSOR("sponsor");

    private final String keyword;

    Role(String keyword) {
      this.keyword = keyword;
    }

    public String keyword() {
      return keyword;
    }
  }
}
