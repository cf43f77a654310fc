package org.child.cop.xapi;

import java.util.List;

/**
 * Activities that give a statement context, by relation. A single activity written as an object
 * (allowed by 1.0.3) is read as a one-element list and written back as an array, as the
 * specification requires an LRS to return it.
 */
public record ContextActivities(
    List<Activity> parent, List<Activity> grouping, List<Activity> category, List<Activity> other) {

  public ContextActivities {
    parent = parent == null ? null : List.copyOf(parent);
    grouping = grouping == null ? null : List.copyOf(grouping);
    category = category == null ? null : List.copyOf(category);
    other = other == null ? null : List.copyOf(other);
  }

  public static ContextActivities none() {
    return new ContextActivities(null, null, null, null);
  }

  public ContextActivities withParent(Activity... activities) {
    return new ContextActivities(List.of(activities), grouping, category, other);
  }

  public ContextActivities withGrouping(Activity... activities) {
    return new ContextActivities(parent, List.of(activities), category, other);
  }

  public ContextActivities withCategory(Activity... activities) {
    return new ContextActivities(parent, grouping, List.of(activities), other);
  }

  public ContextActivities withOther(Activity... activities) {
    return new ContextActivities(parent, grouping, category, List.of(activities));
  }
}
