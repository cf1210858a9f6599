import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Holds complete OpenHire interviews against a running Candor and measures, per answer, the time from
 * sending candidate_response to receiving its ai_response (the answer persisted, analysed, the analysis and
 * the next question persisted, and pushed back). JDK only: run with {@code java bench/InterviewLatency.java}.
 *
 * Usage: java bench/InterviewLatency.java [port] [interviews]
 */
public class InterviewLatency {

  private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_]+)\"");
  private static final String ANSWER = "In my last role our React dashboard took eight seconds to load. My task was to "
      + "bring it under two seconds before a client demo. I profiled the bundle, split the code by route and moved "
      + "heavy charts to lazy loaded components. As a result load time dropped by 75 percent.";

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8000;
    int interviews = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<Double> first = new ArrayList<>();
    List<Double> all = new ArrayList<>();
    for (int i = 0; i < interviews; i++) {
      List<Double> one = interview(port);
      if (i == 0) {
        first.addAll(one);
      }
      all.addAll(one);
    }
    System.out.printf("first interview (cold): n=%d median=%.1f ms p99=%.1f ms max=%.1f ms%n",
        first.size(), pct(first, 50), pct(first, 99), pct(first, 100));
    List<Double> warm = all.subList(first.size(), all.size());
    if (!warm.isEmpty()) {
      System.out.printf("next %d interviews (warm): n=%d median=%.1f ms p99=%.1f ms max=%.1f ms%n",
          interviews - 1, warm.size(), pct(warm, 50), pct(warm, 99), pct(warm, 100));
    }
  }

  private static List<Double> interview(int port) throws Exception {
    LinkedBlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/interview/bench-" + UUID.randomUUID() + "?protocol=openhire"), new WebSocket.Listener() {
          private final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
              inbox.add(partial.toString());
              partial.setLength(0);
            }
            socket.request(1);
            return null;
          }
        }).get(10, TimeUnit.SECONDS);
    ws.sendText("{\"type\":\"start_interview\",\"data\":{\"job_id\":\"ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3\","
        + "\"candidate_id\":\"test-candidate\"}}", true).join();
    expect(inbox, "interview_started");
    List<Double> millis = new ArrayList<>();
    for (int n = 0; n < 8; n++) {
      long start = System.nanoTime();
      ws.sendText("{\"type\":\"candidate_response\",\"data\":{\"response\":\"" + ANSWER + "\"}}", true).join();
      expect(inbox, "ai_response");
      millis.add((System.nanoTime() - start) / 1e6);
    }
    expect(inbox, "interview_ended");
    ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    return millis;
  }

  private static void expect(LinkedBlockingQueue<String> inbox, String type) throws InterruptedException {
    String message = inbox.poll(30, TimeUnit.SECONDS);
    if (message == null) {
      throw new IllegalStateException("no " + type + " within 30 s");
    }
    Matcher m = TYPE.matcher(message);
    if (!m.find() || !m.group(1).equals(type)) {
      throw new IllegalStateException("expected " + type + " but got " + message);
    }
  }

  /** Nearest-rank percentile. */
  private static double pct(List<Double> values, int percentile) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
  }
}
