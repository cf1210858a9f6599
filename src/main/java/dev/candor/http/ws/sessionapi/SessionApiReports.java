package dev.candor.http.ws.sessionapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.CandidateFit;
import dev.candor.interview.InterviewInsights;
import dev.candor.interview.Question;
import dev.candor.interview.SkillScores;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionView;
import dev.candor.store.InterviewSetup;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Seed 004's report ({@code GET /interview/report/{id}}), from the session as it stands; and the same without the
 * candidate's words, which is all that is kept of a session whose retention period ended without consent.
 */
public final class SessionApiReports {

  private static final DateTimeFormatter SEED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private SessionApiReports() {}

  /** @param withAnswers false for the kept report: each answer's text is left out (null) */
  public static ObjectNode report(SessionView view, InterviewSession.Answers answers, CandidateFit fit, Instant now,
      boolean withAnswers) {
    boolean completed = view.report() != null;
    ObjectNode body = Json.object()
        .put("session_id", view.sessionId())
        .put("status", SessionApiMessages.status(view))
        .put("detected_seniority", fit.seniority().wireName());
    body.set("strengths", Json.tree(completed && !view.report().strengths().isEmpty() ? view.report().strengths() : fit.strengths()));
    body.set("gaps", Json.tree(fit.gaps()));
    body.set("scores", SessionApiMessages.scores(view.skillScores()));
    ArrayNode history = body.putArray("qa_history");
    for (int i = 0; i < view.questionsAsked(); i++) {
      Question question = view.questions().get(i);
      InterviewSession.RecordedAnswer answer = answers.answers().get(question.id());
      AnswerAnalysis analysis = answers.analyses().get(question.id());
      ObjectNode item = history.addObject()
          .put("question_number", SessionApiMessages.plannedCount(view.questions().subList(0, i + 1)))
          .put("question", question.text())
          .put("topic", question.topic())
          .put("difficulty", question.difficulty().name().toLowerCase(Locale.ROOT))
          .put("phase", SkillScores.phaseOf(view.questions(), i).wireName())
          .put("is_followup", SessionApiMessages.isFollowUp(question))
          .put("answer", answer == null || !withAnswers ? null : answer.text());
      item.set("scores", SessionApiMessages.scores(SkillScores.of(question, analysis)));
      item.put("feedback", analysis == null ? null : analysis.feedback());
      item.set("strengths", Json.tree(analysis == null ? List.of() : InterviewInsights.strengthsIdentified(List.of(analysis))));
      item.set("improvements", Json.tree(analysis == null ? List.of() : analysis.suggestions()));
    }
    body.put("final_report", completed ? SessionApiMessages.finalReport(view.report()) : null);
    body.put("recommendation", completed ? view.skillScores().recommendation() : null);
    body.set("skill_roadmap", completed ? SessionApiMessages.roadmap(view, fit) : Json.MAPPER.createArrayNode());
    body.put("duration_minutes", Math.round(view.minutesElapsed(now)));
    body.put("started_at", time(view.startedAt()));
    body.put("ended_at", time(view.endedAt()));
    return body;
  }

  /** The report kept of a session whose retention period ended. */
  public static JsonNode kept(InterviewSetup setup) {
    try {
      return Json.parse(setup.reportJson());
    } catch (Json.InvalidJsonException e) {
      throw new IllegalStateException("the kept report of session " + setup.sessionId() + " is not JSON", e);
    }
  }

  /** The final feedback message of a kept report, for a client that connects after its session was purged. */
  public static String feedback(JsonNode kept) {
    ObjectNode data = Json.object();
    data.set("report", kept.path("final_report"));
    data.set("recommendation", kept.path("recommendation"));
    data.set("skill_roadmap", kept.path("skill_roadmap"));
    data.set("final_scores", kept.path("scores"));
    data.put("phase", SkillScores.Phase.COMPLETED.wireName());
    ObjectNode message = Json.object().put("type", "feedback");
    message.set("data", data);
    return Json.write(message);
  }

  private static String time(Instant instant) {
    return instant == null ? null : SEED_TIME.format(instant);
  }
}
