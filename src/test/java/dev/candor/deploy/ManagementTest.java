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
import dev.candor.testing.WsClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
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

      try (WsClient ws = WsClient.connect(node.httpPort(), "/ws/interview/metrics-" + UUID.randomUUID() + "?protocol=openhire")) {
        ws.send("{\"type\":\"start_interview\",\"data\":{\"job_id\":\"ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3\","
            + "\"candidate_id\":\"test-candidate\"}}");
        ws.next("interview_started");
        String metrics = scrape(port);
        assertTrue(metrics.contains("candor_open_sockets 1.0"), metrics);
        // The start, and the socket's subscription to the session.
        assertTrue(sample(metrics, "candor_session_request_seconds_count{outcome=\"answered\"}") >= 2, metrics);
        // Outcomes that have not happened are reported at 0, not left out.
        assertEquals(0.0, sample(metrics, "candor_session_request_seconds_count{outcome=\"timed_out\"}"), metrics);
      }
      String metrics = scrape(port);
      assertTrue(metrics.contains("candor_cluster_members{status=\"up\"} 1.0"), metrics);
      assertTrue(metrics.contains("candor_cluster_unreachable_members 0.0"), metrics);
      assertTrue(metrics.contains("jvm_memory_used_bytes"), "the JVM's own: " + metrics);
    }
  }

  private static String scrape(int managementPort) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + managementPort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"), response.headers().toString());
    return response.body();
  }

  /** The value of the sample whose name and labels are {@code series}, or -1 when there is none. */
  private static double sample(String metrics, String series) {
    return metrics.lines().filter(line -> line.startsWith(series + " "))
        .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim())).findFirst().orElse(-1);
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
