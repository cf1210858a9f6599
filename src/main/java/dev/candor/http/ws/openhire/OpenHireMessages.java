package dev.candor.http.ws.openhire;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.interview.InterviewPhase;
import dev.candor.interview.Question;
import dev.candor.session.SessionView;
import java.time.Instant;

/** Seed 002's server messages, with its exact field names, built from what the session shows. */
public final class OpenHireMessages {

  private OpenHireMessages() {}

  /** Sent once per connection; a client rejoining a running interview gets the question it is on. */
  public static String interviewStarted(SessionView view, Question question, InterviewPhase phase) {
    ObjectNode data = Json.object()
        .put("session_id", view.sessionId())
        .put("job_title", view.jobTitle())
        .put("company", view.company())
        .put("initial_question", question.text())
        .put("interview_phase", phase.wireName());
    putMinutes(data, "max_duration", view.maxDurationMinutes());
    return message("interview_started", data);
  }

  /** The interviewer's turn: its remark on the last answer and the question now asked. */
  public static String aiResponse(SessionView view, Question question, InterviewPhase phase, int questionsAsked,
      String remark, Instant now) {
    ObjectNode data = Json.object()
        .put("response", remark == null ? "" : remark)
        .put("question", question == null ? "" : question.text())
        .put("interview_phase", phase.wireName())
        .put("time_elapsed", minutes(view, now))
        .put("questions_asked", questionsAsked)
        .put("completed", question == null)
        .put("comfort_level", view.comfortLevel().name().toLowerCase(java.util.Locale.ROOT));
    return message("ai_response", data);
  }

  public static String liveTranscriptUpdate(String transcript, boolean isFinal) {
    return message("live_transcript_update", Json.object().put("transcript", transcript).put("is_final", isFinal));
  }

  public static String interviewEnded(SessionView view, String finalFeedback, boolean completed) {
    ObjectNode data = Json.object()
        .put("final_feedback", finalFeedback)
        .put("completed", completed)
        .put("session_id", view.sessionId());
    return message("interview_ended", data);
  }

  public static String statusUpdate(SessionView view, Instant now) {
    ObjectNode data = Json.object()
        .put("session_id", view.sessionId())
        .put("candidate_id", view.candidateId())
        .put("interview_phase", view.phase().wireName())
        .put("time_elapsed", minutes(view, now))
        .put("questions_asked", view.questionsAsked())
        .put("completed", view.report() != null)
        .put("comfort_level", view.comfortLevel().name().toLowerCase(java.util.Locale.ROOT));
    putMinutes(data, "max_duration", view.maxDurationMinutes());
    data.set("strengths_identified", Json.tree(view.strengthsIdentified()));
    data.set("areas_to_probe", Json.tree(view.areasToProbe()));
    return message("status_update", data);
  }

  /**
   * Seed 002's document puts an error's fields beside "type"; its frontend reads them from "data" (and throws
   * without it), so they are in both places.
   */
  public static String error(int statusCode, String message, String details, String exceptionType) {
    ObjectNode fields = Json.object()
        .put("message", message)
        .put("details", details == null ? "" : details)
        .put("status_code", statusCode)
        .put("exception_type", exceptionType);
    ObjectNode error = Json.object().put("type", "error").setAll(fields);
    error.set("data", fields.deepCopy());
    return Json.write(error);
  }

  private static String message(String type, ObjectNode data) {
    ObjectNode message = Json.object().put("type", type);
    message.set("data", data);
    return Json.write(message);
  }

  /** The seed writes whole minutes as integers (30); a fractional budget keeps its fraction. */
  private static void putMinutes(ObjectNode data, String field, double minutes) {
    if (minutes == Math.rint(minutes)) {
      data.put(field, (long) minutes);
    } else {
      data.put(field, minutes);
    }
  }

  /** Minutes, to one decimal as in the seed's examples (5.2, 12.5). */
  private static double minutes(SessionView view, Instant now) {
    return Math.round(view.minutesElapsed(now) * 10) / 10.0;
  }
}
