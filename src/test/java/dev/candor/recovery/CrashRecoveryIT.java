package dev.candor.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.testing.DatabaseProcess;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.ServerProcess;
import dev.candor.testing.SocketIoEvents;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.WsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kills Candor with SIGKILL in the middle of an interview and proves that a new process carries on where the
 * old one stopped: on a PostgreSQL that outlives both, and on the zero-setup embedded defaults.
 */
class CrashRecoveryIT {

  private static final String TEST_JOB = "ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3";

  private interface OnDatabase {
    void run(TestDatabase.Db db) throws Exception;
  }

  @Test
  void anInterviewSurvivesAKilledNode() throws Exception {
    onSharedDatabase(this::killAndResume);
  }

  @Test
  void aSocketIoInterviewSurvivesAKilledNode() throws Exception {
    onSharedDatabase(this::killAndRejoinOverSocketIo);
  }

  /** A PostgreSQL that outlives the Candor processes: the one in DATABASE_URL, or one of our own. */
  private static void onSharedDatabase(OnDatabase work) throws Exception {
    String external = System.getenv("DATABASE_URL");
    if (external != null && !external.isBlank()) {
      work.run(TestDatabase.fresh());
      return;
    }
    try (DatabaseProcess database = DatabaseProcess.start(Files.createTempDirectory("candor-shared-db"))) {
      work.run(database.db());
    }
  }

  /** Seed 000's client: 3 typed answers, SIGKILL, a new process, a rejoin by session id, 5 more answers. */
  private void killAndRejoinOverSocketIo(TestDatabase.Db db) throws Exception {
    Map<String, String> env = withoutSpeech(db);
    Path workDir = Files.createTempDirectory("candor-crash-socketio");
    ServerProcess first = start(workDir, env, "crash-socketio-first");
    first.awaitReady();
    String sessionId;
    JSONArray questions;
    try (SocketIoEvents client = SocketIoEvents.connect(first.port(), Map.of(), "websocket")) {
      client.emit("start_interview", SampleData.seed000StartInterview());
      sessionId = client.next("interview_session").object().getString("sessionId");
      questions = client.next("questions_generated").array();
      for (int n = 1; n <= 3; n++) {
        client.emit("submit_answer", typedAnswer(questions, n));
        assertEquals(questions.getJSONObject(n - 1).getString("id"), client.next("answer_analyzed").object().getString("questionId"));
      }
    }
    first.kill();

    ServerProcess second = start(workDir, env, "crash-socketio-second");
    second.awaitReady();
    Set<String> analysed = new HashSet<>();
    try (SocketIoEvents client = SocketIoEvents.connect(second.port(), Map.of("sessionId", sessionId), "websocket")) {
      assertEquals(sessionId, client.next("interview_session").object().getString("sessionId"));
      assertEquals(questions.toString(), client.next("questions_generated").array().toString());
      for (int n = 4; n <= 8; n++) {
        client.emit("submit_answer", typedAnswer(questions, n));
        assertTrue(analysed.add(client.next("answer_analyzed").object().getString("questionId")));
      }
      JSONObject results = client.next("interview_complete").object();
      assertEquals(8, results.getJSONArray("questions").length());
      for (int i = 0; i < 8; i++) {
        assertTrue(results.getJSONArray("questions").getJSONObject(i).getString("answer").startsWith("Answer number " + (i + 1)),
            results.toString());
      }
    }
    String persistenceId = "InterviewSession|" + sessionId;
    assertEquals(8, TestDatabase.count(db, journalCount(persistenceId, "AnswerRecorded")), "each answer recorded once");
    assertEquals(8, TestDatabase.count(db, journalCount(persistenceId, "AnswerAnalysed")), "each answer analysed once");
    // A Socket.IO client reconnects when its transport closes (not after a disconnect of its own); a stopping node
    // closes it rather than leave it open until the process exits.
    try (WsClient transport = WsClient.connect(second.port(), "/socket.io/?EIO=4&transport=websocket")) {
      transport.next();
      second.signal("TERM");
      assertEquals(1000, transport.awaitServerClose(), "the Engine.IO transport is closed by the stopping node");
    }
    second.stop();
  }

