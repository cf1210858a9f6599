package dev.candor.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.Candor;
import dev.candor.testing.TestConfigs;
import dev.candor.testing.TestDatabase;
import dev.candor.testing.WordErrorRate;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seed 000's interview held by the real Node {@code socket.io-client} (4.8, what the seed's Next.js frontend
 * bundles), in both ways it connects: the document's {@code transports: ['websocket']} and the client's default,
 * long-polling first and then the upgrade. The script ({@code src/test/node/seed000-flow.mjs}) checks every event
 * and answers each question with a spoken WebM recording sent as binary.
 */
class InterviewBotNodeClientTest {

  private static final Path NODE_TESTS = Path.of("src/test/node");
  private static final String ANSWER = "When the release was late I split the work with my team, reviewed every change "
      + "and we shipped on time with no incidents.";

  private static Candor server;
  private static Path recording;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    installClient();
    recording = Files.write(dir.resolve("answer.webm"), BrowserRecording.webm(CandidateVoice.say(ANSWER)));
    server = Candor.start(TestConfigs.node(TestDatabase.fresh()));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "default"})
  void theSeedsClientHoldsACompleteSpokenInterview(String mode) throws Exception {
    Process node = new ProcessBuilder("node", "seed000-flow.mjs", "http://127.0.0.1:" + server.httpPort(), mode,
        recording.toString()).directory(NODE_TESTS.toFile()).redirectErrorStream(true).start();
    assertTrue(node.waitFor(5, TimeUnit.MINUTES), "the client did not finish");
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, node.exitValue(), output);
    List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
    JsonNode result = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    JsonNode seen = result.get("seen");
    assertEquals(8, seen.get("audio").asInt(), output);
    assertEquals(8, seen.get("analyses").asInt(), output);
    if (mode.equals("default")) {
      assertEquals("polling", seen.get("transports").get(0).asText(), output);
      assertTrue(seen.get("transports").toString().contains("upgraded:websocket"), output);
    } else {
      assertEquals("[\"websocket\"]", seen.get("transports").toString(), output);
    }
    for (JsonNode answer : result.get("answers")) {
      double wer = WordErrorRate.of(ANSWER, answer.asText());
      assertTrue(wer <= 0.35, "WER " + wer + ": " + answer.asText());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"websocket", "default"})
  void aClientThatLosesItsConnectionRecoversAndGetsWhatItMissedOnce(String mode) throws Exception {
    JsonNode result = run("seed000-recovery.mjs", mode);
    JsonNode seen = result.get("seen");
    assertEquals("[false,true]", seen.get("recovered").toString(), "recovered on the second connect only: " + result);
    List<String> events = new ObjectMapper().convertValue(seen.get("events"), new TypeReference<>() {});
    assertEquals(1, events.stream().filter("questions_generated"::equals).count(), result.toString());
    assertEquals(1, events.stream().filter("answer_analyzed"::equals).count(), result.toString());
    assertTrue(events.indexOf("answer_analyzed") < events.lastIndexOf("question_audio"), "in order: " + events);
    assertEquals(events.size(), seen.get("offsets").asInt(), "every event carries its offset: " + result);
    System.out.println("recovery over " + mode + ": " + result);
  }

  private static JsonNode run(String script, String mode) throws Exception {
    Process node = new ProcessBuilder("node", script, "http://127.0.0.1:" + server.httpPort(), mode)
        .directory(NODE_TESTS.toFile()).redirectErrorStream(true).start();
    assertTrue(node.waitFor(3, TimeUnit.MINUTES), "the client did not finish");
    String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, node.exitValue(), output);
    List<String> lines = output.lines().filter(l -> l.startsWith("{")).toList();
    return new ObjectMapper().readTree(lines.get(lines.size() - 1));
  }

  /** The client is test tooling from npm: installed here when the checkout has not got it yet. */
  private static void installClient() throws IOException, InterruptedException {
    if (Files.isDirectory(NODE_TESTS.resolve("node_modules/socket.io-client"))) {
      return;
    }
    Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(NODE_TESTS.toFile())
        .redirectErrorStream(true).start();
    String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
      throw new IllegalStateException("npm ci in " + NODE_TESTS + " failed; Node.js and npm are needed:\n" + output);
    }
  }
}
