package org.child.cop.statements.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.util.UUID;
import org.child.cop.activities.ask.AskActor;
import org.child.cop.activities.ask.AskEvents.AnswerWasAccepted;
import org.child.cop.activities.ask.AskEvents.AnswerWasApplied;
import org.child.cop.activities.ask.AskEvents.AnswerWasRated;
import org.child.cop.activities.ask.AskEvents.AnswerWasVotedUp;
import org.child.cop.activities.ask.AskEvents.QuestionWasAnswered;
import org.child.cop.activities.ask.AskEvents.QuestionWasAsked;
import org.child.cop.activities.ask.AskPlace;
import org.child.cop.activities.ask.CapabilityTag;
import org.child.cop.settings.ToolSettings;
import org.child.cop.statements.Vocabulary;
import org.child.cop.statements.Vocabulary.ActivityType;
import org.child.cop.statements.Vocabulary.Extension;
import org.child.cop.xapi.Activity;
import org.child.cop.xapi.ActivityDefinition;
import org.child.cop.xapi.Extensions;
import org.child.cop.xapi.LanguageMap;
import org.child.cop.xapi.Result;
import org.child.cop.xapi.Score;
import org.child.cop.xapi.Statement;

/**
 * The statements of Ask the community (templates asked-question, answered-question,
 * accepted-answer, rated-answer, voted-up-answer, applied-answer), made from its facts inside their
 * transactions. Questions and answers are named by id only: their text stays in the tool.
 */
@ApplicationScoped
public class AskStatements {

  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject ToolSettings settings;
  @Inject StatementOutbox outbox;

  void asked(@Observes QuestionWasAsked fact) {
    outbox.queue(asked(iris(), fact, UUID.randomUUID()));
  }

  void answered(@Observes QuestionWasAnswered fact) {
    outbox.queue(answered(iris(), fact, UUID.randomUUID()));
  }

  void accepted(@Observes AnswerWasAccepted fact) {
    outbox.queue(accepted(iris(), fact, UUID.randomUUID()));
  }

  void rated(@Observes AnswerWasRated fact) {
    outbox.queue(rated(iris(), fact, UUID.randomUUID()));
  }

  void votedUp(@Observes AnswerWasVotedUp fact) {
    outbox.queue(votedUp(iris(), fact, UUID.randomUUID()));
  }

  void applied(@Observes AnswerWasApplied fact) {
    outbox.queue(applied(iris(), fact, UUID.randomUUID()));
  }

  public static Statement asked(ActivityIris iris, QuestionWasAsked fact, UUID id) {
    CopStatement statement =
        common(iris, fact.place(), fact.asker())
            .did(Vocabulary.Verb.ASKED)
            .on(question(iris, fact.questionId()));
    for (CapabilityTag capability : fact.capabilities()) {
      statement.about(
          Activity.of(
              iris.capability(capability.id()),
              ActivityDefinition.of(
                  ActivityType.CAPABILITY.iri().toString(),
                  LanguageMap.of("en", capability.name()))));
    }
    return statement.at(fact.at()).build(id);
  }

  public static Statement answered(ActivityIris iris, QuestionWasAnswered fact, UUID id) {
    return common(iris, fact.place(), fact.answerer())
        .did(Vocabulary.Verb.ANSWERED)
        .on(question(iris, fact.questionId()))
        .about(answer(iris, fact.answerId()))
        .with(fact.asker())
        .at(fact.at())
        .build(id);
  }

  public static Statement accepted(ActivityIris iris, AnswerWasAccepted fact, UUID id) {
    return common(iris, fact.place(), fact.asker())
        .did(Vocabulary.Verb.ACCEPTED)
        .on(answer(iris, fact.answerId()))
        .about(question(iris, fact.questionId()))
        .with(fact.answerer())
        .at(fact.at())
        .build(id);
  }

  public static Statement rated(ActivityIris iris, AnswerWasRated fact, UUID id) {
    return common(iris, fact.place(), fact.asker())
        .did(Vocabulary.Verb.RATED)
        .on(answer(iris, fact.answerId()))
        .about(question(iris, fact.questionId()))
        .with(fact.answerer())
        .result(
            Result.builder()
                .score(
                    new Score(
                        null,
                        BigDecimal.valueOf(fact.helpfulness()),
                        BigDecimal.ONE,
                        BigDecimal.valueOf(5)))
                .extensions(
                    Extensions.of(
                        Extension.MINUTES_SAVED.iri().toString(),
                        JSON.createValue(fact.minutesSaved())))
                .build())
        .at(fact.at())
        .build(id);
  }

  public static Statement votedUp(ActivityIris iris, AnswerWasVotedUp fact, UUID id) {
    return common(iris, fact.place(), fact.voter())
        .did(Vocabulary.Verb.VOTED_UP)
        .on(answer(iris, fact.answerId()))
        .about(question(iris, fact.questionId()))
        .with(fact.answerer())
        .at(fact.at())
        .build(id);
  }

  public static Statement applied(ActivityIris iris, AnswerWasApplied fact, UUID id) {
    return common(iris, fact.place(), fact.asker())
        .did(Vocabulary.Verb.APPLIED)
        .on(answer(iris, fact.answerId()))
        .about(question(iris, fact.questionId()))
        .with(fact.answerer())
        .with(Extension.VALUE_CYCLE, JSON.createArrayBuilder().add("applied").build())
        .with(Extension.DAYS_AFTER_ACTIVITY, JSON.createValue(fact.daysAfter()))
        .at(fact.at())
        .build(id);
  }

  private static CopStatement common(ActivityIris iris, AskPlace place, AskActor actor) {
    return CopStatement.by(actor.account())
        .in(CopStatement.community(iris, place.communityId(), place.communityName()))
        .during(
            CopStatement.typed(iris.run(place.runId()), ActivityType.COMMUNITY_ACTIVITY),
            place.registration())
        .from(actor.unit())
        .as(CommunityStatements.role(actor.role()))
        .format(Vocabulary.ActivityFormat.ASK_THE_COMMUNITY);
  }

  private static Activity question(ActivityIris iris, String questionId) {
    return CopStatement.typed(iris.question(questionId), ActivityType.QUESTION);
  }

  private static Activity answer(ActivityIris iris, String answerId) {
    return CopStatement.typed(iris.answer(answerId), ActivityType.ANSWER);
  }

  private ActivityIris iris() {
    return new ActivityIris(settings.baseUrl());
  }
}
