package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.BurstWsClient;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 (OpenHire), played against a real server on PostgreSQL with a real WebSocket client: its
 * message flow, its examples, and its errors. Choices where the seed is silent are written down here:
 * a client may start again on a running session (it gets interview_started with the current question);
 * live_transcript is echoed and does not count as an answer; the last answer gets an ai_response with
 * completed=true and an empty question, followed by interview_ended.
 */
class OpenHireContractTest {

  private static final String TEST_JOB = "ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3";
  private static final Set<String> PHASES = Set.of("introduction", "technical", "behavioral", "conclusion");
  private static final Set<String> COMFORT = Set.of("nervous", "neutral", "confident");
  private static final String GOOD_ANSWER = "In my last role at a fintech company our React dashboard took eight seconds "
      + "to load. My task was to bring it under two seconds before a major client demo. I profiled the bundle, split "
      + "the code by route, moved heavy charts to lazy loaded components written in TypeScript and added a GraphQL "
      + "query that fetched only the fields we rendered. As a result, load time dropped by 75% and the client signed.";

  private static Candor server;
  private static HttpJson http;
  private static String candidateId;

  @BeforeAll
  static void startServer() throws Exception {
    // A small message limit, so that going over it is cheap to test.
    server = Candor.start(com.typesafe.config.ConfigFactory.parseString("candor.http.max-ws-message = 256k")
        .withFallback(TestConfigs.node(TestDatabase.fresh())));
    http = new HttpJson(server.httpPort());
    HttpJson.Response created = http.post("/api/candidates", HttpJson.json(Map.of(
        "name", "Ada Lovelace",
        "email", "ada@example.com",
        "resume_text", "Frontend engineer, 6 years. React, TypeScript, GraphQL, Jest. Led a team of four.",
        "skills", List.of("React", "TypeScript", "GraphQL", "Jest"),
        "experience", "6 years of frontend development",
        "education", "BSc Mathematics")));
    assertEquals(201, created.status(), created.raw());
    candidateId = created.body().get("id").asText();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.close();
  }

