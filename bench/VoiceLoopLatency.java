import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Voice-loop sessions against a running node: the time from start_interview to the greeting's MP3. Every
 * session has the same (empty) resume, so the first synthesises the greeting and the others find it in the
 * audio table. Usage: java bench/VoiceLoopLatency.java PORT SESSIONS
 */
public class VoiceLoopLatency {

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int sessions = Integer.parseInt(args[1]);
    List<Double> millis = new ArrayList<>();
    for (int i = 0; i < sessions; i++) {
      LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
      WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
          URI.create("ws://127.0.0.1:" + port + "/ws/interview/bench-voice-" + System.nanoTime()), new WebSocket.Listener() {
            final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
              partial.append(data);
              if (last) {
                received.add(partial.toString());
                partial.setLength(0);
              }
              ws.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      await(received, "session_started");
      long start = System.nanoTime();
      socket.sendText("{\"type\":\"start_interview\"}", true).join();
      await(received, "\"type\":\"audio\"");
      millis.add((System.nanoTime() - start) / 1e6);
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }
    System.out.printf("start_interview -> greeting MP3 (plan + persist + TTS): first session %.0f ms (synthesised); "
        + "sessions 2-%d: median %.0f ms (the same words: found in the audio table)%n", millis.get(0), sessions,
        median(millis.subList(1, millis.size())));
  }

  static void await(LinkedBlockingQueue<String> received, String marker) throws InterruptedException {
    while (true) {
      String message = received.poll(120, TimeUnit.SECONDS);
      if (message == null) {
        throw new IllegalStateException("no message containing " + marker + " within 120 s");
      }
      if (message.contains(marker)) {
        return;
      }
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
