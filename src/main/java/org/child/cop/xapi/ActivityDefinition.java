package org.child.cop.xapi;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an activity is: name, description, type, more information, extensions, and for interactions
 * (questions) the interaction type, correct responses and component lists.
 */
public record ActivityDefinition(
    LanguageMap name,
    LanguageMap description,
    String type,
    String moreInfo,
    InteractionType interactionType,
    List<String> correctResponsesPattern,
    List<InteractionComponent> choices,
    List<InteractionComponent> scale,
    List<InteractionComponent> source,
    List<InteractionComponent> target,
    List<InteractionComponent> steps,
    Extensions extensions) {

  public ActivityDefinition {
    correctResponsesPattern = copy(correctResponsesPattern);
    choices = copy(choices);
    scale = copy(scale);
    source = copy(source);
    target = copy(target);
    steps = copy(steps);
    Violations violations = new Violations();
    Syntax.requireIri(violations, type, "type");
    if (moreInfo != null) {
      violations.require(Syntax.isAbsoluteIri(moreInfo), "moreInfo", "must be an absolute IRL");
    }
    if (interactionType == null) {
      onlyWithInteractionType(violations, "correctResponsesPattern", correctResponsesPattern);
      onlyWithInteractionType(violations, "choices", choices);
      onlyWithInteractionType(violations, "scale", scale);
      onlyWithInteractionType(violations, "source", source);
      onlyWithInteractionType(violations, "target", target);
      onlyWithInteractionType(violations, "steps", steps);
    }
    distinctIds(violations, "choices", choices);
    distinctIds(violations, "scale", scale);
    distinctIds(violations, "source", source);
    distinctIds(violations, "target", target);
    distinctIds(violations, "steps", steps);
    violations.throwIfAny();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The common case: a typed activity with a name. */
  public static ActivityDefinition of(String type, LanguageMap name) {
    return builder().type(type).name(name).build();
  }

  private static void onlyWithInteractionType(Violations violations, String list, List<?> value) {
    violations.require(value == null, list, "only allowed with an interactionType");
  }

  private static void distinctIds(
      Violations violations, String list, List<InteractionComponent> components) {
    if (components == null) {
      return;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < components.size(); i++) {
      String id = components.get(i).id();
      violations.require(
          seen.add(id), list + "[" + i + "].id", "'" + id + "' is not distinct in " + list);
    }
  }

  private static <T> List<T> copy(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  /** Builds a definition; unset members are left out of the JSON. */
  public static final class Builder {
    private LanguageMap name;
    private LanguageMap description;
    private String type;
    private String moreInfo;
    private InteractionType interactionType;
    private List<String> correctResponsesPattern;
    private List<InteractionComponent> choices;
    private List<InteractionComponent> scale;
    private List<InteractionComponent> source;
    private List<InteractionComponent> target;
    private List<InteractionComponent> steps;
    private Extensions extensions;

    private Builder() {}

    public Builder name(LanguageMap name) {
      this.name = name;
      return this;
    }

    public Builder description(LanguageMap description) {
      this.description = description;
      return this;
    }

    public Builder type(String type) {
      this.type = type;
      return this;
    }

    public Builder moreInfo(String moreInfo) {
      this.moreInfo = moreInfo;
      return this;
    }

    public Builder interactionType(InteractionType interactionType) {
      this.interactionType = interactionType;
      return this;
    }

    public Builder correctResponsesPattern(List<String> correctResponsesPattern) {
      this.correctResponsesPattern = correctResponsesPattern;
      return this;
    }

    public Builder choices(List<InteractionComponent> choices) {
      this.choices = choices;
      return this;
    }

    public Builder scale(List<InteractionComponent> scale) {
      this.scale = scale;
      return this;
    }

    public Builder source(List<InteractionComponent> source) {
      this.source = source;
      return this;
    }

    public Builder target(List<InteractionComponent> target) {
      this.target = target;
      return this;
    }

    public Builder steps(List<InteractionComponent> steps) {
      this.steps = steps;
      return this;
    }

    public Builder extensions(Extensions extensions) {
      this.extensions = extensions;
      return this;
    }

    public ActivityDefinition build() {
      return new ActivityDefinition(
          name,
          description,
          type,
          moreInfo,
          interactionType,
          correctResponsesPattern,
          choices,
          scale,
          source,
          target,
          steps,
          extensions);
    }
  }
}