  @Test
  void aCompleteInterviewFollowsTheSeedFlow() throws Exception {
    String sessionId = UUID.randomUUID().toString();
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send(start(TEST_JOB, candidateId, ",\"preferences\":{\"max_duration\":45,\"difficulty_level\":\"hard\","
          + "\"focus_areas\":[\"javascript\",\"react\",\"node.js\"]}"));
      JsonNode started = ws.next("interview_started").get("data");
      assertEquals(sessionId, started.get("session_id").asText());
      assertEquals("Senior Frontend Developer", started.get("job_title").asText());
      assertEquals("TechCorp Inc.", started.get("company").asText());
      assertEquals(45, started.get("max_duration").asInt());
      assertEquals("introduction", started.get("interview_phase").asText());
      String question = started.get("initial_question").asText();
      assertTrue(question.length() >= 50 && question.length() <= 200, question);

      ws.send("{\"type\":\"live_transcript\",\"data\":{\"transcript\":\"I think the best approach\",\"is_final\":false}}");
      JsonNode echo = ws.next("live_transcript_update").get("data");
      assertEquals("I think the best approach", echo.get("transcript").asText());
      assertFalse(echo.get("is_final").asBoolean());

      List<String> phases = new ArrayList<>(List.of("introduction"));
      List<String> questions = new ArrayList<>(List.of(question));
      for (int asked = 2; asked <= 8; asked++) {
        ws.send(response(GOOD_ANSWER));
        JsonNode reply = ws.next("ai_response").get("data");
        assertEquals(asked, reply.get("questions_asked").asInt());
        assertFalse(reply.get("completed").asBoolean());
        assertFalse(reply.get("response").asText().isBlank());
        assertTrue(reply.get("time_elapsed").isNumber());
        assertTrue(COMFORT.contains(reply.get("comfort_level").asText()), reply.toString());
        assertTrue(PHASES.contains(reply.get("interview_phase").asText()), reply.toString());
        phases.add(reply.get("interview_phase").asText());
        questions.add(reply.get("question").asText());
      }
      assertEquals(8, Set.copyOf(questions).size(), "every question is new: " + questions);
      assertEquals("conclusion", phases.get(7));
      assertTrue(phases.contains("technical") && phases.contains("behavioral"), phases.toString());
      List<String> order = List.of("introduction", "technical", "behavioral", "conclusion");
      for (int i = 1; i < phases.size(); i++) {
        assertTrue(order.indexOf(phases.get(i)) >= order.indexOf(phases.get(i - 1)), "phases go forward: " + phases);
      }

      ws.send(response(GOOD_ANSWER));
      JsonNode last = ws.next("ai_response").get("data");
      assertTrue(last.get("completed").asBoolean());
      assertEquals("", last.get("question").asText());
      JsonNode ended = ws.next("interview_ended").get("data");
      assertTrue(ended.get("completed").asBoolean());
      assertEquals(sessionId, ended.get("session_id").asText());
      assertFalse(ended.get("final_feedback").asText().isBlank());
      assertEquals(1000, ws.awaitServerClose(), "a normal close: the frontend reconnects after any other code");
    }
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send("{\"type\":\"get_status\",\"data\":{}}");
      JsonNode status = ws.next("status_update").get("data");
      assertEquals(sessionId, status.get("session_id").asText());
      assertEquals(candidateId, status.get("candidate_id").asText());
      assertEquals(8, status.get("questions_asked").asInt());
      assertTrue(status.get("completed").asBoolean());
      assertEquals("conclusion", status.get("interview_phase").asText());
      assertEquals(45, status.get("max_duration").asInt());
      List<String> strengths = texts(status.get("strengths_identified"));
      List<String> probe = texts(status.get("areas_to_probe"));
      assertFalse(strengths.isEmpty(), status.toString());
      assertFalse(probe.isEmpty(), "the job asks for Jest, Cypress and Node.js, which no answer mentioned: " + status);
      assertFalse(probe.contains("react"), "React was in every answer: " + probe);

