package org.child.cop.lti;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The roles a launch can give a person in the tool, read from LTI role URIs: context (membership)
 * roles and their sub-roles, institution and system roles, and the deprecated short names that some
 * platforms still send.
 */
public enum LtiRole {
  /** Takes part in community activities. */
  LEARNER,
  /** Runs activities and sees the community's dashboard (facilitator, community lead). */
  INSTRUCTOR,
  /** Places activities in courses through deep linking. */
  CONTENT_DEVELOPER,
  /** Administers the course, the institution or the platform. */
  ADMINISTRATOR;

  private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";
  private static final Map<String, LtiRole> ROLES =
      Map.ofEntries(
          Map.entry("membership#Learner", LEARNER),
          Map.entry("membership#Instructor", INSTRUCTOR),
          Map.entry("membership#ContentDeveloper", CONTENT_DEVELOPER),
          Map.entry("membership#Administrator", ADMINISTRATOR),
          Map.entry("institution/person#Student", LEARNER),
          Map.entry("institution/person#Learner", LEARNER),
          Map.entry("institution/person#Instructor", INSTRUCTOR),
          Map.entry("institution/person#Faculty", INSTRUCTOR),
          Map.entry("institution/person#Administrator", ADMINISTRATOR),
          Map.entry("system/person#Administrator", ADMINISTRATOR),
          Map.entry("system/person#SysAdmin", ADMINISTRATOR));

  /** Every tool role the given role URIs grant; unknown roles grant nothing. */
  public static Set<LtiRole> of(List<String> roleUris) {
    Set<LtiRole> roles = EnumSet.noneOf(LtiRole.class);
    for (String uri : roleUris) {
      LtiRole role = of(uri);
      if (role != null) {
        roles.add(role);
      }
    }
    return roles;
  }

  static LtiRole of(String uri) {
    String key;
    if (uri.startsWith(LIS)) {
      key = uri.substring(LIS.length());
    } else if (!uri.contains(":")) {
      key = "membership#" + uri; // the deprecated short form of a context role
    } else {
      return null;
    }
    if (key.startsWith("membership/")) {
      // a sub-role (membership/Instructor#TeachingAssistant) grants its principal role
      int hash = key.indexOf('#');
      key = "membership#" + key.substring("membership/".length(), hash < 0 ? key.length() : hash);
    }
    return ROLES.get(key);
  }
}
