package org.child.cop.activities.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.child.cop.activities.ActivityTemplate;
import org.child.cop.activities.ask.control.AskTheCommunity;

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
              false),
          new ActivityTemplate(
              AskTheCommunity.TEMPLATE,
              "Ask the community",
              "Members ask for help, colleagues from any unit answer; the asker accepts the"
                  + " answer that helped, rates it and says how many minutes it saved, and a"
                  + " month on whether they applied it. Graded: asking or answering counts as"
                  + " taking part.",
              true));

  public List<ActivityTemplate> templates() {
    return TEMPLATES;
  }

  public Optional<ActivityTemplate> template(String id) {
    return TEMPLATES.stream().filter(template -> template.id().equals(id)).findFirst();
  }
}