      ws.send(response("one more thing"));
      JsonNode late = ws.next("error");
      assertEquals(409, late.get("status_code").asInt());
      // A client this far behind (it missed the end while its node failed over) is told how the interview ended.
      assertTrue(ws.next("interview_ended").get("data").get("completed").asBoolean());
    }
    try (WsClient resending = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      // The last answer again, from a client that never heard it was taken: the end it missed, and no error.
      resending.send(response(GOOD_ANSWER));
      JsonNode reply = resending.next();
      assertEquals("interview_ended", reply.get("type").asText(), reply.toString());
    }
    try (WsClient rejoined = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      rejoined.send(start(TEST_JOB, candidateId, ""));
      assertTrue(rejoined.next("interview_ended").get("data").get("completed").asBoolean(),
          "starting a finished interview again tells how it ended");
    }

    JsonNode session = http.get("/api/sessions/" + sessionId).body();
    assertEquals("completed", session.get("status").asText());
    JsonNode report = session.get("report");
    assertEquals(8, report.get("questions").size());
    for (JsonNode result : report.get("questions")) {
      assertEquals(GOOD_ANSWER, result.get("answer").asText());
    }
  }

  @Test
  void theRealFrontendsMessagesWorkAsItSendsThem() throws Exception {
    // The frontend's own session ids, and a page on the development origin.
    String sessionId = "interview_" + System.currentTimeMillis() + "_k3j9x2q";
    try (WsClient ws = WsClient.connectFrom("http://localhost:3000", server.httpPort(), "/ws/interview/" + sessionId)) {
      // The path is seed 001's too, which must greet first; the OpenHire page ignores a type it does not know.
      ws.next("session_started");
      // Its older page: an extra candidate_name, an empty resume_text and an id typed by hand, in no table.
      ws.send("{\"type\":\"start_interview\",\"data\":{\"job_id\":\"" + TEST_JOB + "\",\"candidate_id\":\"recruiter-42\","
          + "\"candidate_name\":\"Sam Lee\",\"resume_text\":\"\",\"preferences\":{\"max_duration\":30}}}");
      JsonNode refused = ws.next("error");
      assertEquals(404, refused.path("data").path("status_code").asInt(), "the frontend reads error.data: " + refused);
      assertTrue(refused.path("data").path("message").asText().contains("Candidate"), refused.toString());

      // Its newer page sends the resume text: the same hand-typed id now goes ahead on that text.
      ws.send("{\"type\":\"start_interview\",\"data\":{\"job_id\":\"" + TEST_JOB + "\",\"candidate_id\":\"recruiter-42\","
          + "\"candidate_name\":\"Sam Lee\",\"resume_text\":\"Sam Lee. Frontend engineer, 5 years of React and TypeScript.\","
          + "\"preferences\":{\"max_duration\":30,\"difficulty_level\":\"medium\",\"focus_areas\":[\"react\"]}}}");
      JsonNode started = ws.next("interview_started").get("data");
      assertTrue(PHASES.contains(started.get("interview_phase").asText()), started.toString());
      assertFalse(started.get("initial_question").asText().isBlank());

      // Every interim and final transcript is echoed and logged by the page; only candidate_response is an answer.
      ws.send("{\"type\":\"live_transcript\",\"data\":{\"transcript\":\"I rebuilt\",\"is_final\":false}}");
      ws.next("live_transcript_update");
      ws.send("{\"type\":\"live_transcript\",\"data\":{\"transcript\":\"" + GOOD_ANSWER + "\",\"is_final\":true}}");
      ws.next("live_transcript_update");
      ws.send("{\"type\":\"get_status\",\"data\":{}}");
      JsonNode status = ws.next("status_update").get("data");
      assertEquals(1, status.get("questions_asked").asInt(), "a final live transcript is not an answer: " + status);

      ws.send(response(GOOD_ANSWER));
      assertEquals(2, ws.next("ai_response").at("/data/questions_asked").asInt());
    }
    // The connection drops; the frontend reconnects and sends nothing but the next answer.
    try (WsClient ws = WsClient.connectFrom("http://localhost:3000", server.httpPort(), "/ws/interview/" + sessionId)) {
      ws.next("session_started");
      // The words taken last, on a connection shown no question yet, are that answer resent by a client that never
      // heard it was taken: it is shown the question the interview is on instead of answering it with them.
      ws.send(response(GOOD_ANSWER));
      assertEquals(2, ws.next("ai_response").at("/data/questions_asked").asInt());
      JsonNode message;
      int answers = 1;
      do {
        ws.send(response(GOOD_ANSWER));
        answers++;
        message = ws.next();
        if (message.path("type").asText().equals("ai_response") && message.at("/data/completed").asBoolean()) {
          message = ws.next();
        }
      } while (message.path("type").asText().equals("ai_response"));
      assertEquals("interview_ended", message.path("type").asText(), message.toString());
      assertEquals(8, answers, "each answer after the reconnect went to the question the interview was on");
      assertEquals(1000, ws.awaitServerClose());
    }
    JsonNode session = http.get("/api/sessions/" + sessionId).body();
    assertEquals("recruiter-42", session.get("candidateId").asText(), session.toString());
    assertEquals(8, session.get("answersRecorded").asInt(), "nothing answered twice or lost across the reconnect");
  }

  @Test
  void theSeedsWscatExampleWorksAsWritten() throws Exception {
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/test-session-123-" + System.nanoTime())) {
      // An unnamed connection is greeted as the voice loop (DESIGN.md); the seed's first message switches it.
      ws.next("session_started");
      ws.send("{\"type\": \"start_interview\", \"data\": {\"job_id\": \"ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3\", "
          + "\"candidate_id\": \"test-candidate\"}}");
      JsonNode started = ws.next("interview_started").get("data");
      assertEquals(30, started.get("max_duration").asInt());
      ws.send("{\"type\":\"end_interview\",\"data\":{}}");
      JsonNode ended = ws.next("interview_ended").get("data");
      assertTrue(ended.get("completed").asBoolean());
    }
  }

  @Test
  void everyErrorIsAnErrorMessageAndTheConnectionStaysUsable() throws Exception {
    String sessionId = "errors-" + UUID.randomUUID();
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      expectError(ws, "{not json", 400, "JSONDecodeError", "Invalid JSON");
      expectError(ws, "[1,2,3]", 400, "ValidationError", "type");
      expectError(ws, "{\"type\":\"dance\",\"data\":{}}", 400, "ValidationError", "Unknown message type 'dance'");
      expectError(ws, "{\"type\":\"start_interview\",\"data\":{\"job_id\":\"" + TEST_JOB + "\"}}", 400, "ValidationError",
          "job_id and candidate_id are required");
      expectError(ws, start("no-such-job", candidateId, ""), 404, "HTTPException", "Job with ID no-such-job not found");
      expectError(ws, start(TEST_JOB, "nobody", ""), 404, "HTTPException", "Candidate with ID nobody not found");
      String withoutResume = http.post("/api/candidates", "{\"name\":\"No Resume\"}").body().get("id").asText();
      expectError(ws, start(TEST_JOB, withoutResume, ""), 404, "HTTPException", "No resume found for candidate");
      expectError(ws, start(TEST_JOB, candidateId, ",\"preferences\":{\"max_duration\":-5}"), 400, "ValidationError",
          "max_duration");
      expectError(ws, start(TEST_JOB, candidateId, ",\"preferences\":{\"difficulty_level\":\"impossible\"}"), 400,
          "ValidationError", "difficulty_level");
      expectError(ws, response("an answer before the start"), 404, "HTTPException", "Interview session not found");
      expectError(ws, "{\"type\":\"candidate_response\",\"data\":{}}", 400, "ValidationError", "response is required");
      expectError(ws, "{\"type\":\"get_status\",\"data\":{}}", 404, "HTTPException", "Interview session not found");
      expectError(ws, "{\"type\":\"end_interview\",\"data\":{}}", 404, "HTTPException", "Interview session not found");
      ws.sendBinary(new byte[] {1, 2, 3});
      assertEquals(415, ws.next("error").get("status_code").asInt());
      ws.send("{\"type\":\"candidate_response\",\"data\":{\"response\":\"" + "x".repeat(300_000) + "\"}}");
      assertEquals(413, ws.next("error").get("status_code").asInt());

      ws.send(start(TEST_JOB, candidateId, ",\"resume_text\":\"React and TypeScript engineer, 6 years.\""));
      ws.next("interview_started");
      ws.send(start("no-such-job", candidateId, ""));
      assertEquals(404, ws.next("error").get("status_code").asInt());
      ws.send(start(TEST_JOB, "test-candidate", ""));
      JsonNode mismatch = ws.next("error");
      assertEquals(409, mismatch.get("status_code").asInt());
    }
  }

  @Test
  void theTimeBudgetEndsTheInterviewOnItsOwn() throws Exception {
    String path = "/ws/interview/budget-" + UUID.randomUUID() + "?protocol=openhire";
    try (WsClient ws = WsClient.connect(server.httpPort(), path)) {
      ws.send(start(TEST_JOB, candidateId, ",\"preferences\":{\"max_duration\":0.1}"));
      assertEquals(0.1, ws.next("interview_started").get("data").get("max_duration").asDouble(), 1e-9);
      // Nothing more is sent: the 6-second budget runs out on the server's timer.
      JsonNode ended = ws.next("interview_ended").get("data");
      assertTrue(ended.get("completed").asBoolean());
      assertEquals(1000, ws.awaitServerClose());
    }
    try (WsClient ws = WsClient.connect(server.httpPort(), path)) {
      ws.send("{\"type\":\"get_status\",\"data\":{}}");
      JsonNode status = ws.next("status_update").get("data");
      assertTrue(status.get("completed").asBoolean());
      assertEquals(1, status.get("questions_asked").asInt());
      ws.send(response("too late"));
      assertEquals(409, ws.next("error").get("status_code").asInt());
    }
  }

  @Test
  void aClientThatReconnectsFindsTheInterviewWhereItWas() throws Exception {
    String sessionId = "reconnect-" + UUID.randomUUID();
    String secondQuestion;
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send(start(TEST_JOB, candidateId, ""));
      ws.next("interview_started");
      ws.send("{\"type\":\"candidate_response\",\"data\":{\"response\":\"" + GOOD_ANSWER + "\",\"answer_id\":\"ans-1\"}}");
      secondQuestion = ws.next("ai_response").get("data").get("question").asText();
    }
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send("{\"type\":\"get_status\",\"data\":{}}");
      assertEquals(2, ws.next("status_update").get("data").get("questions_asked").asInt());
      // The same answer id again: nothing is recorded twice, and the client is told where the interview stands.
      ws.send("{\"type\":\"candidate_response\",\"data\":{\"response\":\"" + GOOD_ANSWER + "\",\"answer_id\":\"ans-1\"}}");
      JsonNode resent = ws.next("ai_response").get("data");
      assertEquals(2, resent.get("questions_asked").asInt());
      assertEquals(secondQuestion, resent.get("question").asText());
      ws.send(start(TEST_JOB, candidateId, ""));
      assertEquals(secondQuestion, ws.next("interview_started").get("data").get("initial_question").asText());
      ws.send(response(GOOD_ANSWER));
      JsonNode third = ws.next("ai_response").get("data");
      assertEquals(3, third.get("questions_asked").asInt());
      assertNotEquals(secondQuestion, third.get("question").asText());
    }
    JsonNode session = http.get("/api/sessions/" + sessionId).body();
    assertEquals(2, session.get("answersRecorded").asInt());
  }

  /**
   * A frontend that heard nothing resends its answer, and may send it twice before the first reply arrives (a timer
   * fires while a reconnect's resend is under way): the first copy is recognised and the socket shows the question
   * the interview is on, which the second copy, sent before that question was shown, does not answer. The copies go
   * in one write, so that both are in the server's socket before it shows anything.
   */
  @Test
  void copiesOfAResentAnswerSentBeforeTheNextQuestionWasShownAreNotTakenForIt() throws Exception {
    String sessionId = "resent-twice-" + UUID.randomUUID();
    String firstAnswer = GOOD_ANSWER + " That was the first question.";
    String secondQuestion;
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send(start(TEST_JOB, candidateId, ""));
      ws.next("interview_started");
      ws.send(response(firstAnswer));
      secondQuestion = ws.next("ai_response").get("data").get("question").asText();
    }
    try (BurstWsClient ws = new BurstWsClient(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.sendTogether(response(firstAnswer), response(firstAnswer));
      assertEquals(secondQuestion, ws.next("ai_response").get("data").get("question").asText());
      ws.sendTogether(response(GOOD_ANSWER));
      assertEquals(3, ws.next("ai_response").get("data").get("questions_asked").asInt());
      ws.sendTogether("{\"type\":\"end_interview\",\"data\":{}}");
      ws.next("interview_ended");
    }
    JsonNode session = http.get("/api/sessions/" + sessionId).body();
    assertEquals(2, session.get("answersRecorded").asInt(), session.toString());
    JsonNode answered = session.path("report").path("questions");
    assertEquals(firstAnswer, answered.path(0).path("answer").asText());
    assertEquals(GOOD_ANSWER, answered.path(1).path("answer").asText(), "the second question has its own answer");
  }

  @Test
  void theHandshakeRejectsBadSessionIdsAndUnknownProtocols() throws Exception {
    HttpJson.Response badId = http.get("/ws/interview/" + "x".repeat(129));
    assertEquals(400, badId.status());
    assertTrue(badId.body().get("detail").asText().contains("session id"));
    HttpJson.Response notUpgrade = http.get("/ws/interview/plain-get");
    assertEquals(400, notUpgrade.status());
    assertTrue(notUpgrade.body().get("detail").asText().contains("WebSocket"));
    assertThrows(Exception.class, () -> WsClient.connect(server.httpPort(), "/ws/interview/abc?protocol=bogus").close(),
        "an unknown protocol must be refused at the handshake");
  }

  @Test
  void anUnnamedConnectionBecomesOpenHireAtItsFirstEnvelopeAndStaysTheVoiceLoopOtherwise() throws Exception {
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/shape-" + UUID.randomUUID())) {
      ws.next("session_started");
      ws.send(start(TEST_JOB, candidateId, ""));
      ws.next("interview_started");
      ws.expectNothing(Duration.ofMillis(200));
    }
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/shape-" + UUID.randomUUID())) {
      ws.next("session_started");
      ws.send("{\"type\":\"get_status\"}");
      JsonNode error = ws.next("error");
      assertEquals("PROCESSING_ERROR", error.get("code").asText(), "a voice-loop error: " + error);
      assertEquals("ready", ws.next("status").get("state").asText(), "and the voice loop's ready after it");
      // Once the voice loop has taken a message, seed 002's envelope no longer switches the connection.
      ws.send("{\"type\":\"candidate_response\",\"data\":{\"response\":\"hello\"}}");
      JsonNode unknown = ws.next("error");
      assertTrue(unknown.get("message").asText().contains("candidate_response"), unknown.toString());
    }
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static void expectError(WsClient ws, String message, int status, String exceptionType, String text)
      throws InterruptedException {
    ws.send(message);
    JsonNode error = ws.next("error");
    assertEquals(status, error.get("status_code").asInt(), error.toString());
    assertEquals(exceptionType, error.get("exception_type").asText(), error.toString());
    assertTrue(error.get("message").asText().contains(text), error.toString());
    assertTrue(error.has("details"), error.toString());
    // The document puts the fields beside type, the frontend reads them from data.
    for (String field : List.of("message", "details", "status_code", "exception_type")) {
      assertEquals(error.get(field), error.path("data").get(field), error.toString());
    }
  }

  @Test
  void aNodeAtCapacityRefusesANewInterviewWithA503() throws Exception {
    try (Candor full = Candor.start(com.typesafe.config.ConfigFactory.parseString("candor.interview.max-in-flight = -1")
            .withFallback(TestConfigs.node(TestDatabase.fresh())));
        WsClient ws = WsClient.connect(full.httpPort(), "/ws/interview/" + UUID.randomUUID() + "?protocol=openhire")) {
      ws.send(start(TEST_JOB, "test-candidate", ""));
      JsonNode error = ws.next("error");
      assertEquals(503, error.get("status_code").asInt(), error.toString());
      assertTrue(error.get("message").asText().contains("at capacity"), error.toString());
    }
  }

  @Test
  void aMessageSentInSeveralFramesIsReadWhole() throws Exception {
    String sessionId = UUID.randomUUID().toString();
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send(start(TEST_JOB, candidateId, ""));
      ws.next("interview_started");
      String answer = response(GOOD_ANSWER);
      int third = answer.length() / 3;
      ws.sendInFrames(answer.substring(0, third), answer.substring(third, 2 * third), answer.substring(2 * third));
      assertEquals(2, ws.next("ai_response").get("data").get("questions_asked").asInt());
    }
  }

  private static String start(String jobId, String candidate, String extra) {
    return "{\"type\":\"start_interview\",\"data\":{\"job_id\":\"" + jobId + "\",\"candidate_id\":\"" + candidate + "\"" + extra + "}}";
  }

  private static String response(String text) {
    return "{\"type\":\"candidate_response\",\"data\":{\"response\":\"" + text + "\"}}";
  }
}
