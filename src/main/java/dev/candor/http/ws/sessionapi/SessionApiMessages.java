package dev.candor.http.ws.sessionapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.CandidateFit;
import dev.candor.interview.InterviewInsights;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.SkillScores;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionView;
import java.util.List;
import java.util.Locale;

/** Seed 004's {type, data} messages, and the words its REST answers share with them (statuses, phases, scores). */
public final class SessionApiMessages {

  private SessionApiMessages() {}

  /** The seed's session status: created before start, then in_progress, evaluating, completed (or abandoned). */
  public static String status(SessionView view) {
    return switch (view.status()) {
      case NEW, CREATED, READY -> "created";
      case PLANNING, IN_PROGRESS -> "in_progress";
      case FINISHING -> "evaluating";
      case COMPLETED -> "completed";
      case ABANDONED -> "abandoned";
    };
  }

  public static SkillScores.Phase phase(SessionView view) {
    return switch (view.status()) {
      case NEW, CREATED, READY, PLANNING -> SkillScores.Phase.SETUP;
      case IN_PROGRESS -> SkillScores.phaseOf(view.questions(), view.questionsAsked() - 1);
      case FINISHING -> SkillScores.Phase.EVALUATION;
      case COMPLETED, ABANDONED -> SkillScores.Phase.COMPLETED;
    };
  }

  public static String connected(SessionView view, CandidateFit fit) {
    return message("connected", Json.object()
        .put("session_id", view.sessionId())
        .put("status", status(view))
        .put("phase", phase(view).wireName())
        .put("seniority", fit.seniority().wireName()));
  }

  /** {@code connected} for a session of which only the kept report is left. */
  public static String connectedAfterRetention(String sessionId, JsonNode kept) {
    return message("connected", Json.object()
        .put("session_id", sessionId)
        .put("status", kept.path("status").asText("completed"))
        .put("phase", SkillScores.Phase.COMPLETED.wireName())
        .put("seniority", kept.path("detected_seniority").asText(null)));
  }

  public static String intro(SessionView view, CandidateFit fit) {
    String role = view.jobTitle() == null || view.jobTitle().isBlank() ? "" : " for the " + view.jobTitle() + " role";
    long minutes = Math.round(view.maxDurationMinutes());
    String focus = fit.focusAreas().isEmpty() ? "" : " We will pay particular attention to " + join(fit.focusAreas()) + ".";
    ObjectNode data = Json.object()
        .put("message", "Welcome to your interview" + role + ". Over the next " + minutes + " minutes I will ask you "
            + plannedCount(view.questions()) + " questions: a short introduction first, then technical and design questions,"
            + " then a few about how you work." + focus + " Answer in your own words; when an answer leaves something out,"
            + " I may ask a follow-up.")
        .put("phase", SkillScores.Phase.INTRO.wireName());
    data.set("focus_areas", Json.tree(fit.focusAreas()));
    return message("intro", data);
  }

  /**
   * @param index the question's place in the session's questions (follow-ups included)
   * @param audioUrl where the interviewer's spoken line is served, or null in text
   */
  public static String newQuestion(List<Question> questions, int index, long secondsLeft, String audioUrl) {
    Question question = questions.get(index);
    return message("new_question", withAudio(audioUrl, Json.object()
        .put("question", question.text())
        .put("difficulty", question.difficulty().name().toLowerCase(Locale.ROOT))
        .put("topic", question.topic())
        .put("explanation", SkillScores.purpose(questions, index))
        .put("question_number", plannedCount(questions.subList(0, index + 1)))
        .put("time_remaining", secondsLeft)));
  }

  public static String followUp(Question question, String reason, long secondsLeft, String audioUrl) {
    return message("followup", withAudio(audioUrl, Json.object()
        .put("question", question.text())
        .put("reason", reason == null ? "The answer left something out" : reason)
        .put("time_remaining", secondsLeft)));
  }

  /** A spoken line whose words were shown before its audio was ready (voice turned on mid-question, the closing words). */
  public static String speech(String audioUrl) {
    return message("speech", Json.object().put("audio_url", audioUrl));
  }

