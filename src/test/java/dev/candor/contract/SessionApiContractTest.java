package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.Candor;
import dev.candor.testing.Documents;
import dev.candor.testing.HttpJson;
import com.typesafe.config.ConfigFactory;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.TestServers;
import dev.candor.testing.WsClient;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 004 ("API Layer") over real HTTP and a real WebSocket client: the REST setup, every close code, an interview with
 * follow-ups, the clock, the final feedback and the report. What the real frontend is known to do (a JSON content type
 * with no body on {@code POST /session/start}, the session id of opt-in-memory in the query) is played as it does it.
 */
class SessionApiContractTest {

  private static final String ORIGIN = "http://localhost:5173";
  private static final Set<String> PHASES = Set.of("intro", "technical", "design", "behavioural");
  private static final Set<String> RECOMMENDATIONS = Set.of("Strong Hire", "Hire", "Lean Hire", "No Hire");
  private static final String JOB = """
      Senior Backend Engineer

      We build payment services in Java on Kubernetes.

      Requirements:
      - 5+ years of Java
      - Kafka and PostgreSQL in production
      - Kubernetes and Terraform
      """;
  private static final String GOOD_ANSWER = "At Acme our payment service in Java dropped messages under load. My task was to"
      + " make it reliable before Black Friday. I profiled the Kafka consumers, added idempotent writes to PostgreSQL and"
      + " moved retries to a dead letter topic, then load tested it at three times the peak. As a result lost payments fell"
      + " from two hundred a day to zero and p99 latency dropped by 40%.";
  private static final String THIN_ANSWER = "I am not sure, I would probably look it up.";

  /** A long interview, for the flow. */
  private static Candor server;
  private static HttpJson http;
  /**
   * A 12-second interview told its time every 2 seconds, a 200 KB resume limit, and 8 seconds of retention checked every
   * second.
   */
  private static Candor shortServer;
  private static HttpJson shortHttp;
  private static TestDatabase.Db shortDb;

  @BeforeAll
  static void start() throws Exception {
    server = TestServers.node("candor.sessionapi.max-follow-ups = 3");
    http = new HttpJson(server.httpPort());
    shortDb = TestDatabase.fresh();
    shortServer = Candor.start(ConfigFactory.parseString("candor.sessionapi { duration = 12s, clock-interval = 2s, "
        + "max-resume = 200k, retention = 8s, retention-check = 1s }").withFallback(TestConfigs.node(shortDb)));
    shortHttp = new HttpJson(shortServer.httpPort());
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    shortServer.close();
  }

