package dev.candor.http.ws.interviewbot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionView;
import java.util.List;
import java.util.Locale;

/** Seed 000's Socket.IO events, as JSON (binary nodes become binary attachments). */
public final class InterviewBotMessages {

  /** Seed 000's error types, and Candor's own for what the seed does not name. */
  enum ErrorType {
    INVALID_URL, PARSING_FAILED, AI_ERROR, AUDIO_ERROR,
    /** A malformed or out-of-order event: nothing changed, the connection stays usable. */
    INVALID_REQUEST,
    /** The session id given in {@code auth} is not an interview this server knows. */
    SESSION_NOT_FOUND,
    /** The node is at capacity and starts no new interviews for now. */
    SERVER_BUSY,
    /** The handshake's {@code auth.token} is not a valid token of this server. */
    UNAUTHORIZED;

    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private InterviewBotMessages() {}

  static JsonNode questions(List<Question> questions) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    questions.forEach(q -> array.add(question(q).put("difficulty", q.difficulty().name().toLowerCase(Locale.ROOT))
        .put("estimatedTime", q.estimatedTime()).put("topic", q.topic())));
    return array;
  }

  static JsonNode questionAudio(String questionId, byte[] audio, String contentType) {
    ObjectNode message = Json.object().put("questionId", questionId);
    message.set("audioBlob", Json.MAPPER.getNodeFactory().binaryNode(audio));
    return message.put("contentType", contentType);
  }

  /** The analysis, and Candor's own {@code engine}: who made it ("rule-based", or a hosted model's name); null in old events. */
  static JsonNode answerAnalyzed(AnswerAnalysis analysis, String engine) {
    return ((ObjectNode) Json.tree(analysis)).put("engine", engine);
  }

  /**
   * Each item carries the document's flat fields and, under {@code question} and {@code analysis}, the shape the
   * seed's results page reads ({@code qa.question.text}, {@code qa.analysis.score}): {@code question} is an object.
   */
  public static JsonNode interviewComplete(Report report, List<Question> asked) {
    ObjectNode message = (ObjectNode) Json.tree(report);
    ArrayNode items = message.putArray("questions");
    for (Report.QuestionResult result : report.questions()) {
      ObjectNode item = (ObjectNode) Json.tree(result);
      Question question = asked.stream().filter(q -> q.id().equals(result.questionId())).findFirst().orElse(null);
      ObjectNode questionNode = item.putObject("question").put("id", result.questionId()).put("text", result.question());
      if (question != null) {
        questionNode.put("type", question.type().wireName());
      }
      ObjectNode analysis = ((ObjectNode) Json.tree(result)).without(List.of("question", "answer"));
      item.set("analysis", analysis);
      items.add(item);
    }
    return message;
  }

  /**
   * The interview's id and status, and where it stands: the question open now and whether its answer is in (being
   * heard or judged). A client that comes back follows these rather than guessing from what it saw before it left.
   */
  static JsonNode session(String sessionId, SessionView view) {
    ObjectNode session = Json.object().put("sessionId", sessionId)
        .put("status", view.status().name().toLowerCase(Locale.ROOT));
    session.put("currentQuestionId", view.currentQuestion() == null ? null : view.currentQuestion().id());
    return session.put("currentAnswered", view.currentAnswered());
  }

  static JsonNode status(String questionId, String state) {
    return Json.object().put("questionId", questionId).put("state", state);
  }

  static JsonNode transcribed(String questionId, String transcript) {
    return Json.object().put("questionId", questionId).put("transcript", transcript);
  }

  static JsonNode error(ErrorType type, String message) {
    return Json.object().put("type", type.wireName()).put("message", message).putNull("details");
  }

  static JsonNode ack(boolean ok, String message) {
    ObjectNode ack = Json.object().put("ok", ok);
    return message == null ? ack : ack.put("message", message);
  }

  private static ObjectNode question(Question q) {
    return Json.object().put("id", q.id()).put("text", q.text()).put("type", q.type().wireName());
  }
}