  /** The answer to voice_toggle. */
  public static String voiceStatus(boolean enabled) {
    return message("voice_status", Json.object().put("enabled", enabled));
  }

  private static ObjectNode withAudio(String audioUrl, ObjectNode data) {
    return audioUrl == null ? data : data.put("audio_url", audioUrl);
  }

  public static String scoreUpdate(SkillScores current, SkillScores running, AnswerAnalysis analysis) {
    ObjectNode data = Json.object();
    data.set("current_scores", scores(current));
    data.set("running_average", scores(running));
    data.put("feedback", analysis.feedback());
    data.set("strengths", Json.tree(InterviewInsights.strengthsIdentified(List.of(analysis))));
    data.set("improvements", Json.tree(analysis.suggestions()));
    return message("score_update", data);
  }

  public static String phaseUpdate(SkillScores.Phase phase) {
    String words = switch (phase) {
      case SETUP -> "Preparing your questions...";
      case INTRO -> "Let's start with a short introduction.";
      case TECHNICAL -> "Now some technical questions.";
      case DESIGN -> "Next, a system design question.";
      case BEHAVIOURAL -> "Now a few questions about how you work with others.";
      case EVALUATION -> "Evaluating your overall performance...";
      case COMPLETED -> "The interview is complete.";
    };
    return message("phase_update", Json.object().put("phase", phase.wireName()).put("message", words));
  }

  public static String timeRemaining(long seconds) {
    return message("time_remaining", Json.object()
        .put("seconds", seconds)
        .put("formatted", String.format(Locale.ROOT, "%02d:%02d", seconds / 60, seconds % 60)));
  }

  public static String feedback(SessionView view, CandidateFit fit) {
    ObjectNode data = Json.object()
        .put("report", finalReport(view.report()))
        .put("recommendation", view.skillScores().recommendation());
    data.set("skill_roadmap", roadmap(view, fit));
    data.set("final_scores", scores(view.skillScores()));
    data.put("phase", SkillScores.Phase.COMPLETED.wireName());
    return message("feedback", data);
  }

  public static String error(String message, int code) {
    return message("error", Json.object().put("message", message).put("code", code));
  }

  /** The report in prose: the closing summary, then what went well and what to work on. */
  public static String finalReport(Report report) {
    if (report == null) {
      return null;
    }
    StringBuilder text = new StringBuilder(report.summary() == null ? "" : report.summary().strip());
    if (!report.strengths().isEmpty()) {
      text.append(" Strengths: ").append(String.join("; ", report.strengths())).append('.');
    }
    if (!report.improvements().isEmpty()) {
      text.append(" To improve: ").append(String.join("; ", report.improvements())).append('.');
    }
    text.append(" Overall score: ").append(report.overallScore()).append(" of 100.");
    return text.toString().strip();
  }

  public static ArrayNode roadmap(SessionView view, CandidateFit fit) {
    ArrayNode steps = Json.MAPPER.createArrayNode();
    List<String> drills = view.report() == null ? List.of() : view.report().microDrills();
    view.skillScores().roadmap(fit.gaps(), drills).forEach(step -> steps.addObject()
        .put("skill", step.skill())
        .put("priority", step.priority())
        .put("reason", step.reason())
        .put("practice", step.practice()));
    return steps;
  }

  public static ObjectNode scores(SkillScores scores) {
    ObjectNode node = Json.object();
    node.put("technical", scores.technical());
    node.put("design", scores.design());
    node.put("communication", scores.communication());
    return node;
  }

  /** Follow-ups are numbered with the question they follow: question_number counts planned questions only. */
  public static int plannedCount(List<Question> questions) {
    return (int) questions.stream().filter(q -> !q.id().endsWith(InterviewSession.FOLLOW_UP_SUFFIX)).count();
  }

  public static boolean isFollowUp(Question question) {
    return question.id().endsWith(InterviewSession.FOLLOW_UP_SUFFIX);
  }

  private static String join(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  private static String message(String type, ObjectNode data) {
    ObjectNode message = Json.object().put("type", type);
    message.set("data", data);
    return Json.write(message);
  }
}
