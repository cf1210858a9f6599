package dev.candor.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.session.InterviewSession;
import dev.candor.testing.HttpJson;
import dev.candor.testing.SampleData;
import dev.candor.testing.ServerProcess;
import dev.candor.testing.SocketIoEvents;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.WsClient;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion.CurrentShardRegionState;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import java.util.UUID;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/**
 * A client connected to one node holds an interview whose entity lives on another: commands, replies and
 * the session's pushed updates cross the cluster (Jackson CBOR over Artery).
 */
class TwoNodeTest {

  private static final String START = "{\"type\":\"start_interview\",\"data\":{\"job_id\":"
      + "\"ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3\",\"candidate_id\":\"test-candidate\"}}";
  private static final String ANSWER = "{\"type\":\"candidate_response\",\"data\":{\"response\":\"At my last job I "
      + "rebuilt our React checkout; my goal was speed, I split the bundle and load time fell by 50%.\"}}";
  private static final String ANOTHER_ANSWER = "{\"type\":\"candidate_response\",\"data\":{\"response\":\"I led the move "
      + "of our billing jobs to a queue: retries stopped doubling charges and the nightly run took an hour less.\"}}";

  @Test
  void aSessionOnOneNodeIsServedThroughAnother() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    int remotingA = ServerProcess.freePort();
    String sessionId = "two-nodes-" + UUID.randomUUID();
    try (Candor a = Candor.start(node(db, remotingA, ""))) {
      // With one node, the session's shard can only be allocated here; it stays when the second node joins.
      try (WsClient ws = WsClient.connect(a.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
        ws.send(START);
        ws.next("interview_started");
        ws.send(ANSWER);
        assertEquals(2, ws.next("ai_response").get("data").get("questions_asked").asInt());
      }
      try (Candor b = Candor.start(node(db, ServerProcess.freePort(), "pekko://candor@127.0.0.1:" + remotingA))) {
        awaitReady(new HttpJson(b.httpPort()));
        try (WsClient ws = WsClient.connect(b.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
          ws.send("{\"type\":\"get_status\",\"data\":{}}");
          assertEquals(2, ws.next("status_update").get("data").get("questions_asked").asInt());
          ws.send(ANOTHER_ANSWER);
          JsonNode pushed = ws.next("ai_response").get("data");
          assertEquals(3, pushed.get("questions_asked").asInt());
          assertTrue(hostedSessions(a).contains(sessionId), "the session's entity lives on node A");
          assertFalse(hostedSessions(b).contains(sessionId), "node B only relays");
          ws.send("{\"type\":\"end_interview\",\"data\":{}}");
          ws.next("interview_ended");
        }
        JsonNode session = new HttpJson(b.httpPort()).get("/api/sessions/" + sessionId).body();
        assertEquals("completed", session.get("status").asText());
        assertEquals(2, session.get("answersRecorded").asInt());
      }
    }
  }

  @Test
  void aClientKeepsItsInterviewWhenTheNodeHostingTheSessionLeaves() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    int remotingA = ServerProcess.freePort();
    String sessionId = "moved-" + UUID.randomUUID();
    Candor a = Candor.start(node(db, remotingA, ""));
    try {
      try (WsClient ws = WsClient.connect(a.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
        ws.send(START);
        ws.next("interview_started");
      }
      try (Candor b = Candor.start(node(db, ServerProcess.freePort(), "pekko://candor@127.0.0.1:" + remotingA));
          WsClient ws = WsClient.connect(b.httpPort(), "/ws/interview/" + sessionId + "?protocol=openhire")) {
        awaitReady(new HttpJson(b.httpPort()));
        ws.send("{\"type\":\"get_status\",\"data\":{}}");
        assertEquals(1, ws.next("status_update").get("data").get("questions_asked").asInt());
        assertTrue(hostedSessions(a).contains(sessionId), "the session starts out on node A");

        a.close();
        // The session restarts on B without its subscribers; the connection saw it stop, subscribed again and
        // gets the update (its retry interval is longer than the test, so only the watch can have done it).
        ws.send(ANSWER);
        assertEquals(2, ws.next("ai_response").get("data").get("questions_asked").asInt());
        assertTrue(hostedSessions(b).contains(sessionId), "the session now lives on node B");
      }
    } finally {
      a.close();
    }
  }

  @Test
  void aSocketIoInterviewOnOneNodeIsServedThroughAnother() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    int remotingA = ServerProcess.freePort();
    try (Candor a = Candor.start(node(db, remotingA, ""))) {
      String sessionId;
      JSONArray questions;
      try (SocketIoEvents client = SocketIoEvents.connect(a.httpPort(), Map.of(), "websocket")) {
        client.emit("start_interview", SampleData.seed000StartInterview());
        sessionId = client.next("interview_session").object().getString("sessionId");
        questions = client.next("questions_generated").array();
        client.next("question_audio");
        client.emit("submit_answer", typed(questions, 0));
        client.next("answer_analyzed");
      }
      try (Candor b = Candor.start(node(db, ServerProcess.freePort(), "pekko://candor@127.0.0.1:" + remotingA))) {
        awaitReady(new HttpJson(b.httpPort()));
        try (SocketIoEvents client = SocketIoEvents.connect(b.httpPort(), Map.of("sessionId", sessionId), "websocket")) {
          assertEquals(sessionId, client.next("interview_session").object().getString("sessionId"));
          assertEquals(questions.toString(), client.next("questions_generated").array().toString());
          // The audio was stored by node A and is read from the database by node B.
          JSONObject audio = client.next("question_audio").object();
          assertEquals(questions.getJSONObject(1).getString("id"), audio.getString("questionId"));
          assertTrue(((byte[]) audio.get("audioBlob")).length > 1000);
          client.emit("submit_answer", typed(questions, 1));
          assertEquals(questions.getJSONObject(1).getString("id"), client.next("answer_analyzed").object().getString("questionId"));
          assertEquals(questions.getJSONObject(2).getString("id"), client.next("question_audio").object().getString("questionId"));
          assertTrue(hostedSessions(a).contains(sessionId), "the session's entity lives on node A");
          assertFalse(hostedSessions(b).contains(sessionId), "node B only relays");
          client.emit("complete_interview");
          client.next("interview_complete");
        }
        assertEquals(2, new HttpJson(b.httpPort()).get("/api/sessions/" + sessionId).body().get("answersRecorded").asInt());
      }
    }
  }

