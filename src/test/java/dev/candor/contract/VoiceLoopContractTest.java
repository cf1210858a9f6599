package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestServers;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.WsClient;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 001's voice loop with a real WebSocket client and real speech: MaryTTS speaks the answers, Concentus
 * encodes them as a browser's live WebM/Opus recording, and the server decodes, transcribes (Vosk), persists,
 * analyses and answers with MaryTTS's MP3. Nothing is mocked.
 */
class VoiceLoopContractTest {

  private static final String ANSWER_1 = "My greatest strength is that I communicate clearly with customers and I always "
      + "write tests before I change production code.";
  private static final String ANSWER_2 = "When the database failed at night I restored it from the backup and wrote a "
      + "report for the whole company the next morning.";
  private static final String PARSED_RESUME = "{\"contact\":{\"name\":\"Jane Doe\",\"email\":\"jane@example.com\","
      + "\"phone\":null,\"location\":\"San Francisco, CA\",\"linkedin\":null},\"summary\":\"Senior engineer with eight years "
      + "in payments.\",\"experiences\":[{\"company\":\"Tech Corp\",\"title\":\"Senior Software Engineer\",\"start_date\":"
      + "\"Jan 2020\",\"end_date\":\"Present\",\"description\":\"Lead backend development.\",\"highlights\":[\"Led migration "
      + "to microservices\"]}],\"education\":[],\"skills\":[\"Python\",\"PostgreSQL\",\"Kubernetes\"],\"certifications\":[],"
      + "\"raw_text\":\"Jane Doe ...\"}";

