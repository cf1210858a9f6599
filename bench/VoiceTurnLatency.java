import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Spoken turns over seed 001's voice loop against a running node: from the last byte of the candidate's
 * recording sent to the first byte of the interviewer's reply audio received, split by the messages the node
 * sends on the way (processing_stt once the recording is stored, the candidate's transcript once it is heard,
 * the interviewer's transcript once the answer is analysed and the next line chosen, then the audio).
 *
 * <pre>
 * java bench/VoiceTurnLatency.java turns PORT INTERVIEWS ANSWERS CONCURRENT LABEL RECORDING...
 * java bench/VoiceTurnLatency.java steps RECORDING.jfr
 * </pre>
 * Each interview gets a resume of its own (another employer and skills), so its questions are new words to speak.
 * Recordings are given as FILE=SECONDS and used in turn; the format is the file's extension. Before each answer is
 * sent the client waits as long as the answer lasts, as a candidate speaking it would.
 */
public class VoiceTurnLatency {

  record Recording(Path file, double seconds) {}

  record Turn(double stored, double heard, double analysed, double voiced) {
    double total() {
      return voiced;
    }
  }

  public static void main(String[] args) throws Exception {
    if (args[0].equals("steps")) {
      steps(Path.of(args[1]));
      return;
    }
    int port = Integer.parseInt(args[1]);
    int interviews = Integer.parseInt(args[2]);
    int answers = Integer.parseInt(args[3]);
    int concurrent = Integer.parseInt(args[4]);
    String label = args[5];
    List<Recording> recordings = new ArrayList<>();
    for (int i = 6; i < args.length; i++) {
      String[] fileAndSeconds = args[i].split("=");
      recordings.add(new Recording(Path.of(fileAndSeconds[0]), Double.parseDouble(fileAndSeconds[1])));
    }
    ExecutorService pool = Executors.newFixedThreadPool(concurrent);
    List<Future<List<Turn>>> runs = new ArrayList<>();
    String run = Long.toString(System.currentTimeMillis(), 36);
    for (int i = 0; i < interviews; i++) {
      int n = i;
      runs.add(pool.submit(() -> interview(port, run + "-" + n, n, answers, recordings)));
    }
    List<Turn> first = null;
    List<Turn> all = new ArrayList<>();
    for (Future<List<Turn>> f : runs) {
      List<Turn> turns = f.get();
      if (first == null) {
        first = turns;
      }
      all.addAll(turns);
    }
    pool.shutdown();
    print(label + ", " + concurrent + " at once, " + all.size() + " turns", all);
    if (concurrent == 1 && first != null) {
      print(label + ", first interview only (" + first.size() + " turns)", first);
    }
  }

  static List<Turn> interview(int port, String id, int n, int answers, List<Recording> recordings) throws Exception {
    LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    long[] audioStart = new long[1];
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(
        URI.create("ws://127.0.0.1:" + port + "/ws/interview/bench-turn-" + id), new WebSocket.Listener() {
          final StringBuilder partial = new StringBuilder();

          @Override
          public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (partial.length() == 0 && data.toString().startsWith("{\"type\":\"audio\"")) {
              synchronized (audioStart) {
                audioStart[0] = System.nanoTime();
              }
            }
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
    socket.sendText(resumeContext(n), true).join();
    socket.sendText("{\"type\":\"start_interview\"}", true).join();
    await(received, "\"type\":\"audio\"");
    await(received, "\"state\":\"ready\"");
    List<Turn> turns = new ArrayList<>();
    for (int a = 0; a < answers; a++) {
      Recording recording = recordings.get((n + a) % recordings.size());
      String name = recording.file().getFileName().toString();
      String message = "{\"type\":\"audio\",\"format\":\"" + name.substring(name.lastIndexOf('.') + 1) + "\",\"data\":\""
          + Base64.getEncoder().encodeToString(Files.readAllBytes(recording.file())) + "\"}";
      Thread.sleep(Math.round(recording.seconds() * 1000));
      socket.sendText(message, true).join();
      long sent = System.nanoTime();
      long stored = at(received, "processing_stt");
      long heard = at(received, "\"role\":\"candidate\"");
      long analysed = at(received, "\"role\":\"interviewer\"");
      await(received, "\"type\":\"audio\"");
      long voiced;
      synchronized (audioStart) {
        voiced = audioStart[0];
      }
      turns.add(new Turn(ms(stored - sent), ms(heard - sent), ms(analysed - sent), ms(voiced - sent)));
      await(received, "\"state\":\"ready\"");
    }
    socket.sendText("{\"type\":\"end_session\"}", true).join();
    await(received, "session_ended");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    return turns;
  }

  /** A parsed resume of seed 001's shape with an employer and skills of its own, so the questions differ. */
  static String resumeContext(int n) {
    String[] skills = {"Kafka", "PostgreSQL", "React", "Kubernetes", "Terraform", "GraphQL", "Redis", "Spark"};
    String company = "Northwind " + (char) ('A' + n % 26) + (n / 26);
    return "{\"type\":\"resume_context\",\"parsed_resume\":{\"contact\":{\"name\":\"Casey Rivera\"},"
        + "\"summary\":\"Backend engineer who likes reliable systems.\","
        + "\"experiences\":[{\"company\":\"" + company + "\",\"title\":\"Software Engineer\",\"start_date\":\"2019\","
        + "\"end_date\":\"Present\",\"highlights\":[\"Moved billing to " + skills[n % skills.length]
        + ", cutting deploy time by 60%\"]}],"
        + "\"skills\":[\"Java\",\"" + skills[n % skills.length] + "\",\"" + skills[(n + 3) % skills.length] + "\"]}}";
  }

  static long at(LinkedBlockingQueue<String> received, String marker) throws InterruptedException {
    await(received, marker);
    return System.nanoTime();
  }

  static void await(LinkedBlockingQueue<String> received, String marker) throws InterruptedException {
    while (true) {
      String message = received.poll(180, TimeUnit.SECONDS);
      if (message == null) {
        throw new IllegalStateException("no message containing " + marker + " within 180 s");
      }
      if (message.contains("\"type\":\"error\"")) {
        throw new IllegalStateException("the node answered " + message);
      }
      if (message.contains(marker)) {
        return;
      }
    }
  }

  static double ms(long nanos) {
    return nanos / 1e6;
  }

  static void print(String title, List<Turn> turns) {
    System.out.println(title + " (ms from the recording's last byte sent):");
    row("recording stored, session told (processing_stt)", turns.stream().map(Turn::stored).toList());
    row("+ heard (candidate transcript)", turns.stream().map(t -> t.heard() - t.stored()).toList());
    row("+ analysed, next line chosen (interviewer transcript)", turns.stream().map(t -> t.analysed() - t.heard()).toList());
    row("+ reply audio's first byte", turns.stream().map(t -> t.voiced() - t.analysed()).toList());
    row("turn: last byte sent -> first byte of reply audio", turns.stream().map(Turn::total).toList());
  }

  static void row(String what, List<Double> values) {
    System.out.printf(Locale.ROOT, "  %-55s p50 %7.0f  p95 %7.0f  max %7.0f%n", what, pct(values, 50), pct(values, 95),
        pct(values, 100));
  }

  static double pct(List<Double> values, int p) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  /** p50/p95 of every speech step and session task in a flight recording of the node. */
  static void steps(Path jfr) throws Exception {
    Map<String, List<Double>> millis = new TreeMap<>();
    Map<String, List<Double>> queued = new TreeMap<>();
    for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
      String type = event.getEventType().getName();
      if (type.equals("candor.SpeechStep")) {
        millis.computeIfAbsent("speech: " + event.getString("step"), k -> new ArrayList<>())
            .add(event.getDuration().toNanos() / 1e6);
      } else if (type.equals("candor.PersistStep")) {
        millis.computeIfAbsent("persist: " + event.getString("what"), k -> new ArrayList<>())
            .add(event.getDuration().toNanos() / 1e6);
      } else if (type.equals("candor.TaskStep")) {
        String task = "task: " + event.getString("task");
        millis.computeIfAbsent(task, k -> new ArrayList<>()).add(event.getDuration().toNanos() / 1e6);
        queued.computeIfAbsent(task, k -> new ArrayList<>()).add(Duration.ofNanos(event.getLong("queued")).toNanos() / 1e6);
      }
    }
    System.out.println("inside the node (flight recorder), ms:");
    millis.forEach((step, values) -> {
      String waited = queued.containsKey(step)
          ? String.format(Locale.ROOT, "  (queued p50 %.1f, p95 %.1f)", pct(queued.get(step), 50), pct(queued.get(step), 95))
          : "";
      System.out.printf(Locale.ROOT, "  %-22s n %4d  p50 %7.1f  p95 %7.1f  max %7.1f%s%n", step, values.size(),
          pct(values, 50), pct(values, 95), pct(values, 100), waited);
    });
  }
}
