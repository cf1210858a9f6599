import dev.candor.testing.SampleData;
import dev.candor.testing.SocketIoEvents;
import dev.candor.testing.audio.BrowserRecording;
import dev.candor.testing.audio.CandidateVoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * Seed 000's interview over Socket.IO (the Java socket.io-client, WebSocket transport) against a running node:
 * start_interview → the first question_audio, and submit_answer with an 8 s WebM/Opus recording (binary) →
 * answer_analyzed and → the next question_audio (the client waits the recording's 8 s before each answer, as the
 * candidate speaks it). Each interview names another company (in the job and in the resume the first question quotes), so
 * its questions are new and its question_audio is synthesised, not found in the audio table. Runs with the test classpath (bench/socketio.sh).
 * Usage: java -cp ... bench/SocketIoLatency.java PORT INTERVIEWS ANSWERS_PER_INTERVIEW
 */
public class SocketIoLatency {

  private static final String ANSWER = "When our payment service failed during a sale I led the fix. I added an "
      + "index and a cache, and errors fell by ninety percent.";
  private static final int RATE = 48_000;
  private static final int SECONDS = 8;

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int interviews = Integer.parseInt(args[1]);
    int answers = Integer.parseInt(args[2]);
    short[] voice = CandidateVoice.say(ANSWER);
    if (voice.length > RATE * SECONDS) {
      throw new IllegalStateException("the answer is longer than " + SECONDS + " s: " + voice.length / (double) RATE);
    }
    // The rest of the 8 s is silence, as when a candidate stops speaking before pressing stop.
    byte[] recording = BrowserRecording.webm(Arrays.copyOf(voice, RATE * SECONDS));
    System.out.printf("recording: %d s WebM/Opus, %d bytes, %.1f s of it speech%n", SECONDS, recording.length,
        voice.length / (double) RATE);
    List<Double> firstAudio = new ArrayList<>();
    List<Double> analysed = new ArrayList<>();
    List<Double> nextAudio = new ArrayList<>();
    for (int i = 0; i < interviews; i++) {
      try (SocketIoEvents client = SocketIoEvents.connect(port, Map.of(), "websocket")) {
        JSONObject data = SampleData.seed000StartInterview();
        String company = "Company " + (char) ('A' + i % 26) + (char) ('a' + i / 26 % 26);
        data.getJSONObject("parsedJobDescription").put("company", company);
        data.getJSONObject("parsedResume").getJSONArray("experience").getJSONObject(0).put("company", company);
        long start = System.nanoTime();
        client.emit("start_interview", data);
        String questionId = client.next("question_audio").object().getString("questionId");
        firstAudio.add((System.nanoTime() - start) / 1e6);
        for (int a = 0; a < answers; a++) {
          Thread.sleep(SECONDS * 1000L);
          long sent = System.nanoTime();
          client.emit("submit_answer", new JSONObject().put("questionId", questionId).put("audioBlob", recording));
          client.next("answer_analyzed");
          analysed.add((System.nanoTime() - sent) / 1e6);
          questionId = client.next("question_audio").object().getString("questionId");
          nextAudio.add((System.nanoTime() - sent) / 1e6);
        }
      }
    }
    report("start_interview -> first question_audio, first interview", firstAudio.subList(0, 1));
    if (interviews > 1) {
      report("start_interview -> first question_audio, next " + (interviews - 1) + " interviews",
          firstAudio.subList(1, interviews));
    }
    report("submit_answer (" + SECONDS + " s recording) -> answer_analyzed, " + analysed.size() + " answers", analysed);
    report("submit_answer (" + SECONDS + " s recording) -> next question_audio, " + nextAudio.size() + " answers", nextAudio);
  }

  private static void report(String what, List<Double> millis) {
    List<Double> sorted = new ArrayList<>(millis);
    sorted.sort(null);
    System.out.printf("%s: p50 %.0f ms, p90 %.0f ms, max %.0f ms (n=%d)%n", what, percentile(sorted, 0.5),
        percentile(sorted, 0.9), sorted.get(sorted.size() - 1), sorted.size());
  }

  private static double percentile(List<Double> sorted, double p) {
    return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }
}