  private static Candor server;
  private static HttpJson http;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.speaking("candor.speech.max-audio = 2m");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theSeedsMessageFlowWithSpokenAnswers() throws Exception {
    String sessionId = "voice-" + UUID.randomUUID();
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + sessionId)) {
      assertEquals(sessionId, ws.next("session_started").get("session_id").asText());
      ws.send("{\"type\":\"resume_context\",\"parsed_resume\":" + PARSED_RESUME + "}");
      ws.send("{\"type\":\"start_interview\"}");
      assertStatus(ws.next(), "generating");
      JsonNode greeting = ws.next("transcript");
      assertEquals("interviewer", greeting.get("role").asText());
      assertEquals(1, greeting.get("sequence").asInt());
      assertTrue(greeting.get("text").asText().startsWith("Hello!"), greeting.toString());
      assertStatus(ws.next(), "speaking");
      assertMp3(ws.next("audio"));
      assertStatus(ws.next(), "ready");
      ws.send("{\"type\":\"playback_complete\"}");

      answer(ws, ANSWER_1, 2);
      JsonNode second = ws.next("transcript");
      assertEquals("interviewer", second.get("role").asText());
      assertEquals(3, second.get("sequence").asInt());
      assertStatus(ws.next(), "speaking");
      assertMp3(ws.next("audio"));
      assertStatus(ws.next(), "ready");

      answer(ws, ANSWER_2, 4);
      ws.next("transcript");
      assertStatus(ws.next(), "speaking");
      ws.next("audio");
      assertStatus(ws.next(), "ready");

      ws.send("{\"type\":\"end_session\"}");
      JsonNode closing = ws.next("transcript");
      assertEquals(6, closing.get("sequence").asInt(), closing.toString());
      assertTrue(closing.get("text").asText().contains("Thank you"), closing.toString());
      assertStatus(ws.next(), "speaking");
      assertMp3(ws.next("audio"));
      JsonNode ended = ws.next("session_ended");
      assertEquals(sessionId, ended.get("session_id").asText());
      assertEquals(6, ended.get("total_turns").asInt(), "3 interviewer lines, 2 answers and the closing line");
    }
    // What the client was shown is what the session persisted.
    JsonNode session = http.get("/api/sessions/" + sessionId).body();
    assertEquals(2, session.get("answersRecorded").asInt(), session.toString());
  }

  @Test
  void audioThatCannotBeAnAnswerGetsSeed001ErrorsAndTheQuestionStaysOpen() throws Exception {
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/voice-errors-" + UUID.randomUUID())) {
      ws.next("session_started");
      ws.send("{\"type\":\"audio\",\"data\":\"" + base64(BrowserRecording.webm(CandidateVoice.say("Hello there"))) + "\"}");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "start_interview");
      assertStatus(ws.next(), "ready");

      ws.send("{\"type\":\"start_interview\"}");
      while (!ws.next().path("state").asText().equals("ready")) {
        // greeting, its audio
      }
      ws.send("{\"type\":\"audio\",\"data\":\"\",\"format\":\"webm\"}");
      assertError(ws.next("error"), "EMPTY_TRANSCRIPTION", true, "empty");
      assertStatus(ws.next(), "ready");

      ws.send("{\"type\":\"audio\",\"data\":\"" + base64(BrowserRecording.webm(new short[48_000 * 2])) + "\"}");
      assertStatus(ws.next(), "processing_stt");
      assertError(ws.next("error"), "EMPTY_TRANSCRIPTION", true, "understand");
      assertStatus(ws.next(), "ready");

      byte[] garbage = new byte[4000];
      new java.util.Random(7).nextBytes(garbage);
      ws.send("{\"type\":\"audio\",\"data\":\"" + base64(garbage) + "\",\"format\":\"webm\"}");
      assertStatus(ws.next(), "processing_stt");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "not a recognisable audio file");
      assertStatus(ws.next(), "ready");

      byte[] vorbis = BrowserRecording.webm(BrowserRecording.opus(CandidateVoice.say("Hello"), 1, 32_000, false),
          BrowserRecording.WebmLayout.CHROME, "A_VORBIS");
      ws.send("{\"type\":\"audio\",\"data\":\"" + base64(vorbis) + "\"}");
      assertStatus(ws.next(), "processing_stt");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "A_VORBIS");
      assertStatus(ws.next(), "ready");

      byte[] whole = BrowserRecording.webm(CandidateVoice.say(ANSWER_1));
      ws.send("{\"type\":\"audio\",\"data\":\"" + base64(Arrays.copyOf(whole, 300)) + "\"}");
      assertStatus(ws.next(), "processing_stt");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "");
      assertStatus(ws.next(), "ready");

      ws.send("{\"type\":\"audio\",\"data\":\"" + base64(new byte[3 * 1024 * 1024]) + "\"}");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "limit");
      assertStatus(ws.next(), "ready");

      ws.send("{\"type\":\"audio\",\"data\":\"%%%not base64\"}");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "base64");
      assertStatus(ws.next(), "ready");
      ws.send("{\"type\":\"dance\"}");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "dance");
      assertStatus(ws.next(), "ready");
      ws.send("{not json");
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "Invalid JSON");
      assertStatus(ws.next(), "ready");
      ws.sendBinary(new byte[] {1, 2, 3});
      assertError(ws.next("error"), "PROCESSING_ERROR", true, "Binary");
      assertStatus(ws.next(), "ready");

      // After all of that the first question is still open: a real answer is taken for it.
      answer(ws, ANSWER_1, 2);
    }
  }

  @Test
  void theRealFrontendsConnectionsAndMessageOrderWork() throws Exception {
    String sessionId = UUID.randomUUID().toString();
    String path = "/ws/interview/" + sessionId;
    WsClient first = WsClient.connectFrom("http://localhost:3000", server.httpPort(), path);
    // React's development mode mounts the page twice: a second connection to the same id, open at the same time.
    try (WsClient second = WsClient.connectFrom("http://localhost:3000", server.httpPort(), path)) {
      first.next("session_started");
      first.send("{\"type\":\"resume_context\",\"parsed_resume\":" + PARSED_RESUME + "}");
      first.send("{\"type\":\"start_interview\"}");
      assertStatus(first.next(), "generating");
      assertEquals(1, first.next("transcript").get("sequence").asInt());
      assertStatus(first.next(), "speaking");
      assertMp3(first.next("audio"));
      assertStatus(first.next(), "ready");
      assertEquals(sessionId, second.next("session_started").get("session_id").asText(), "every connection is greeted");
      // The first connection drops; the page reconnects and, having sent start_interview once, does not again.
      first.close();
      try (WsClient reconnected = WsClient.connectFrom("http://localhost:3000", server.httpPort(), path)) {
        reconnected.next("session_started");
        // Safari records MP4 and the frontend labels it "ogg": the bytes decide.
        reconnected.send("{\"type\":\"audio\",\"data\":\"" + base64(BrowserRecording.mp4(CandidateVoice.say(ANSWER_1)))
            + "\",\"format\":\"ogg\"}");
        assertStatus(reconnected.next(), "processing_stt");
        JsonNode heard = reconnected.next("transcript");
        assertEquals(2, heard.get("sequence").asInt(), "the turn count carries across connections: " + heard);
        assertTrue(WordErrorRate.of(ANSWER_1, heard.get("text").asText()) <= 0.35, heard.toString());
        assertStatus(reconnected.next(), "generating");
        assertEquals(3, reconnected.next("transcript").get("sequence").asInt());
        assertStatus(reconnected.next(), "speaking");
        assertMp3(reconnected.next("audio"));
        assertStatus(reconnected.next(), "ready");
        // The page ends the session and closes its socket at once, without waiting for session_ended.
        reconnected.send("{\"type\":\"end_session\"}");
      }
    }
    // Once the session has ended the page opens yet another connection to it: greeted, and nothing restarts.
    awaitStatus(sessionId, "completed");
    try (WsClient afterwards = WsClient.connectFrom("http://localhost:3000", server.httpPort(), path)) {
      afterwards.next("session_started");
      afterwards.expectNothing(Duration.ofSeconds(1));
    }
    JsonNode session = http.get("/api/sessions/" + sessionId).body();
    assertEquals("completed", session.get("status").asText(), session.toString());
    assertEquals(1, session.get("answersRecorded").asInt(), session.toString());
  }

  private static void awaitStatus(String sessionId, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!http.get("/api/sessions/" + sessionId).body().path("status").asText().equals(status)) {
      assertTrue(System.nanoTime() < deadline, "the session never became " + status);
      Thread.sleep(100);
    }
  }

  /** Sends a spoken answer as Chrome would record it; the transcript must be the words, persisted, numbered. */
  private static void answer(WsClient ws, String words, int sequence) throws Exception {
    byte[] webm = BrowserRecording.webm(CandidateVoice.say(words));
    ws.send("{\"type\":\"audio\",\"data\":\"" + base64(webm) + "\",\"format\":\"webm\"}");
    assertStatus(ws.next(), "processing_stt");
    JsonNode heard = ws.next("transcript");
    assertEquals("candidate", heard.get("role").asText());
    assertEquals(sequence, heard.get("sequence").asInt());
    double wer = WordErrorRate.of(words, heard.get("text").asText());
    assertTrue(wer <= 0.35, "WER " + wer + ": " + heard.get("text").asText());
    assertStatus(ws.next(), "generating");
  }

  private static void assertStatus(JsonNode message, String state) {
    assertEquals("status", message.path("type").asText(), message.toString());
    assertEquals(state, message.path("state").asText(), message.toString());
  }

  private static void assertError(JsonNode error, String code, boolean recoverable, String says) {
    assertEquals(code, error.get("code").asText(), error.toString());
    assertEquals(recoverable, error.get("recoverable").asBoolean(), error.toString());
    assertTrue(error.get("message").asText().contains(says), error.toString());
  }

  private static void assertMp3(JsonNode audio) {
    assertEquals("mp3", audio.get("format").asText());
    byte[] mp3 = Base64.getDecoder().decode(audio.get("data").asText());
    assertFalse(mp3.length < 2_000, "audio of " + mp3.length + " bytes");
    assertEquals(0xFF, mp3[0] & 0xFF);
    assertEquals(0xE0, mp3[1] & 0xE0);
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