  @Test
  void theSeedsFlowFromSessionToReport() throws Exception {
    String id = newSession(http);
    JsonNode fresh = http.get("/session/" + id).body();
    assertEquals("created", fresh.get("status").asText());
    assertEquals("setup", fresh.get("current_phase").asText());
    assertFalse(fresh.get("has_resume").asBoolean());
    assertFalse(fresh.get("has_jd").asBoolean());
    assertFalse(fresh.get("memory_opt_in").asBoolean());

    // Before both documents, the socket is refused with the seed's 4000.
    assertEquals(4000, closeCodeOf("/ws/interview/" + id));

    JsonNode resume = uploadResume(http, id).body();
    assertTrue(resume.get("resume_received").asBoolean());
    assertEquals("senior", resume.get("detected_seniority").asText());
    assertTrue(texts(resume.get("strengths")).contains("Java"), resume.toString());
    assertEquals(0, resume.get("gaps").size(), "no gaps before a job description");

    HttpJson.Response jd = http.postForm("/upload/jd", Map.of("session_id", id, "job_description", JOB,
        "role", "Senior Backend Engineer"));
    assertEquals(200, jd.status(), jd.raw());
    assertTrue(jd.body().get("jd_received").asBoolean());
    assertEquals("Senior Backend Engineer", jd.body().get("role").asText());

    // With both in, the fit is against the job: what it asks and the resume does not show is a gap.
    JsonNode before = http.get("/interview/report/" + id).body();
    assertEquals("created", before.get("status").asText());
    assertTrue(texts(before.get("gaps")).contains("Kubernetes"), before.toString());
    assertTrue(texts(before.get("strengths")).contains("Kafka"), before.toString());
    assertEquals(0, before.get("qa_history").size());

    HttpJson.Response optIn = http.post("/interview/opt-in-memory?session_id=" + id, "{\"opt_in\": true}");
    assertEquals(200, optIn.status(), optIn.raw());
    assertTrue(optIn.body().get("memory_opt_in").asBoolean());
    assertEquals("Memory storage enabled", optIn.body().get("message").asText());
    assertTrue(http.get("/session/" + id).body().get("memory_opt_in").asBoolean());

    List<Integer> questionNumbers = new ArrayList<>();
    int followUps = 0;
    try (WsClient ws = WsClient.connectFrom(ORIGIN, server.httpPort(), "/ws/interview/" + id)) {
      JsonNode connected = ws.next("connected").get("data");
      assertEquals(id, connected.get("session_id").asText());
      assertEquals("created", connected.get("status").asText());
      assertEquals("setup", connected.get("phase").asText());
      assertEquals("senior", connected.get("seniority").asText());

      ws.send("{\"type\":\"start\"}");
      JsonNode intro = ws.next("intro").get("data");
      assertEquals("intro", intro.get("phase").asText());
      assertTrue(intro.get("message").asText().contains("Senior Backend Engineer"), intro.toString());
      assertTrue(texts(intro.get("focus_areas")).contains("Kubernetes"), intro.toString());
      assertEquals("intro", ws.next("phase_update").get("data").get("phase").asText());
      JsonNode question = ws.next("new_question").get("data");
      assertQuestion(question, 2100);
      questionNumbers.add(question.get("question_number").asInt());

      // Asked again, the open question comes back unchanged; bad messages leave the socket usable.
      ws.send("{\"type\":\"ready\"}");
      assertEquals(question.get("question").asText(), ws.next("new_question").get("data").get("question").asText());
      ws.next("time_remaining");
      ws.send("{not json");
      assertEquals(4400, ws.next("error").get("data").get("code").asInt());
      ws.send("{\"type\":\"dance\"}");
      assertEquals(4400, ws.next("error").get("data").get("code").asInt());
      ws.send("{\"type\":\"answer\",\"data\":{}}");
      assertEquals(4400, ws.next("error").get("data").get("code").asInt());

      boolean thinGiven = false;
      boolean lastWasFollowUp = false;
      boolean followUpAfterThin = false;
      while (true) {
        boolean thin = !thinGiven && !lastWasFollowUp && questionNumbers.size() == 2;
        thinGiven |= thin;
        ws.send("{\"type\":\"answer\",\"data\":{\"text\":" + HttpJson.json(thin ? THIN_ANSWER : GOOD_ANSWER) + "}}");
        JsonNode score = ws.next("score_update").get("data");
        assertScores(score.get("current_scores"));
        assertScores(score.get("running_average"));
        assertNotNull(score.get("current_scores").get("communication").numberValue());
        assertFalse(score.get("feedback").asText().isBlank());
        assertTrue(score.get("strengths").isArray() && score.get("improvements").isArray());

        JsonNode next = ws.next();
        if (next.get("type").asText().equals("phase_update")) {
          String phase = next.get("data").get("phase").asText();
          if (phase.equals("evaluation")) {
            break;
          }
          assertTrue(PHASES.contains(phase), phase);
          next = ws.next();
        }
        if (next.get("type").asText().equals("followup")) {
          assertFalse(lastWasFollowUp, "a follow-up is never followed up again");
          followUps++;
          followUpAfterThin |= thin;
          JsonNode data = next.get("data");
          assertFalse(data.get("question").asText().isBlank());
          assertFalse(data.get("reason").asText().isBlank());
          assertTrue(data.get("time_remaining").asLong() > 0);
          lastWasFollowUp = true;
        } else {
          assertEquals("new_question", next.get("type").asText(), next.toString());
          assertQuestion(next.get("data"), 2100);
          questionNumbers.add(next.get("data").get("question_number").asInt());
          lastWasFollowUp = false;
        }
      }
      assertTrue(followUpAfterThin, "the thin answer earned a follow-up");
      assertTrue(followUps <= 3, "at most the configured number of follow-ups: " + followUps);
      assertEquals("completed", ws.next("phase_update").get("data").get("phase").asText());
      JsonNode feedback = ws.next("feedback").get("data");
      assertEquals("completed", feedback.get("phase").asText());
      assertFalse(feedback.get("report").asText().isBlank());
      assertTrue(RECOMMENDATIONS.contains(feedback.get("recommendation").asText()), feedback.toString());
      assertScores(feedback.get("final_scores"));
      assertTrue(feedback.get("skill_roadmap").size() > 0);
      assertTrue(feedback.get("skill_roadmap").toString().contains("Kubernetes"), feedback.toString());
      assertEquals(1000, ws.awaitServerClose());
    }
    List<Integer> expected = new ArrayList<>();
    for (int n = 1; n <= 8; n++) {
      expected.add(n);
    }
    assertEquals(expected, questionNumbers, "eight planned questions, numbered without their follow-ups");

    JsonNode report = http.get("/interview/report/" + id).body();
    assertEquals("completed", report.get("status").asText());
    assertEquals(8 + followUps, report.get("qa_history").size());
    for (JsonNode item : report.get("qa_history")) {
      assertFalse(item.get("answer").asText().isBlank());
      assertFalse(item.get("feedback").asText().isBlank());
    }
    assertScores(report.get("scores"));
    assertFalse(report.get("final_report").asText().isBlank());
    assertTrue(RECOMMENDATIONS.contains(report.get("recommendation").asText()));
    assertTrue(report.get("skill_roadmap").size() > 0);
    assertTrue(report.get("started_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"), report.toString());
    assertTrue(report.get("ended_at").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"));
    assertTrue(report.get("duration_minutes").asLong() >= 0);

    // The interview is over: its documents cannot change, and a new socket is told how it ended.
    HttpJson.Response late = uploadResume(http, id);
    assertEquals(400, late.status(), late.raw());
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + id)) {
      assertEquals("completed", ws.next("connected").get("data").get("status").asText());
      ws.next("feedback");
      assertEquals(1000, ws.awaitServerClose());
    }
  }

  @Test
  void everyCloseCodeOfTheSeed() throws Exception {
    assertEquals(4001, closeCodeOf("/ws/interview/not-a-uuid?protocol=sessionapi"));
    assertEquals(4004, closeCodeOf("/ws/interview/" + UUID.randomUUID() + "?protocol=sessionapi"));
    String id = newSession(http);
    assertEquals(4000, closeCodeOf("/ws/interview/" + id));
    uploadResume(http, id);
    assertEquals(4000, closeCodeOf("/ws/interview/" + id), "the resume alone is not enough");
    assertEquals(200, http.postForm("/upload/jd", Map.of("session_id", id, "job_description", JOB, "role", "Backend")).status());
    try (WsClient ws = WsClient.connectFrom("http://evil.example", server.httpPort(), "/ws/interview/" + id)) {
      assertEquals(4003, ws.awaitServerClose());
    }
    // No Origin header is a client outside a browser: allowed.
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + id)) {
      ws.next("connected");
    }
    // An unknown UUID without ?protocol is not seed 004's: the voice loop (seed 001) greets it, as DESIGN.md orders.
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + UUID.randomUUID())) {
      assertEquals("session_started", ws.next().get("type").asText());
    }
  }

  @Test
  void theClockTicksAndTheInterviewEndsAtZero() throws Exception {
    String id = newSession(shortHttp);
    // The job first and the resume second: the resume's answer already compares the two.
    assertEquals(200, shortHttp.postMultipart("/upload/jd", Map.of("session_id", id, "job_description", JOB, "role",
        "Senior Backend Engineer"), null, null, null, null).status());
    JsonNode resume = uploadResume(shortHttp, id).body();
    assertTrue(texts(resume.get("gaps")).contains("Kubernetes"), resume.toString());
    try (WsClient ws = WsClient.connect(shortServer.httpPort(), "/ws/interview/" + id)) {
      ws.next("connected");
      ws.send("{\"type\":\"start\"}");
      ws.next("intro");
      ws.next("phase_update");
      assertQuestion(ws.next("new_question").get("data"), 12);
      List<Long> seconds = new ArrayList<>();
      JsonNode message = ws.next();
      while (message.get("type").asText().equals("time_remaining")) {
        long left = message.get("data").get("seconds").asLong();
        assertEquals(String.format("%02d:%02d", left / 60, left % 60), message.get("data").get("formatted").asText());
        seconds.add(left);
        message = ws.next();
      }
      assertTrue(seconds.size() >= 3, "ticks every 2 s of a 12 s interview: " + seconds);
      for (int i = 1; i < seconds.size(); i++) {
        assertTrue(seconds.get(i) < seconds.get(i - 1), "the clock counts down: " + seconds);
      }
      assertEquals("phase_update", message.get("type").asText(), message.toString());
      assertEquals("evaluation", message.get("data").get("phase").asText());
      assertEquals("completed", ws.next("phase_update").get("data").get("phase").asText());
      ws.next("feedback");
      assertEquals(1000, ws.awaitServerClose());
    }
    assertEquals("completed", shortHttp.get("/interview/report/" + id).body().get("status").asText());
  }

  @Test
  void withoutConsentOnlyTheReportIsLeftAfterTheRetentionPeriod() throws Exception {
    String forgotten = readySession(shortHttp);
    String remembered = readySession(shortHttp);
    assertEquals(200, shortHttp.post("/interview/opt-in-memory?session_id=" + remembered, "{\"opt_in\": true}").status());
    interviewToTheEnd(forgotten, "The codename was zanzibar quokka.");
    interviewToTheEnd(remembered, "The codename was patagonia wombat.");

    String journal = "SELECT count(*) FROM event_journal WHERE position(convert_to('%s', 'UTF8') in event_payload) > 0";
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline
        && !shortHttp.get("/interview/report/" + forgotten).body().get("qa_history").get(0).get("answer").isNull()) {
      Thread.sleep(250);
    }
    JsonNode kept = shortHttp.get("/interview/report/" + forgotten).body();
    assertEquals("completed", kept.get("status").asText());
    assertTrue(kept.get("qa_history").size() >= 8);
    kept.get("qa_history").forEach(item -> assertTrue(item.get("answer").isNull(), item.toString()));
    assertFalse(kept.get("final_report").asText().isBlank(), "the report is kept");
    assertScores(kept.get("scores"));
    assertFalse(kept.toString().contains("zanzibar"));
    // Nowhere else either: not in the journal, the snapshots or the setup.
    assertEquals(0, TestDatabase.count(shortDb, String.format(journal, "zanzibar quokka")));
    assertEquals(0, TestDatabase.count(shortDb, "SELECT count(*) FROM event_journal WHERE persistence_id = 'InterviewSession|"
        + forgotten + "'"));
    assertEquals(0, TestDatabase.count(shortDb, "SELECT count(*) FROM snapshot WHERE persistence_id = 'InterviewSession|"
        + forgotten + "'"));
    assertEquals(0, TestDatabase.count(shortDb, "SELECT count(*) FROM interview_setups WHERE session_id = '" + forgotten
        + "' AND (resume_text IS NOT NULL OR candidate_email IS NOT NULL OR report_json LIKE '%zanzibar%')"));
    JsonNode session = shortHttp.get("/session/" + forgotten).body();
    assertEquals("completed", session.get("status").asText());
    assertTrue(session.get("has_resume").asBoolean());
    assertEquals(400, uploadResume(shortHttp, forgotten).status());
    try (WsClient ws = WsClient.connect(shortServer.httpPort(), "/ws/interview/" + forgotten)) {
      assertEquals("completed", ws.next("connected").get("data").get("status").asText());
      assertFalse(ws.next("feedback").get("data").get("report").asText().isBlank());
      assertEquals(1000, ws.awaitServerClose());
    }

    // With consent everything stays, and the candidate's next session begins with the gaps of this one.
    assertTrue(TestDatabase.count(shortDb, String.format(journal, "patagonia wombat")) > 0);
    JsonNode full = shortHttp.get("/interview/report/" + remembered).body();
    assertTrue(full.toString().contains("patagonia wombat"));
    String next = newSession(shortHttp);
    assertEquals(200, shortHttp.postForm("/upload/jd", Map.of("session_id", next, "job_description",
        "Python developer\n\nRequirements:\n- Python and Django\n- AWS", "role", "Python Developer")).status());
    JsonNode again = uploadResume(shortHttp, next).body();
    assertEquals("Kubernetes", again.get("focus_areas").get(0).asText(), again.toString());
    assertTrue(texts(again.get("gaps")).contains("Django"), again.toString());
  }

  /** Answers every question with {@code marker} in it until the interview ends (or its time runs out). */
  private static void interviewToTheEnd(String id, String marker) throws Exception {
    try (WsClient ws = WsClient.connect(shortServer.httpPort(), "/ws/interview/" + id)) {
      ws.next("connected");
      ws.send("{\"type\":\"start\"}");
      String answer = "{\"type\":\"answer\",\"data\":{\"text\":" + HttpJson.json(GOOD_ANSWER + " " + marker) + "}}";
      while (true) {
        JsonNode message = ws.next();
        String type = message.get("type").asText();
        if (type.equals("new_question") || type.equals("followup")) {
          ws.send(answer);
        } else if (type.equals("feedback")) {
          break;
        }
      }
      assertEquals(1000, ws.awaitServerClose());
    }
  }

  @Test
  void aReconnectResumesAtTheOpenQuestion() throws Exception {
    String id = readySession(http);
    String first;
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + id)) {
      ws.next("connected");
      ws.send("{\"type\":\"start\"}");
      ws.next("intro");
      ws.next("phase_update");
      first = ws.next("new_question").get("data").get("question").asText();
    }
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + id)) {
      JsonNode connected = ws.next("connected").get("data");
      assertEquals("in_progress", connected.get("status").asText());
      assertEquals("intro", connected.get("phase").asText());
      JsonNode again = ws.next("new_question").get("data");
      assertEquals(first, again.get("question").asText());
      assertEquals(1, again.get("question_number").asInt());
      ws.next("time_remaining");
      // start on a running interview shows it again rather than starting over.
      ws.send("{\"type\":\"start\"}");
      assertEquals(first, ws.next("new_question").get("data").get("question").asText());
      ws.next("time_remaining");
      ws.send("{\"type\":\"answer\",\"data\":{\"text\":" + HttpJson.json(GOOD_ANSWER) + "}}");
      ws.next("score_update");
    }
    assertEquals("in_progress", http.get("/session/" + id).body().get("status").asText());
  }

  @Test
  void withVoiceOnEachQuestionCarriesItsSpokenLine() throws Exception {
    String id = readySession(http);
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/" + id)) {
      ws.next("connected");
      ws.send("{\"type\":\"voice_toggle\",\"data\":{}}");
      assertEquals(4400, ws.next("error").get("data").get("code").asInt());
      ws.send("{\"type\":\"voice_toggle\",\"data\":{\"enabled\":true}}");
      assertTrue(ws.next("voice_status").get("data").get("enabled").asBoolean());
      ws.send("{\"type\":\"start\"}");
      ws.next("intro");
      ws.next("phase_update");
      JsonNode first = ws.next("new_question").get("data");
      String firstAudio = first.get("audio_url").asText();
      assertMp3(firstAudio);

      ws.send("{\"type\":\"answer\",\"data\":{\"text\":" + HttpJson.json(GOOD_ANSWER) + "}}");
      ws.next("score_update");
      JsonNode next = nextQuestionOrFollowUp(ws);
      String secondAudio = next.get("data").get("audio_url").asText();
      assertNotEquals(firstAudio, secondAudio, "each line has its own audio");
      assertMp3(secondAudio);

      ws.send("{\"type\":\"voice_toggle\",\"data\":{\"enabled\":false}}");
      assertFalse(ws.next("voice_status").get("data").get("enabled").asBoolean());
      ws.send("{\"type\":\"answer\",\"data\":{\"text\":" + HttpJson.json(GOOD_ANSWER) + "}}");
      ws.next("score_update");
      assertFalse(nextQuestionOrFollowUp(ws).get("data").has("audio_url"), "in text once voice is off");
    }
  }

  @Test
  void badRequestsGetTheSeedsErrors() throws Exception {
    HttpJson.Response notUuid = http.get("/session/12345");
    assertEquals(400, notUuid.status());
    assertTrue(notUuid.body().get("detail").asText().contains("UUID"));
    HttpJson.Response unknown = http.get("/session/" + UUID.randomUUID());
    assertEquals(404, unknown.status());
    assertEquals("Session not found", unknown.body().get("detail").asText());
    assertEquals(404, http.get("/interview/report/" + UUID.randomUUID()).status());

    String id = newSession(http);
    HttpJson.Response image = http.postMultipart("/upload/resume", Map.of("session_id", id), "file", "photo.png", "image/png",
        new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
    assertEquals(400, image.status(), image.raw());
    assertFalse(image.body().get("detail").asText().isBlank());
    HttpJson.Response noFile = http.postMultipart("/upload/resume", Map.of("session_id", id), null, null, null, null);
    assertEquals(400, noFile.status());
    HttpJson.Response noSession = http.postMultipart("/upload/resume", Map.of("session_id", UUID.randomUUID().toString()),
        "file", "cv.txt", "text/plain", "Jane Roe, Java developer since 2015".getBytes());
    assertEquals(404, noSession.status());
    HttpJson.Response oversize = shortHttp.postMultipart("/upload/resume", Map.of("session_id", newSession(shortHttp)), "file",
        "cv.txt", "text/plain", new byte[300 * 1024]);
    assertEquals(400, oversize.status(), oversize.raw());
    assertTrue(oversize.body().get("detail").asText().contains("too large"), oversize.raw());
    assertEquals(400, http.postForm("/upload/jd", Map.of("session_id", id, "role", "Engineer")).status());
    assertEquals(400, http.post("/interview/opt-in-memory?session_id=" + id, "{}").status());
    assertEquals(404, http.post("/interview/opt-in-memory?session_id=" + UUID.randomUUID(), "{\"opt_in\":false}").status());
    // The id may come in the body instead of the query.
    HttpJson.Response inBody = http.post("/interview/opt-in-memory",
        "{\"session_id\":\"" + id + "\",\"opt_in\":false}");
    assertEquals(200, inBody.status(), inBody.raw());
    assertEquals("Memory storage disabled", inBody.body().get("message").asText());
  }

  @Test
  void theSeedsSixOriginsArePreflightedAndOthersAreNot() throws Exception {
    for (String host : List.of("localhost", "127.0.0.1")) {
      for (int port : List.of(5173, 5174, 3000)) {
        String origin = "http://" + host + ":" + port;
        assertEquals(origin, preflight("/upload/resume", origin), origin);
      }
    }
    assertEquals("", preflight("/session/start", "http://evil.example"));
  }

  /** The Access-Control-Allow-Origin a browser's preflight from {@code origin} gets. */
  private static String preflight(String path, String origin) throws Exception {
    java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create("http://127.0.0.1:" + server.httpPort() + path))
        .method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    return answer.headers().firstValue("Access-Control-Allow-Origin").orElse("");
  }

  // ---- helpers ----

  /** As the seed's frontend does it: a JSON content type and no body. */
  private static String newSession(HttpJson client) throws Exception {
    HttpJson.Response started = client.postEmpty("/session/start", "application/json");
    assertEquals(200, started.status(), started.raw());
    assertEquals("created", started.body().get("status").asText());
    assertEquals("Session created successfully", started.body().get("message").asText());
    String id = started.body().get("session_id").asText();
    assertEquals(id, UUID.fromString(id).toString());
    return id;
  }

  private static String readySession(HttpJson client) throws Exception {
    String id = newSession(client);
    assertEquals(200, uploadResume(client, id).status());
    assertEquals(200, client.postForm("/upload/jd", Map.of("session_id", id, "job_description", JOB, "role",
        "Senior Backend Engineer")).status());
    return id;
  }

  private static HttpJson.Response uploadResume(HttpJson client, String id) throws Exception {
    byte[] pdf = Documents.pdf(List.of("Jane Roe", "jane.roe@example.com", "",
        "Experience", "Senior Software Engineer, Acme Payments", "2016 - Present",
        "Built payment services in Java with Kafka and PostgreSQL; cut lost payments to zero.",
        "Software Engineer, Initech", "2012 - 2016", "Java services and React dashboards.",
        "", "Skills", "Java, Kafka, PostgreSQL, React, Docker"), null);
    return client.postMultipart("/upload/resume", Map.of("session_id", id), "file", "jane-roe.pdf", "application/pdf", pdf);
  }

  /** The next question or follow-up, past a phase change. */
  private static JsonNode nextQuestionOrFollowUp(WsClient ws) throws Exception {
    JsonNode next = ws.next();
    if (next.get("type").asText().equals("phase_update")) {
      next = ws.next();
    }
    assertTrue(Set.of("new_question", "followup").contains(next.get("type").asText()), next.toString());
    return next;
  }

  private static void assertMp3(String path) throws Exception {
    assertTrue(path.startsWith("/uploads/tts/") && path.endsWith(".mp3"), path);
    java.net.http.HttpResponse<byte[]> audio = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + server.httpPort() + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, audio.statusCode());
    assertEquals("audio/mpeg", audio.headers().firstValue("Content-Type").orElse(""));
    byte[] bytes = audio.body();
    boolean id3 = bytes.length > 3 && bytes[0] == 'I' && bytes[1] == 'D' && bytes[2] == '3';
    boolean frame = bytes.length > 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0;
    assertTrue(bytes.length > 1000 && (id3 || frame), "an MP3 of " + bytes.length + " bytes");
  }

  private static int closeCodeOf(String path) throws Exception {
    try (WsClient ws = WsClient.connect(server.httpPort(), path)) {
      return ws.awaitServerClose();
    }
  }

  private static void assertQuestion(JsonNode question, long budgetSeconds) {
    assertFalse(question.get("question").asText().isBlank());
    assertTrue(Set.of("easy", "medium", "hard").contains(question.get("difficulty").asText()), question.toString());
    assertFalse(question.get("topic").asText().isBlank(), question.toString());
    assertTrue(question.get("explanation").asText().startsWith("This "), question.toString());
    long left = question.get("time_remaining").asLong();
    assertTrue(left > 0 && left <= budgetSeconds, question.toString());
  }

  /** Each score is 0-10, or null for a dimension nothing has tested yet. */
  private static void assertScores(JsonNode scores) {
    for (String dimension : List.of("technical", "design", "communication")) {
      JsonNode value = scores.get(dimension);
      assertNotNull(value, dimension + " missing in " + scores);
      if (!value.isNull()) {
        assertTrue(value.asDouble() >= 0 && value.asDouble() <= 10, scores.toString());
      }
    }
  }

  private static Set<String> texts(JsonNode array) {
    Set<String> out = new HashSet<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }
}
