package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.WsClient;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.Signals;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The voice loop on a hosted recogniser (a local server speaking OpenAI's transcription API) and no voice:
 * while the provider is down an answer gets a recoverable error and the question stays open; once it is
 * back, the same client's next recording is heard.
 */
class VoiceLoopHostedSpeechTest {

  private static final AtomicBoolean down = new AtomicBoolean(true);
  private static final AtomicInteger requests = new AtomicInteger();
  private static HttpServer provider;
  private static Candor server;

  @BeforeAll
  static void start() throws Exception {
    provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    provider.createContext("/v1/audio/transcriptions", exchange -> {
      requests.incrementAndGet();
      exchange.getRequestBody().readAllBytes();
      boolean failing = down.get();
      byte[] body = (failing ? "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}"
          : "{\"text\":\"I led the billing migration.\",\"language\":\"english\",\"duration\":3.0}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    provider.start();
    server = Candor.start(ConfigFactory.parseString("candor.speech { stt-provider = openai\ntts-provider = none\n"
            + "openai-stt { base-url = \"http://127.0.0.1:" + provider.getAddress().getPort() + "/v1\"\napi-key = sk-test } }\n"
            + "candor.interview { worker-retries = 1\nworker-backoff = 50ms }")
        .withFallback(TestConfigs.node(TestDatabase.fresh())));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    provider.stop(0);
  }

  @Test
  void aNodeThatCannotHearRefusesToStartAVoiceInterview() throws Exception {
    Candor deaf = Candor.start(ConfigFactory.parseString("candor.speech { stt-provider = none\ntts-provider = none }")
        .withFallback(TestConfigs.node(TestDatabase.fresh())));
    try (WsClient ws = WsClient.connect(deaf.httpPort(), "/ws/interview/deaf-" + UUID.randomUUID())) {
      ws.next("session_started");
      ws.send("{\"type\":\"start_interview\"}");
      JsonNode error = ws.next("error");
      assertEquals("START_ERROR", error.get("code").asText(), error.toString());
      assertEquals(false, error.get("recoverable").asBoolean());
      assertTrue(error.get("message").asText().contains("STT_PROVIDER=none"), error.toString());
    } finally {
      deaf.close();
    }
  }

  @Test
  void aProviderOutageIsARecoverableErrorAndTheAnswerCanBeGivenAgain() throws Exception {
    try (WsClient ws = WsClient.connect(server.httpPort(), "/ws/interview/hosted-" + UUID.randomUUID())) {
      ws.next("session_started");
      ws.send("{\"type\":\"start_interview\"}");
      assertEquals("generating", ws.next("status").get("state").asText());
      JsonNode question = ws.next("transcript");
      assertEquals(1, question.get("sequence").asInt());
      assertEquals("ready", ws.next("status").get("state").asText(), "no voice: the client may answer at once");

      String recording = Base64.getEncoder().encodeToString(BrowserRecording.webm(Signals.speechLike(48_000, 2.0)));
      ws.send("{\"type\":\"audio\",\"data\":\"" + recording + "\"}");
      assertEquals("processing_stt", ws.next("status").get("state").asText());
      JsonNode error = ws.next("error");
      assertEquals("PROCESSING_ERROR", error.get("code").asText(), error.toString());
      assertTrue(error.get("recoverable").asBoolean());
      assertTrue(error.get("message").asText().contains("overloaded"), error.toString());
      assertEquals("ready", ws.next("status").get("state").asText());
      assertEquals(2, requests.get(), "one call and one retry");

      down.set(false);
      ws.send("{\"type\":\"audio\",\"data\":\"" + recording + "\"}");
      assertEquals("processing_stt", ws.next("status").get("state").asText());
      JsonNode heard = ws.next("transcript");
      assertEquals("candidate", heard.get("role").asText());
      assertEquals("I led the billing migration.", heard.get("text").asText());
      assertEquals(2, heard.get("sequence").asInt());
    }
  }
}
