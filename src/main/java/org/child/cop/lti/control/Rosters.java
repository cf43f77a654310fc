package org.child.cop.lti.control;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.child.cop.lti.LtiRole;
import org.child.cop.lti.RosterEntry;
import org.child.cop.lti.RosterWasRead;
import org.child.cop.lti.entity.Platform;

/**
 * Reads a course context's roster from the platform's Names and Role Provisioning Service, page by
 * page as its {@code Link: rel="next"} headers lead, and turns the members into plain entries.
 */
@ApplicationScoped
public class Rosters {

  static final String SCOPE =
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
  static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";

  /** A guard against a platform that links pages in a circle or without end. */
  static final int MAX_PAGES = 200;

  private static final Pattern REL =
      Pattern.compile("(?i);\\s*rel\\s*=\\s*(?:\"([^\"]*)\"|([^;,\\s]+))");

  @Inject PlatformServices services;

  /** Every page of the roster at the memberships URL; fails if any page fails. */
  RosterWasRead read(Platform platform, String contextId, URI membershipsUrl) {
    List<RosterEntry> entries = new ArrayList<>();
    Set<URI> visited = new HashSet<>();
    URI page = services.serviceUrl(membershipsUrl.toString(), "memberships URL");
    while (page != null) {
      if (!visited.add(page) || visited.size() > MAX_PAGES) {
        throw ServiceCallFailed.permanent(
            "The roster's pages do not end (" + visited.size() + " pages read)");
      }
      HttpResponse<String> response =
          services.call(
              platform,
              Set.of(SCOPE),
              HttpRequest.newBuilder(page).header("Accept", MEDIA_TYPE).GET(),
              "memberships service");
      if (response.statusCode() != 200) {
        throw ServiceCallFailed.answered(response.statusCode(), "memberships service");
      }
      entries.addAll(entries(platform.issuer(), response.body()));
      URI current = page;
      page =
          nextPage(response.headers().allValues("Link"), current)
              .map(next -> sameHost(next, current))
              .orElse(null);
    }
    return new RosterWasRead(platform.id(), contextId, entries, true);
  }

  /** Only pages on the host that served the first one are followed. */
  private URI sameHost(URI next, URI current) {
    URI checked = services.serviceUrl(next.toString(), "roster's next page");
    if (!checked.getScheme().equalsIgnoreCase(current.getScheme())
        || !checked.getHost().equalsIgnoreCase(current.getHost())
        || checked.getPort() != current.getPort()) {
      throw ServiceCallFailed.permanent(
          "The roster's next page is on another host: " + checked.getHost());
    }
    return checked;
  }

  /** The {@code rel="next"} target among the Link headers, resolved against the page's URL. */
  static Optional<URI> nextPage(List<String> linkHeaders, URI current) {
    for (String header : linkHeaders) {
      int open = header.indexOf('<');
      while (open >= 0) {
        int close = header.indexOf('>', open);
        if (close < 0) {
          break;
        }
        int following = header.indexOf('<', close);
        String parameters =
            header.substring(close + 1, following < 0 ? header.length() : following);
        Matcher rel = REL.matcher(parameters);
        while (rel.find()) {
          String names = rel.group(1) != null ? rel.group(1) : rel.group(2);
          for (String name : names.trim().split("\\s+")) {
            if ("next".equalsIgnoreCase(name)) {
              try {
                return Optional.of(current.resolve(header.substring(open + 1, close).trim()));
              } catch (IllegalArgumentException e) {
                throw ServiceCallFailed.permanent("The roster's next page is not a URL");
              }
            }
          }
        }
        open = following;
      }
    }
    return Optional.empty();
  }

  /**
   * The members of one page of a membership container, as Moodle and Canvas shape them: {@code
   * user_id} is the subject the person's launches carry; without one, a member is skipped.
   */
  static List<RosterEntry> entries(String issuer, String body) {
    Map<String, Object> container;
    try {
      container = JSONObjectUtils.parse(body);
    } catch (ParseException e) {
      throw ServiceCallFailed.retryable("The memberships service answered with no JSON object");
    }
    if (!(container.get("members") instanceof List<?> members)) {
      throw ServiceCallFailed.retryable("The memberships service answered with no members list");
    }
    List<RosterEntry> entries = new ArrayList<>();
    for (Object item : members) {
      if (!(item instanceof Map<?, ?> member)
          || !(member.get("user_id") instanceof String subject)
          || subject.isBlank()
          || subject.length() > 255) {
        continue;
      }
      List<String> roles = new ArrayList<>();
      if (member.get("roles") instanceof List<?> listed) {
        listed.stream()
            .filter(String.class::isInstance)
            .map(String.class::cast)
            .forEach(roles::add);
      }
      String status = member.get("status") instanceof String s ? s : "Active";
      entries.add(
          new RosterEntry(
              issuer,
              subject,
              member.get("name") instanceof String name ? name : null,
              LtiRole.of(roles),
              "Active".equalsIgnoreCase(status)));
    }
    return entries;
  }
}
