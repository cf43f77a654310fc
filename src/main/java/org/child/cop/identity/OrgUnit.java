package org.child.cop.identity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The organisational unit a member works in, as an id and its path of unit ids from the top of the
 * organisation down (the unit itself last), so reports can roll units up and a reorganisation does
 * not rewrite history. LTI carries no units: the LMS passes them as the custom parameters {@value
 * #ID_PARAMETER} and {@value #PATH_PARAMETER} (ids separated by {@code /}); a member whose unit no
 * source names is in {@link #UNASSIGNED}.
 */
public record OrgUnit(String id, List<String> path) {

  public static final String ID_PARAMETER = "org_unit_id";
  public static final String PATH_PARAMETER = "org_unit_path";

  /** Where members whose unit is not known yet are counted. */
  public static final OrgUnit UNASSIGNED = new OrgUnit("unassigned", List.of("unassigned"));

  private static final int MAX_LENGTH = 100;
  private static final int MAX_PATH_LENGTH = 1000;

  public OrgUnit {
    Objects.requireNonNull(id);
    path = List.copyOf(path);
    if (id.isBlank()
        || id.length() > MAX_LENGTH
        || path.isEmpty()
        || !path.get(path.size() - 1).equals(id)
        || path.stream().anyMatch(part -> part.isBlank() || part.contains("/"))) {
      throw new IllegalArgumentException(
          "an org unit needs an id that ends its path, and ids without '/'");
    }
  }

  /**
   * The unit the launch's custom parameters name; a path without the unit at its end gets it
   * appended, a unit without a path stands alone. Nothing usable: {@link #UNASSIGNED}.
   */
  public static OrgUnit fromCustomParameters(Map<String, String> custom) {
    String id = custom.getOrDefault(ID_PARAMETER, "").strip();
    if (id.isEmpty() || id.length() > MAX_LENGTH || id.startsWith("$") || id.contains("/")) {
      // "$Person..." is a substitution variable the LMS did not fill in; a '/' would make the
      // id a path: neither names a unit, and a launch must not fail over a parameter
      return UNASSIGNED;
    }
    List<String> path =
        Arrays.stream(custom.getOrDefault(PATH_PARAMETER, "").split("/"))
            .map(String::strip)
            .filter(part -> !part.isEmpty() && part.length() <= MAX_LENGTH)
            .filter(part -> !part.startsWith("$"))
            .collect(Collectors.toCollection(ArrayList::new));
    if (path.isEmpty() || !path.get(path.size() - 1).equals(id)) {
      path.add(id);
    }
    if (String.join("/", path).length() > MAX_PATH_LENGTH) {
      // more than the store keeps: the unit alone is still right, its place is not known
      return new OrgUnit(id, List.of(id));
    }
    return new OrgUnit(id, path);
  }
}
