package dev.candor.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.http.DatabaseReadiness;
import dev.candor.testing.HttpJson;
import dev.candor.testing.ServerProcess;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.ActorSystem;
import org.junit.jupiter.api.Test;

/** Pekko Management as Kubernetes probes it: liveness, and readiness that needs cluster membership and the database. */
class ManagementTest {

  @Test
  void theManagementPortAnswersTheProbesOnceTheNodeIsUpAndItsDatabaseAnswers() throws Exception {
    int port = ServerProcess.freePort();
    try (Candor node = Candor.start(ConfigFactory.parseMap(Map.of(
            "candor.management.enabled", true,
            "pekko.management.http.hostname", "127.0.0.1",
            "pekko.management.http.port", port))
        .withFallback(TestConfigs.node(TestDatabase.fresh())))) {
      HttpJson management = new HttpJson(port);
      assertEquals(200, management.get("/alive").status());
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      HttpJson.Response ready;
      while ((ready = management.get("/ready")).status() != 200) {
        assertTrue(System.nanoTime() < deadline, "never ready: " + ready.raw());
        Thread.sleep(200);
      }
      HttpJson.Response members = management.get("/cluster/members");
      assertEquals(200, members.status(), members.raw());
      assertEquals("Up", members.body().at("/members/0/status").asText(), members.raw());
    }
  }

  @Test
  void aNodeWithoutItsDatabaseIsNotReady() throws Exception {
    ActorSystem system = ActorSystem.create("readiness-" + System.nanoTime(), ConfigFactory.parseString(
        "pekko.actor.provider = local"));
    try {
      assertFalse(new DatabaseReadiness(system).get().toCompletableFuture().get(10, TimeUnit.SECONDS));
    } finally {
      system.terminate();
    }
  }

  @Test
  void anUnknownDiscoveryStopsTheNodeWithTheSettingsName() {
    IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> Candor.start(ConfigFactory.parseMap(Map.of("candor.cluster.discovery", "dns"))
            .withFallback(TestConfigs.node(TestDatabase.fresh()))));
    assertTrue(refused.getMessage().contains("CLUSTER_DISCOVERY"), refused.getMessage());
  }
}