  private static JSONObject typed(JSONArray questions, int index) {
    return new JSONObject().put("questionId", questions.getJSONObject(index).getString("id")).put("answer",
        "At my last job I rebuilt our React checkout; my goal was speed, so I split the bundle and load time fell by 50%.");
  }

  private static Set<String> hostedSessions(Candor node) {
    ActorRef<ClusterShardingQuery> query = ClusterSharding.get(node.system()).shardState();
    CompletionStage<CurrentShardRegionState> state = AskPattern.ask(query,
        replyTo -> new GetShardRegionState(InterviewSession.TYPE_KEY, replyTo), Duration.ofSeconds(5),
        node.system().scheduler());
    return state.toCompletableFuture().join().getShards().stream()
        .flatMap(shard -> shard.getEntityIds().stream())
        .collect(Collectors.toSet());
  }

  private static Config node(TestDatabase.Db db, int remotingPort, String seeds) {
    return ConfigFactory.parseMap(Map.of(
            "pekko.remote.artery.canonical.port", remotingPort,
            "candor.http.resubscribe-interval", "1h",
            "candor.cluster.seed-nodes", seeds))
        .withFallback(TestConfigs.node(db));
  }

  private static void awaitReady(HttpJson http) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (http.get("/ready").status() != 200) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second node never became ready: " + http.get("/ready").raw());
      }
      Thread.sleep(200);
    }
  }
}
