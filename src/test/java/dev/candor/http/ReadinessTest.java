package dev.candor.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.testing.HttpJson;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** /ready tells the truth: 503 with a reason while the node is not Up or its database does not answer. */
class ReadinessTest {

  @Test
  void notReadyWhileTheDatabaseRefusesConnectionsAndReadyAgainAfterwards() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    String name = TestDatabase.name(db);
    try (Candor node = Candor.start(TestConfigs.node(db))) {
      HttpJson http = new HttpJson(node.httpPort());
      assertEquals(200, awaitStatus(http, 200).status());

      TestDatabase.onServer("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
      TestDatabase.onServer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
      HttpJson.Response down = awaitStatus(http, 503);
      assertTrue(down.body().get("reason").asText().contains("database"), down.raw());
      assertEquals(200, http.get("/health").status(), "the process itself is still healthy");

      TestDatabase.onServer("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS true");
      assertEquals(200, awaitStatus(http, 200).status());
    }
  }

  @Test
  void notReadyWhileTheNodeHasNotJoinedItsCluster() throws Exception {
    TestDatabase.Db db = TestDatabase.fresh();
    var config = ConfigFactory.parseString("candor.cluster.seed-nodes = \"pekko://candor@127.0.0.1:1\"")
        .withFallback(TestConfigs.node(db));
    try (Candor node = Candor.start(config)) {
      HttpJson.Response response = new HttpJson(node.httpPort()).get("/ready");
      assertEquals(503, response.status());
      assertTrue(response.body().get("reason").asText().contains("not Up"), response.raw());
    }
  }

  @Test
  void notReadyWhileTheSpeechEnginesWarmUp() throws Exception {
    try (Candor node = Candor.start(TestConfigs.node(TestDatabase.fresh()))) {
      HttpJson http = new HttpJson(node.httpPort());
      assertEquals(200, awaitStatus(http, 200).status());
      var classic = org.apache.pekko.actor.typed.javadsl.Adapter.toClassic(node.system());
      java.util.concurrent.CompletableFuture<Void> warming = new java.util.concurrent.CompletableFuture<>();
      SpeechReadiness.register(classic, warming);
      HttpJson.Response cold = http.get("/ready");
      assertEquals(503, cold.status(), cold.raw());
      assertTrue(cold.body().get("reason").asText().contains("speech engines"), cold.raw());
      assertEquals(false, new SpeechReadiness(classic).get().toCompletableFuture().get(), "management's check agrees");
      warming.complete(null);
      assertEquals(200, http.get("/ready").status());
      assertEquals(true, new SpeechReadiness(classic).get().toCompletableFuture().get());
    }
  }

  private static HttpJson.Response awaitStatus(HttpJson http, int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpJson.Response last = http.get("/ready");
    while (last.status() != status && System.nanoTime() < deadline) {
      Thread.sleep(250);
      last = http.get("/ready");
    }
    assertEquals(status, last.status(), last.raw());
    return last;
  }
}
