package dev.candor.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.ai.speech.embedded.EmbeddedEngines;
import dev.candor.ai.speech.embedded.MarySpeaker;
import dev.candor.testing.ServerProcess;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.WsClient;
import dev.candor.testing.audio.BrowserRecording;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, zero setup, holding a voice-loop turn: what the shading must keep working (MaryTTS's
 * service files and log4j-core's plugins, Vosk's native library and its model unpacked from the jar, the
 * ONNX embedding model, off by default and switched on here) is only proven by running the jar itself.
 */
class PackagedSpeechIT {

  private static final String ANSWER = "My greatest strength is that I communicate clearly with customers and I always "
      + "write tests before I change production code.";

  @Test
  void theJarSpeaksHearsAndScoresWithItsOwnEngines() throws Exception {
    Path workDir = Files.createTempDirectory("candor-jar-speech");
    Path unpack = Files.createTempDirectory("candor-jar-vosk").resolve("model");
    try (ServerProcess server = ServerProcess.start(workDir, Map.of("STT_VOSK_UNPACK_DIR", unpack.toString(),
        "INTERVIEW_RELEVANCE_WEIGHT", "0.2"), "jar-speech")) {
      server.awaitReady();
      converse(server);
      assertTrue(Files.exists(unpack.resolve(".complete")), "the model was unpacked from the jar");
      // SIGTERM, so that the jar stops its embedded PostgreSQL (JVMs stopped by a signal exit with 143).
      server.stop();
    }
  }

  private static void converse(ServerProcess server) throws Exception {
    MarySpeaker.Speech speech = EmbeddedEngines.mary().speak(ANSWER, false);
    try (WsClient ws = WsClient.connect(server.port(), "/ws/interview/jar-" + UUID.randomUUID())) {
      ws.next("session_started");
      ws.send("{\"type\":\"start_interview\"}");
      JsonNode audio = untilType(ws, "audio");
      byte[] mp3 = Base64.getDecoder().decode(audio.get("data").asText());
      assertEquals(0xFF, mp3[0] & 0xFF, "MP3 from the jar's MaryTTS");
      assertEquals("ready", ws.next("status").get("state").asText());

      String webm = Base64.getEncoder().encodeToString(BrowserRecording.webm(speech.samples()));
      ws.send("{\"type\":\"audio\",\"data\":\"" + webm + "\",\"format\":\"webm\"}");
      JsonNode heard = untilType(ws, "transcript");
      assertEquals("candidate", heard.get("role").asText());
      double wer = WordErrorRate.of(ANSWER, heard.get("text").asText());
      assertTrue(wer <= 0.35, "WER " + wer + ": " + heard.get("text").asText());
      assertEquals("interviewer", untilType(ws, "transcript").get("role").asText(), "analysed, and the next line");
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n--- the jar's log ---\n" + server.logTail(), e);
    }
  }

  /** Skips the statuses between the messages a step is about. */
  private static JsonNode untilType(WsClient ws, String type) throws Exception {
    for (int i = 0; i < 10; i++) {
      JsonNode message = ws.next();
      if (message.path("type").asText().equals(type)) {
        return message;
      }
      assertTrue(!message.path("type").asText().equals("error"), "error from the jar: " + message);
    }
    throw new AssertionError("no " + type + " within 10 messages");
  }
}
