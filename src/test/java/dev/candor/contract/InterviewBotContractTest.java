package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.SocketIoEvents;
import dev.candor.testing.TestServers;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's interview over Socket.IO with the Java Socket.IO client: MaryTTS speaks the answers, Concentus
 * records them as a browser's WebM/Opus, and they travel as binary attachments; the server transcribes, analyses
 * and speaks each question back as MP3, also as a binary attachment. Each finding about the seed's real frontend
 * (../shared/notes/frontends.md, seed 000) has a case here.
 */
class InterviewBotContractTest {

  private static final String[] ANSWERS = {
      "When our payment service failed during a sale I was asked to lead the fix. I profiled the queries, added an index "
          + "and a cache, and the errors dropped by ninety percent within a day.",
      "I explained the design to my team, we split the work into small pieces, and I reviewed every change so the "
          + "release shipped on time with no incidents."};

  private static Candor server;
  private static HttpJson http;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.speaking("candor.speech.max-audio = 2m\ncandor.socketio.max-message = 3m");
    http = new HttpJson(server.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void theSeedsFlowWithSpokenAnswersAsBinaryAttachments() throws Exception {
    short[][] voices = {CandidateVoice.say(ANSWERS[0]), CandidateVoice.say(ANSWERS[1])};
    byte[][] recordings = {BrowserRecording.webm(voices[0]), BrowserRecording.webm(voices[1])};
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of(), "websocket")) {
      client.emit("start_interview", SampleData.seed000StartInterview());
      String sessionId = client.next("interview_session").object().getString("sessionId");
      JSONArray questions = client.next("questions_generated").array();
      assertSeedQuestions(questions);

      List<Integer> scores = new ArrayList<>();
      for (int i = 0; i < questions.length(); i++) {
        String questionId = questions.getJSONObject(i).getString("id");
        JSONObject audio = client.next("question_audio").object();
        assertEquals(questionId, audio.getString("questionId"), "only the current question's audio, pushed unasked");
        assertMp3((byte[]) audio.get("audioBlob"));

        client.emit("submit_answer", new JSONObject().put("questionId", questionId).put("audioBlob", recordings[i % 2]));
        assertEquals("transcribing", client.next("interview_status").object().getString("state"));
        JSONObject heard = client.next("answer_transcribed").object();
        double wer = WordErrorRate.of(ANSWERS[i % 2], heard.getString("transcript"));
        assertTrue(wer <= 0.35, "WER " + wer + ": " + heard);
        JSONObject analysis = client.next("answer_analyzed").object();
        assertEquals(questionId, analysis.getString("questionId"));
        assertAnalysis(analysis);
        // timeSpent is the recording's own length, not an estimate from the words.
        double spoken = voices[i % 2].length / (double) BrowserRecording.OPUS_RATE;
        assertEquals(spoken, analysis.getDouble("timeSpent"), 0.5, analysis.toString());
        scores.add(analysis.getInt("score"));
      }
      // pages/interview.tsx sends it with no argument at all.
      client.emit("complete_interview");
      JSONObject results = client.next("interview_complete").object();
      assertResults(results, questions);
      assertEquals(Math.round(scores.stream().mapToInt(Integer::intValue).average().orElseThrow()), results.getInt("overallScore"));

      JsonNode session = http.get("/api/sessions/" + sessionId).body();
      assertEquals(8, session.get("answersRecorded").asInt(), session.toString());
      assertEquals("completed", session.get("status").asText(), session.toString());
    }
  }

  @Test
  void badEventsGetSeedErrorsAndTheConnectionStaysUsable() throws Exception {
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of(), "websocket")) {
      client.emit("submit_answer", new JSONObject().put("questionId", "q1").put("answer", "Too early"));
      assertError(client.next("error"), "invalid_request", "start_interview first");
      client.emit("complete_interview", new JSONObject());
      assertError(client.next("error"), "invalid_request", "start_interview first");
      client.emit("dance", new JSONObject());
      assertError(client.next("error"), "invalid_request", "Unknown event 'dance'");
      client.emit("start_interview", "not an object");
      assertError(client.next("error"), "invalid_request", "needs an object");
      client.emit("start_interview", new JSONObject().put("parsedResume", "John Doe").put("parsedJobDescription", job()));
      assertError(client.next("error"), "parsing_failed", "parsedResume");
      client.emit("start_interview", new JSONObject().put("parsedResume", resume()));
      assertError(client.next("error"), "invalid_request", "parsedJobDescription");
      client.emit("start_interview", new JSONObject().put("parsedResume", resume()).put("jobDescriptionUrl", "not a url"));
      assertError(client.next("error"), "invalid_url", "job posting");
      client.emit("start_interview", new JSONObject().put("parsedResume", resume()).put("jobDescriptionUrl", "http://127.0.0.1:1/job"));
      assertError(client.next("error"), "invalid_url", "job posting");

      // A client that asks for an acknowledgement gets one, good or bad.
      Object[] ack = client.emitWithAck("start_interview", SampleData.seed000StartInterview()).get(60, TimeUnit.SECONDS);
      assertTrue(((JSONObject) ack[0]).getBoolean("ok"), ack[0].toString());
      JSONArray questions = client.next("questions_generated").array();
      String first = questions.getJSONObject(0).getString("id");
      String second = questions.getJSONObject(1).getString("id");
      client.next("question_audio");

      Object[] refused = client.emitWithAck("submit_answer", new JSONObject().put("questionId", second).put("answer", "Later")).get(60, TimeUnit.SECONDS);
      assertFalse(((JSONObject) refused[0]).getBoolean("ok"), refused[0].toString());
      assertError(client.next("error"), "invalid_request", "has not been asked yet");
      client.emit("submit_answer", new JSONObject().put("questionId", first).put("audioBlob", new byte[0]));
      assertError(client.next("error"), "audio_error", "empty");
      client.emit("submit_answer", new JSONObject().put("questionId", first).put("audioBlob", new byte[3 * 1024 * 1024 - 200 * 1024]));
      assertError(client.next("error"), "audio_error", "limit");
      client.emit("submit_answer", new JSONObject().put("questionId", first));
      assertError(client.next("error"), "audio_error", "audioBlob");
      byte[] noise = new byte[4000];
      new Random(7).nextBytes(noise);
      client.emit("submit_answer", new JSONObject().put("questionId", first).put("audioBlob", noise));
      assertError(client.next("error"), "audio_error", "record your answer again");
      client.emit("submit_answer", new JSONObject().put("questionId", first).put("audioBlob", BrowserRecording.webm(new short[48_000 * 2])));
      assertError(client.next("error"), "audio_error", "record your answer again");

      // After all of that the first question is still open: a typed answer is taken for it.
      client.emit("submit_answer", new JSONObject().put("questionId", first).put("answer", ANSWERS[0]));
      JSONObject analysis = client.next("answer_analyzed").object();
      assertEquals(first, analysis.getString("questionId"));
      assertEquals(second, client.next("question_audio").object().getString("questionId"));
    }
  }

  @Test
  void aMalformedPacketIsAnsweredWithAnErrorAndTheConnectionStaysOpen() throws Exception {
    RawSocket raw = RawSocket.open(server.httpPort());
    assertTrue(raw.next().startsWith("0{\"sid\""), "the Engine.IO handshake comes first over a bare WebSocket");
    raw.send("40");
    assertTrue(isConnect(raw.next()), raw.last);
    raw.send("42[\"start_interview\",{");
    assertTrue(raw.next().matches("42\\[\"error\",\\{.*\"invalid_request\".*could not be decoded.*"), raw.last);
    raw.send("42[]");
    assertTrue(raw.next().matches("42\\[\"error\",\\{.*could not be decoded.*"), raw.last);
    raw.sendBinary(new byte[] {1, 2, 3});
    assertTrue(raw.next().matches("42\\[\"error\",\\{.*binary data that no packet announced.*"), raw.last);
    raw.send("42[\"dance\"]");
    assertTrue(raw.next().matches("42\\[\"error\",\\{.*Unknown event 'dance'.*"), raw.last);
    raw.close();
  }

  @Test
  void overLongPollingAMalformedPacketOrAttachmentIsAnsweredAndTheRestOfThePayloadStillArrives() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + server.httpPort() + "/socket.io/?EIO=4&transport=polling";
    String open = pollingGet(client, base);
    assertTrue(open.startsWith("0{\"sid\""), open);
    String sid = new JSONObject(open.substring(1)).getString("sid");
    String session = base + "&sid=" + sid;
    pollingPost(client, session, "40");
    assertTrue(isConnect(pollingGet(client, session)));
    pollingPost(client, session, "42[\"start_interview\",{\u001eb%%%not base64\u001e42[\"dance\"]");
    StringBuilder answers = new StringBuilder();
    while (!answers.toString().contains("dance")) {
      answers.append(pollingGet(client, session)).append('\u001e');
    }
    String[] packets = answers.toString().split("\u001e");
    assertTrue(packets[0].matches("42\\[\"error\",\\{.*could not be decoded.*"), answers.toString());
    assertTrue(packets[1].matches("42\\[\"error\",\\{.*binary attachment that is not base64.*"), answers.toString());
    assertTrue(packets[2].matches("42\\[\"error\",\\{.*Unknown event 'dance'.*"), answers.toString());
  }

  /** Socket.IO's CONNECT on the default namespace, with its socket id and the recovery id. */
  private static boolean isConnect(String packet) {
    if (!packet.startsWith("40{")) {
      return false;
    }
    JSONObject connect = new JSONObject(packet.substring(2));
    return connect.has("sid") && connect.has("pid");
  }

  private static String pollingGet(HttpClient client, String url) throws Exception {
    java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return response.body();
  }

  private static void pollingPost(HttpClient client, String url, String payload) throws Exception {
    java.net.http.HttpResponse<String> response = client.send(java.net.http.HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30)).POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals("ok", response.body());
  }

  @Test
  void aReconnectingClientRejoinsItsInterviewWithTheSessionIdInAuth() throws Exception {
    String sessionId;
    String second;
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of(), "websocket")) {
      client.emit("start_interview", SampleData.seed000StartInterview());
      sessionId = client.next("interview_session").object().getString("sessionId");
      JSONArray questions = client.next("questions_generated").array();
      second = questions.getJSONObject(1).getString("id");
      client.next("question_audio");
      client.emit("submit_answer", new JSONObject().put("questionId", questions.getJSONObject(0).getString("id")).put("answer", ANSWERS[0]));
      client.next("answer_analyzed");
      client.next("question_audio");
    }
    try (SocketIoEvents again = SocketIoEvents.connect(server.httpPort(), Map.of("sessionId", sessionId), "websocket")) {
      JSONObject session = again.next("interview_session").object();
      assertEquals(sessionId, session.getString("sessionId"));
      assertEquals("in_progress", session.getString("status"));
      assertEquals(8, again.next("questions_generated").array().length());
      assertEquals(second, again.next("question_audio").object().getString("questionId"), "the question it is on, said again");
      again.emit("submit_answer", new JSONObject().put("questionId", second).put("answer", ANSWERS[1]));
      assertEquals(second, again.next("answer_analyzed").object().getString("questionId"));
    }
    try (SocketIoEvents stranger = SocketIoEvents.connect(server.httpPort(), Map.of("sessionId", "no-such-interview"), "websocket")) {
      assertError(stranger.next("error"), "session_not_found", "no-such-interview");
    }
  }

  @Test
  void startInterviewSentAgainOnTheSameSocketShowsTheSameInterview() throws Exception {
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of(), "websocket")) {
      client.emit("start_interview", SampleData.seed000StartInterview());
      String sessionId = client.next("interview_session").object().getString("sessionId");
      JSONArray questions = client.next("questions_generated").array();
      client.next("question_audio");
      // pages/interview.tsx sends it again after every state change and reconnect.
      client.emit("start_interview", SampleData.seed000StartInterview());
      assertEquals(sessionId, client.next("interview_session").object().getString("sessionId"));
      assertEquals(questions.toString(), client.next("questions_generated").array().toString());
      assertEquals(questions.getJSONObject(0).getString("id"), client.next("question_audio").object().getString("questionId"));
      Set<String> events = new HashSet<>();
      client.drain(Duration.ofMillis(500)).forEach(e -> events.add(e.event()));
      assertFalse(events.contains("answer_analyzed"), "no analysis without an answer: " + events);
    }
  }

  @Test
  void longPollingCarriesTheInterviewAndItsBinaryAudio() throws Exception {
    try (SocketIoEvents client = SocketIoEvents.connect(server.httpPort(), Map.of(), "polling")) {
      client.emit("start_interview", SampleData.seed000StartInterview());
      JSONArray questions = client.next("questions_generated").array();
      assertMp3((byte[]) client.next("question_audio").object().get("audioBlob"));
      String first = questions.getJSONObject(0).getString("id");
      client.emit("submit_answer", new JSONObject().put("questionId", first)
          .put("audioBlob", BrowserRecording.webm(CandidateVoice.say(ANSWERS[1]))));
      JSONObject heard = client.next("answer_transcribed").object();
      assertTrue(WordErrorRate.of(ANSWERS[1], heard.getString("transcript")) <= 0.35, heard.toString());
      assertEquals(first, client.next("answer_analyzed").object().getString("questionId"));
      assertNotEquals(first, client.next("question_audio").object().getString("questionId"));
    }
  }

  private static JSONObject resume() {
    return SampleData.seed000StartInterview().getJSONObject("parsedResume");
  }

  private static JSONObject job() {
    return SampleData.seed000StartInterview().getJSONObject("parsedJobDescription");
  }

  private static void assertSeedQuestions(JSONArray questions) {
    assertEquals(8, questions.length(), questions.toString());
    Set<String> ids = new HashSet<>();
    Map<String, Integer> types = new java.util.HashMap<>();
    for (int i = 0; i < questions.length(); i++) {
      JSONObject q = questions.getJSONObject(i);
      assertTrue(q.getString("id").matches("q" + (i + 1) + "_(behavioral|technical|leadership)_[a-z0-9_]+"), q.toString());
      assertTrue(ids.add(q.getString("id")), "ids are unique");
      int length = q.getString("text").length();
      assertTrue(length >= 50 && length <= 200, q.toString());
      assertTrue(Set.of("easy", "medium", "hard").contains(q.getString("difficulty")), q.toString());
      assertTrue(q.getInt("estimatedTime") > 0, q.toString());
      types.merge(q.getString("type"), 1, Integer::sum);
    }
    assertTrue(types.getOrDefault("behavioral", 0) >= 2 && types.getOrDefault("technical", 0) >= 2
        && types.getOrDefault("leadership", 0) >= 1, types.toString());
  }

  private static void assertAnalysis(JSONObject analysis) {
    int score = analysis.getInt("score");
    assertTrue(score >= 0 && score <= 100, analysis.toString());
    for (String part : List.of("situation", "task", "action", "result")) {
      assertTrue(analysis.getJSONObject("star").get(part) instanceof Boolean, analysis.toString());
    }
    assertTrue(analysis.getJSONArray("keywordsFound").length() > 0, analysis.toString());
    assertTrue(analysis.getInt("fillerWords") >= 0, analysis.toString());
    String feedback = analysis.getString("feedback");
    long sentences = feedback.chars().filter(c -> c == '.' || c == '!' || c == '?').count();
    assertTrue(sentences >= 2 && sentences <= 4, "feedback of 2-3 sentences: " + feedback);
    assertTrue(analysis.getJSONArray("suggestions").length() > 0, analysis.toString());
  }

  private static void assertResults(JSONObject results, JSONArray questions) {
    JSONArray items = results.getJSONArray("questions");
    assertEquals(8, items.length(), results.toString());
    for (int i = 0; i < items.length(); i++) {
      JSONObject item = items.getJSONObject(i);
      JSONObject question = questions.getJSONObject(i);
      // The document's flat fields...
      assertEquals(question.getString("id"), item.getString("questionId"));
      assertFalse(item.getString("answer").isBlank(), item.toString());
      assertTrue(item.has("score") && item.has("star") && item.has("keywordsFound") && item.has("fillerWords")
          && item.has("timeSpent") && item.has("feedback"), item.toString());
      // ...and what pages/results.tsx reads: qa.question.text, qa.question.type, qa.analysis.score.
      assertEquals(question.getString("text"), item.getJSONObject("question").getString("text"));
      assertEquals(question.getString("type"), item.getJSONObject("question").getString("type"));
      assertEquals(item.getInt("score"), item.getJSONObject("analysis").getInt("score"));
    }
    for (String list : List.of("strengths", "improvements", "microDrills")) {
      int size = results.getJSONArray(list).length();
      assertTrue(size >= 3 && size <= 5, list + ": " + results.getJSONArray(list));
    }
    assertFalse(results.getString("followUpQuestion").isBlank());
  }

  private static void assertError(SocketIoEvents.Received error, String type, String says) {
    JSONObject body = error.object();
    assertEquals(type, body.getString("type"), body.toString());
    assertTrue(body.getString("message").contains(says), body.toString());
    assertTrue(body.has("details"), body.toString());
  }

  private static void assertMp3(byte[] audio) {
    assertTrue(audio.length > 2_000, "audio of " + audio.length + " bytes");
    boolean id3 = audio[0] == 'I' && audio[1] == 'D' && audio[2] == '3';
    boolean frame = (audio[0] & 0xFF) == 0xFF && (audio[1] & 0xE0) == 0xE0;
    assertTrue(id3 || frame, "not MP3");
  }

  /** A bare WebSocket speaking Engine.IO by hand, to send what no Socket.IO client would. */
  @Test
  void theConnectCarriesARecoveryIdThatOnlyAnOffsetOfOursGetsBack() throws Exception {
    RawSocket fresh = RawSocket.open(server.httpPort());
    fresh.next();
    fresh.send("40");
    String pid = new JSONObject(fresh.next().substring(2)).getString("pid");
    assertTrue(pid.length() >= 16, pid);
    fresh.send("42[\"dance\"]");
    JSONArray error = new JSONArray(fresh.next().substring(2));
    assertTrue(error.getString(error.length() - 1).matches("[A-Za-z0-9_-]+\\.0"), "the event's offset comes last: " + error);
    fresh.close();

    RawSocket foreign = RawSocket.open(server.httpPort());
    foreign.next();
    foreign.send("40{\"pid\":\"" + pid + "\",\"offset\":\"MzQ1Ng\"}");
    assertNotEquals(pid, new JSONObject(foreign.next().substring(2)).getString("pid"), "an offset that is not ours recovers nothing");
    foreign.close();

    RawSocket unknown = RawSocket.open(server.httpPort());
    unknown.next();
    unknown.send("40{\"pid\":\"" + pid + "\",\"offset\":\"" + UUID.randomUUID() + ".3\"}");
    assertEquals(pid, new JSONObject(unknown.next().substring(2)).getString("pid"));
    assertTrue(unknown.next().contains("session_not_found"), unknown.last);
    unknown.close();
  }

  private static final class RawSocket implements WebSocket.Listener {
    private final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;
    private String last;

    static RawSocket open(int port) throws Exception {
      RawSocket raw = new RawSocket();
      raw.socket = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"), raw).get(10, TimeUnit.SECONDS);
      return raw;
    }

    void send(String text) {
      socket.sendText(text, true).join();
    }

    void sendBinary(byte[] bytes) {
      socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    /** The next frame that is not a ping (answered as a client must). */
    String next() throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (true) {
        String frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError("nothing from the server after " + last);
        }
        if (frame.equals("2")) {
          send("3");
          continue;
        }
        last = frame;
        return frame;
      }
    }

    void close() {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean lastPart) {
      partial.append(data);
      if (lastPart) {
        frames.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }
  }
}
