package org.child.cop.activities.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.child.cop.activities.ActivityTemplate;

/** The activity templates course designers can place; each activity adds itself here. */
@ApplicationScoped
public class Catalogue {

  /** What a launch opens when its link names no activity (a link placed by hand in the LMS). */
  public static final String COMMUNITY_SPACE = "community-space";

  private static final List<ActivityTemplate> TEMPLATES =
      List.of(
          new ActivityTemplate(
              COMMUNITY_SPACE,
              "Community space",
              "The community's home in the course: who takes part and in which roles.",
              false));

  public List<ActivityTemplate> templates() {
    return TEMPLATES;
  }

  public Optional<ActivityTemplate> template(String id) {
    return TEMPLATES.stream().filter(template -> template.id().equals(id)).findFirst();
  }
}