  /**
   * Typed answers need no speech engine, and a node with the embedded ones is ready only once they are loaded and
   * (on a new database) the interviewer's common lines are spoken: 30-45 s a start here. The embedded defaults'
   * own recovery is {@link #theEmbeddedDefaultsComeBackAfterAKill}.
   */
  private static Map<String, String> withoutSpeech(TestDatabase.Db db) {
    return Map.of("DATABASE_URL", db.url(), "DATABASE_USER", db.user(), "DATABASE_PASSWORD", db.password(),
        "TTS_PROVIDER", "none", "STT_PROVIDER", "none");
  }

  private static JSONObject typedAnswer(JSONArray questions, int n) {
    return new JSONObject().put("questionId", questions.getJSONObject(n - 1).getString("id"))
        .put("answer", "Answer number " + n + ": at Tech Corp I led a migration to microservices; I planned it, "
            + "split the monolith in stages and cut deploy time by 60% within a quarter.");
  }

  private void killAndResume(TestDatabase.Db db) throws Exception {
    Map<String, String> env = withoutSpeech(db);
    Path workDir = Files.createTempDirectory("candor-crash");
    String sessionId = "crash-" + UUID.randomUUID();

    ServerProcess first = start(workDir, env, "crash-first");
    System.out.println("first node ready after " + first.awaitReady().toMillis() + " ms");
    try (WsClient ws = WsClient.connect(first.port(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send(start());
      ws.next("interview_started");
      for (int n = 1; n <= 3; n++) {
        ws.send(answer(n));
        assertEquals(n + 1, ws.next("ai_response").get("data").get("questions_asked").asInt());
      }
    }
    first.kill();

    ServerProcess second = start(workDir, env, "crash-second");
    System.out.println("second node ready after " + second.awaitReady().toMillis() + " ms");
    try (WsClient ws = WsClient.connect(second.port(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send("{\"type\":\"get_status\",\"data\":{}}");
      JsonNode status = ws.next("status_update").get("data");
      assertEquals(4, status.get("questions_asked").asInt());
      assertFalse(status.get("completed").asBoolean());
      for (int n = 4; n <= 8; n++) {
        ws.send(answer(n));
        JsonNode reply = ws.next("ai_response").get("data");
        assertEquals(n == 8, reply.get("completed").asBoolean());
      }
      ws.next("interview_ended");
    }

    JsonNode report = new HttpJson(second.port()).get("/api/sessions/" + sessionId).body().get("report");
    assertEquals(8, report.get("questions").size());
    Set<String> questionIds = new HashSet<>();
    for (int i = 0; i < 8; i++) {
      JsonNode result = report.get("questions").get(i);
      assertTrue(questionIds.add(result.get("questionId").asText()));
      assertTrue(result.get("answer").asText().startsWith("Answer number " + (i + 1) + ":"), result.toString());
      assertTrue(result.get("feedback").asText().length() > 20);
    }
    String persistenceId = "InterviewSession|" + sessionId;
    assertEquals(8, TestDatabase.count(db, journalCount(persistenceId, "AnswerRecorded")), "each answer recorded once");
    assertEquals(8, TestDatabase.count(db, journalCount(persistenceId, "AnswerAnalysed")), "each answer analysed once");
    assertEquals(1, TestDatabase.count(db, journalCount(persistenceId, "InterviewCompleted")));
    assertTrue(TestDatabase.count(db, "SELECT count(*) FROM snapshot WHERE persistence_id = '" + persistenceId + "'") >= 1,
        "an interview has more events than the snapshot interval");
    second.kill();

    // A third process recovers the finished interview from its snapshot and the events after it.
    ServerProcess third = start(workDir, env, "crash-third");
    third.awaitReady();
    JsonNode recovered = new HttpJson(third.port()).get("/api/sessions/" + sessionId).body();
    assertEquals("completed", recovered.get("status").asText());
    assertEquals(report, recovered.get("report"));
    third.stop();
  }

  @Test
  void theEmbeddedDefaultsComeBackAfterAKill() throws Exception {
    Path workDir = Files.createTempDirectory("candor-embedded");
    String sessionId = "embedded-" + UUID.randomUUID();

    ServerProcess first = start(workDir, Map.of(), "embedded-first");
    System.out.println("embedded first start ready after " + first.awaitReady().toMillis() + " ms");
    try (WsClient ws = WsClient.connect(first.port(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send(start());
      ws.next("interview_started");
      for (int n = 1; n <= 2; n++) {
        ws.send(answer(n));
        ws.next("ai_response");
      }
    }
    first.kill();
    Path pidFile = workDir.resolve("data/postgres/postmaster.pid");
    assertTrue(Files.exists(pidFile), "the killed node's PostgreSQL is left behind, holding the data folder");
    long leftover = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
    assertTrue(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false), "its postmaster still runs");

    ServerProcess second = start(workDir, Map.of(), "embedded-second");
    System.out.println("embedded restart ready after " + second.awaitReady().toMillis() + " ms");
    assertFalse(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false), "the leftover server was stopped");
    try (WsClient ws = WsClient.connect(second.port(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
      ws.send("{\"type\":\"get_status\",\"data\":{}}");
      assertEquals(3, ws.next("status_update").get("data").get("questions_asked").asInt());
      ws.send(answer(3));
      assertEquals(4, ws.next("ai_response").get("data").get("questions_asked").asInt());
      // Asked to stop (a rolling update), the node closes its sockets itself, with a code that is not a normal
      // close: the frontends reconnect after any other, and the port is closed by then, so they reach another node.
      second.signal("TERM");
      int code = ws.awaitServerClose();
      assertEquals(1011, code, "a stopping node's clients are told to reconnect (1011: Pekko HTTP's close for a socket that failed)");
      System.out.println("socket closed with " + code + " on SIGTERM");
    }
    second.stop();
    assertFalse(Files.exists(pidFile), "a clean stop also stops the embedded PostgreSQL");
    assertTrue(second.log().contains("1 open sockets told to reconnect elsewhere"), second.logTail());
    assertFalse(second.log().contains("Websocket handler failed"), "sockets closed on purpose are not logged as errors");
  }

  private final List<ServerProcess> servers = new ArrayList<>();
  private final List<Path> embeddedDataDirs = new ArrayList<>();
  private final List<Path> workDirs = new ArrayList<>();

  private ServerProcess start(Path workDir, Map<String, String> env, String logName) throws Exception {
    ServerProcess server = ServerProcess.start(workDir, env, logName);
    servers.add(server);
    workDirs.add(workDir);
    if (env.isEmpty()) {
      embeddedDataDirs.add(workDir.resolve("data/postgres"));
    }
    return server;
  }

  /** A failed assertion must not leave Candor JVMs, or the PostgreSQL a killed one left behind, running. */
  @AfterEach
  void stopEverything() throws Exception {
    servers.forEach(ServerProcess::close);
    for (Path dataDir : embeddedDataDirs) {
      Path pidFile = dataDir.resolve("postmaster.pid");
      if (Files.exists(pidFile)) {
        ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).trim())).ifPresent(p -> {
          p.destroy();
          p.onExit().join();
        });
      }
    }
    workDirs.forEach(TestDatabase::deleteTree);
  }

  private static String start() {
    return "{\"type\":\"start_interview\",\"data\":{\"job_id\":\"" + TEST_JOB + "\",\"candidate_id\":\"test-candidate\"}}";
  }

  private static String answer(int n) {
    List<String> stories = List.of(
        "At my last job our React app was slow, so I profiled it and cut load time by 40% with code splitting.",
        "My task was to migrate our API to GraphQL; I designed the schema, wrote resolvers and we shipped in 6 weeks.");
    return "{\"type\":\"candidate_response\",\"data\":{\"response\":\"Answer number " + n + ": "
        + stories.get(n % 2) + "\"}}";
  }

  private static String journalCount(String persistenceId, String eventClass) {
    return "SELECT count(*) FROM event_journal WHERE persistence_id = '" + persistenceId
        + "' AND event_ser_manifest LIKE '%$" + eventClass + "'";
  }
}
