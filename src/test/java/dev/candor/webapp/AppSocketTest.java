package dev.candor.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.TestServers;
import dev.candor.testing.WsClient;
import java.net.http.WebSocketHandshakeException;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app's socket, {@code /ws/app}: seed 000's events as JSON text frames, with a real WebSocket client over
 * loopback; the page, its script and the chart library served from the jar; a job posting read from its text.
 */
class AppSocketTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static Candor server;
  private static HttpJson http;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.speaking("");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  private static JsonNode next(WsClient client, String event) throws InterruptedException {
    JsonNode message = client.next();
    assertEquals(event, message.path("event").asText(), () -> "expected " + event + " but got " + message);
    return message.path("data");
  }

  /** A typed answer's analysis: its transcript (the text itself) and the analysing state come first. */
  private static JsonNode analysis(WsClient client, String questionId) throws InterruptedException {
    assertEquals(questionId, next(client, "answer_transcribed").path("questionId").asText());
    assertEquals("analysing", next(client, "interview_status").path("state").asText());
    return next(client, "answer_analyzed");
  }

  private static String frame(String event, JsonNode data) {
    ObjectNode message = MAPPER.createObjectNode().put("event", event);
    message.set("data", data);
    return message.toString();
  }

  private static JsonNode startInterview() throws Exception {
    return MAPPER.readTree(SampleData.seed000StartInterview().toString());
  }

  @Test
  void aTypedInterviewFromStartToReportAndARejoinInTheMiddle() throws Exception {
    String sessionId;
    String firstQuestion;
    JsonNode questions;
    try (WsClient client = WsClient.connect(server.httpPort(), "/ws/app")) {
      client.send(frame("start_interview", startInterview()));
      sessionId = next(client, "interview_session").path("sessionId").asText();
      questions = next(client, "questions_generated");
      assertEquals(8, questions.size(), questions.toString());
      JsonNode audio = next(client, "question_audio");
      firstQuestion = questions.get(0).path("id").asText();
      assertEquals(firstQuestion, audio.path("questionId").asText());
      byte[] mp3 = Base64.getDecoder().decode(audio.path("audioBlob").asText());
      assertTrue(mp3.length > 1000 && (mp3[0] == 'I' || (mp3[0] & 0xFF) == 0xFF), "an MP3, as base64 text");

      client.send(frame("submit_answer", MAPPER.createObjectNode().put("questionId", firstQuestion)
          .put("answer", SampleData.strongAnswer())));
      JsonNode analysis = analysis(client, firstQuestion);
      assertEquals(firstQuestion, analysis.path("questionId").asText());
      assertTrue(analysis.path("score").asInt() > 0, analysis.toString());
      assertEquals("rule-based", analysis.path("engine").asText(), "who judged it, for the page to name a hosted one");
      assertEquals(questions.get(1).path("id").asText(), next(client, "question_audio").path("questionId").asText());
    }

    // A reload: the page connects again with the interview's id and is shown where it stands.
    try (WsClient client = WsClient.connect(server.httpPort(), "/ws/app?sessionId=" + sessionId)) {
      JsonNode session = next(client, "interview_session");
      assertEquals(sessionId, session.path("sessionId").asText());
      assertEquals(questions.get(1).path("id").asText(), session.path("currentQuestionId").asText(),
          "where the interview stands, for a page that missed events while it was away");
      assertFalse(session.path("currentAnswered").asBoolean());
      assertEquals(questions, next(client, "questions_generated"));
      String current = next(client, "question_audio").path("questionId").asText();
      assertEquals(questions.get(1).path("id").asText(), current, "the second question, the first being answered");
      client.send(frame("submit_answer", MAPPER.createObjectNode().put("questionId", current)
          .put("answer", SampleData.strongAnswer())));
      analysis(client, current);
      next(client, "question_audio");
      client.send(frame("complete_interview", MAPPER.createObjectNode()));
      JsonNode report = next(client, "interview_complete");
      assertEquals(8, report.path("questions").size(), report.toString());
      int answered = 0;
      for (JsonNode item : report.path("questions")) {
        answered += item.path("answer").asText().isEmpty() ? 0 : 1;
      }
      assertEquals(2, answered, "the two answers, one before the rejoin and one after");
      assertTrue(report.path("overallScore").asInt() > 0, report.toString());
      assertFalse(report.path("strengths").isEmpty(), report.toString());
    }
  }

  @Test
  void framesThatAreNotEventsAndUnknownSessionsGetErrorsAndTheSocketStays() throws Exception {
    try (WsClient client = WsClient.connect(server.httpPort(), "/ws/app")) {
      client.send("not json at all");
      JsonNode error = next(client, "error");
      assertEquals("invalid_request", error.path("type").asText());
      assertTrue(error.path("message").asText().contains("JSON text frames"), error.toString());
      client.send("{\"data\": {}}");
      assertEquals("invalid_request", next(client, "error").path("type").asText());
      client.send(frame("submit_answer", MAPPER.createObjectNode().put("questionId", "q1").put("answer", "Too early")));
      assertTrue(next(client, "error").path("message").asText().contains("start_interview first"));
      client.send(frame("start_interview", startInterview()));
      next(client, "interview_session");
    }
    try (WsClient client = WsClient.connect(server.httpPort(), "/ws/app?sessionId=00000000-0000-4000-8000-000000000000")) {
      assertEquals("session_not_found", next(client, "error").path("type").asText());
    }
    Exception refused = assertThrows(Exception.class, () -> WsClient.connect(server.httpPort(), "/ws/app?token=forged"));
    assertEquals(401, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode(),
        "a forged token is refused before the upgrade");
    assertEquals(400, http.get("/ws/app").status(), "a plain GET is not a WebSocket");
  }

  @Test
  void theAppIsServedFromTheJar() throws Exception {
    HttpJson.Response page = http.get("/");
    assertEquals(200, page.status());
    assertTrue(page.contentType().startsWith("text/html"), page.contentType());
    assertTrue(page.raw().contains("/app/app.js") && page.raw().contains("/vendor/chart.js"), page.raw());
    HttpJson.Response script = http.get("/app/app.js");
    assertEquals(200, script.status());
    assertTrue(script.raw().contains("/ws/app"), "the app speaks the events socket");
    HttpJson.Response chart = http.get("/vendor/chart.js");
    assertEquals(200, chart.status());
    assertTrue(chart.raw().contains("Chart.js"), "the WebJar's library");
    assertEquals(404, http.get("/app/missing.js").status());
  }

  @Test
  void aJobPostingIsReadFromItsText() throws Exception {
    HttpJson.Response job = http.post("/api/parse_job_description/", HttpJson.json(java.util.Map.of("jobDescriptionText",
        "Senior Backend Engineer at Initech\n\nRequirements:\n- 5+ years of Java\n- PostgreSQL and Kafka\n\n"
            + "Responsibilities:\n- Design payment services\n- Mentor engineers")));
    assertEquals(200, job.status(), job.raw());
    assertEquals("Senior Backend Engineer", job.body().path("title").asText(), job.raw());
    assertTrue(job.body().path("requirements").toString().contains("Kafka"), job.raw());
    HttpJson.Response none = http.post("/api/parse_job_description/", "{}");
    assertEquals(400, none.status());
    assertTrue(none.raw().contains("jobDescriptionText"), none.raw());
  }
}
