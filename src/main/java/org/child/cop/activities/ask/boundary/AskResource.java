package org.child.cop.activities.ask.boundary;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.child.cop.activities.ask.AskRefused;
import org.child.cop.activities.ask.QuestionFilter;
import org.child.cop.activities.ask.boundary.AskPages.Form;
import org.child.cop.activities.ask.control.AskTheCommunity;
import org.child.cop.lti.Launch;
import org.child.cop.lti.control.LaunchSessions;

/**
 * The pages of Ask the community inside the LMS frame. Each takes the launch token and hands a
 * fresh one to the next page; a form's POST redirects (303) to a page, or comes back (400) with
 * what was typed and why it was refused.
 */
@Path("activities/ask")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class AskResource {

  /** Pages of member text allow nothing but the tool's own style sheet, scripts and forms. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self';"
          + " form-action 'self'; base-uri 'none'";

  private static final Map<String, String> NOTICES =
      Map.of(
          "asked", "Your question is posted. Colleagues from every unit can answer it now.",
          "answered", "Your answer is posted.",
          "accepted", "You accepted the answer. How much did it help?",
          "rated", "Thank you for rating the answer.",
          "voted", "Your vote is counted.",
          "applied", "Thank you for telling us.");

  @Inject LaunchSessions sessions;
  @Inject AskTheCommunity ask;

  @GET
  @Path("questions")
  @Transactional
  public Response questions(
      @QueryParam("launch") String token,
      @QueryParam("filter") String filter,
      @QueryParam("done") String done) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    QuestionFilter chosen = QuestionFilter.of(filter);
    return page(
        200,
        AskPages.list(
            resumed.token(), chosen, ask.questions(resumed.launch(), chosen), notice(done)));
  }

  @GET
  @Path("questions/new")
  public Response newQuestion(@QueryParam("launch") String token) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    ask.participant(resumed.launch());
    return page(200, AskPages.askForm(resumed.token(), Form.fresh("question")));
  }

  @POST
  @Path("questions")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response askQuestion(
      @QueryParam("launch") String token,
      @FormParam("title") String title,
      @FormParam("body") String body,
      @FormParam("tags") String tags,
      @FormParam("urgency") String urgency) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      String id = ask.ask(token, resumed.launch(), title, body, tags, urgency);
      return toQuestion(resumed, id, "asked", null);
    } catch (AskRefused refused) {
      Map<String, String> typed = typed("title", title, "body", body, "tags", tags);
      typed.put("urgency", urgency == null ? "" : urgency);
      return page(
          400,
          AskPages.askForm(
              resumed.token(), new Form("question", typed, refused.field(), refused.getMessage())));
    }
  }

  @GET
  @Path("questions/{id}")
  @Transactional
  public Response question(
      @QueryParam("launch") String token,
      @PathParam("id") String id,
      @QueryParam("done") String done) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    return page(
        200,
        AskPages.question(
            resumed.token(), ask.question(resumed.launch(), id), Form.fresh("none"), notice(done)));
  }

  @POST
  @Path("questions/{id}/answers")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response answer(
      @QueryParam("launch") String token,
      @PathParam("id") String id,
      @FormParam("body") String body,
      @FormParam("showName") String showName) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      String answerId = ask.answer(token, resumed.launch(), id, body, "on".equals(showName));
      return toQuestion(resumed, id, "answered", "answer-" + answerId);
    } catch (AskRefused refused) {
      return refusedOn(resumed, id, "answer", refused, typed("body", body, "showName", showName));
    }
  }

  @POST
  @Path("questions/{id}/answers/{answer}/acceptance")
  public Response accept(
      @QueryParam("launch") String token,
      @PathParam("id") String id,
      @PathParam("answer") String answerId) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      ask.accept(resumed.launch(), id, answerId);
      return toQuestion(resumed, id, "accepted", "rate");
    } catch (AskRefused refused) {
      return refusedOn(resumed, id, "accept", refused, Map.of());
    }
  }

  @POST
  @Path("questions/{id}/answers/{answer}/votes")
  public Response voteUp(
      @QueryParam("launch") String token,
      @PathParam("id") String id,
      @PathParam("answer") String answerId) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      ask.voteUp(resumed.launch(), id, answerId);
      return toQuestion(resumed, id, "voted", "answer-" + answerId);
    } catch (AskRefused refused) {
      return refusedOn(resumed, id, "vote", refused, Map.of());
    }
  }

  @POST
  @Path("questions/{id}/rating")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response rate(
      @QueryParam("launch") String token,
      @PathParam("id") String id,
      @FormParam("helpfulness") String helpfulness,
      @FormParam("minutes") String minutes) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    try {
      ask.rate(resumed.launch(), id, helpfulness, minutes);
      return toQuestion(resumed, id, "rated", null);
    } catch (AskRefused refused) {
      return refusedOn(
          resumed, id, "rating", refused, typed("helpfulness", helpfulness, "minutes", minutes));
    }
  }

  @POST
  @Path("questions/{id}/application")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response applied(
      @QueryParam("launch") String token,
      @PathParam("id") String id,
      @FormParam("applied") String applied) {
    LaunchSessions.Resumed resumed = sessions.resumeWithFreshToken(token);
    if (!"yes".equals(applied) && !"no".equals(applied)) {
      return refusedOn(resumed, id, "apply", new AskRefused("Answer yes or no."), Map.of());
    }
    try {
      ask.applied(resumed.launch(), id, "yes".equals(applied));
      return toQuestion(resumed, id, "applied", null);
    } catch (AskRefused refused) {
      return refusedOn(resumed, id, "apply", refused, Map.of());
    }
  }

  /** After an act: the question's page, with a fresh token (303, so a reload posts nothing). */
  private static Response toQuestion(
      LaunchSessions.Resumed resumed, String questionId, String done, String fragment) {
    return Response.seeOther(
            URI.create(
                AskPages.link(resumed.token(), AskPages.BASE + "/" + questionId)
                    + "&done="
                    + done
                    + (fragment == null ? "" : "#" + fragment)))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .build();
  }

  /** The question's page again (400), with the refusal and what the member typed. */
  private Response refusedOn(
      LaunchSessions.Resumed resumed,
      String questionId,
      String formId,
      AskRefused refused,
      Map<String, String> typed) {
    Launch launch = resumed.launch();
    return page(
        400,
        AskPages.question(
            resumed.token(),
            ask.question(launch, questionId),
            new Form(formId, typed, refused.field(), refused.getMessage()),
            null));
  }

  private static String notice(String done) {
    return done == null ? null : NOTICES.get(done);
  }

  private static Map<String, String> typed(String... namesAndValues) {
    Map<String, String> typed = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
    }
    return typed;
  }

  private static Response page(int status, String html) {
    return Response.status(status)
        .entity(html)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .build();
  }
}
