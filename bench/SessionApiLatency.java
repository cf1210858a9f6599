import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.testing.Documents;
import dev.candor.testing.HttpJson;
import dev.candor.testing.WsClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Seed 004 against a running node: (1) typed answers over its WebSocket, each timed from the send to its score_update,
 * over whole interviews one at a time; (2) one interview held for a while with an answer every two minutes, recording
 * when each time_remaining arrives, to see how far the ticks drift from their 30 s. Runs with the test classpath
 * (bench/sessionapi.sh).
 * Usage: java -cp ... bench/SessionApiLatency.java PORT INTERVIEWS CLOCK_MINUTES
 */
public class SessionApiLatency {

  private static final String ANSWER = "At Acme our payment service in Java dropped messages under load. My task was to"
      + " make it reliable before Black Friday. I profiled the Kafka consumers, added idempotent writes to PostgreSQL and"
      + " moved retries to a dead letter topic, then load tested it at three times the peak. As a result lost payments fell"
      + " from two hundred a day to zero and p99 latency dropped by 40%.";
  private static final String JOB = "Senior Backend Engineer\n\nRequirements:\n- Java and PostgreSQL\n- Kafka\n- Kubernetes\n";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static int port;

  public static void main(String[] args) throws Exception {
    port = Integer.parseInt(args[0]);
    int interviews = Integer.parseInt(args[1]);
    int clockMinutes = Integer.parseInt(args[2]);
    List<Double> scored = new ArrayList<>();
    for (int i = 0; i < interviews; i++) {
      try (Socket ws = new Socket(readySession())) {
        ws.next("connected");
        ws.send("{\"type\":\"start\"}");
        while (true) {
          JsonNode message = ws.next(null);
          String type = message.get("type").asText();
          if (type.equals("new_question") || type.equals("followup")) {
            long sent = System.nanoTime();
            ws.send("{\"type\":\"answer\",\"data\":{\"text\":" + MAPPER.writeValueAsString(ANSWER) + "}}");
            ws.next("score_update");
            scored.add((System.nanoTime() - sent) / 1e6);
          } else if (type.equals("feedback")) {
            break;
          }
        }
      }
    }
    print("answer -> score_update", scored);

    if (clockMinutes == 0) {
      return;
    }
    List<Long> arrivals = new ArrayList<>();
    List<Long> secondsLeft = new ArrayList<>();
    try (Socket ws = new Socket(readySession())) {
      ws.next("connected");
      ws.send("{\"type\":\"start\"}");
      long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(clockMinutes);
      long nextAnswer = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (System.nanoTime() < until) {
        JsonNode message = ws.poll(1);
        if (message != null && message.get("type").asText().equals("time_remaining")) {
          arrivals.add(System.nanoTime());
          secondsLeft.add(message.get("data").get("seconds").asLong());
        }
        if (System.nanoTime() > nextAnswer) {
          ws.send("{\"type\":\"answer\",\"data\":{\"text\":" + MAPPER.writeValueAsString(ANSWER) + "}}");
          nextAnswer += TimeUnit.MINUTES.toNanos(2);
        }
      }
    }
    List<Double> intervals = new ArrayList<>();
    double worstTotal = 0;
    for (int k = 1; k < arrivals.size(); k++) {
      intervals.add((arrivals.get(k) - arrivals.get(k - 1)) / 1e6);
      worstTotal = Math.max(worstTotal, Math.abs((arrivals.get(k) - arrivals.get(0)) / 1e6 - k * 30_000.0));
    }
    System.out.printf("time_remaining over %d min: %d ticks, seconds %s%n", clockMinutes, arrivals.size(), secondsLeft);
    print("interval between ticks (30 000 expected)", intervals);
    System.out.printf("largest drift of a tick from first tick + k x 30 s: %.0f ms%n", worstTotal);
  }

  private static void print(String what, List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    System.out.printf("%s: n=%d, p50 %.1f ms, p99 %.1f ms, min %.1f ms, max %.1f ms%n", what, sorted.size(),
        sorted.get(sorted.size() / 2), sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(sorted.size() * 0.99) - 1)),
        sorted.get(0), sorted.get(sorted.size() - 1));
  }

  /** A session with a resume and a job, as the seed's frontend sets it up. */
  private static String readySession() throws Exception {
    HttpJson http = new HttpJson(port);
    String id = ok(http.postEmpty("/session/start", "application/json")).body().get("session_id").asText();
    byte[] pdf = Documents.pdf(List.of("Jane Roe", "jane@example.com", "Experience", "Senior Software Engineer, Acme",
        "2016 - Present", "Payment services in Java, Kafka and PostgreSQL.", "Skills", "Java, Kafka, PostgreSQL"), null);
    ok(http.postMultipart("/upload/resume", Map.of("session_id", id), "file", "cv.pdf", "application/pdf", pdf));
    ok(http.postForm("/upload/jd", Map.of("session_id", id, "role", "Backend", "job_description", JOB)));
    return id;
  }

  private static HttpJson.Response ok(HttpJson.Response response) {
    if (response.status() != 200) {
      throw new IllegalStateException(response.status() + " " + response.raw());
    }
    return response;
  }

  /** A seed 004 socket that skips the clock's ticks unless they are asked for. */
  private static final class Socket implements AutoCloseable {
    private final WsClient client;

    Socket(String id) throws Exception {
      client = WsClient.connect(port, "/ws/interview/" + id);
    }

    void send(String text) {
      client.send(text);
    }

    /** The next message of {@code type} (null: any), skipping clock ticks. */
    JsonNode next(String type) throws Exception {
      while (true) {
        JsonNode message = poll(60);
        if (message == null) {
          throw new IllegalStateException("nothing from the server in 60 s");
        }
        String got = message.get("type").asText();
        if (got.equals("time_remaining") || (type != null && !type.equals(got))) {
          continue;
        }
        return message;
      }
    }

    JsonNode poll(int seconds) throws InterruptedException {
      return client.poll(Duration.ofSeconds(seconds));
    }

    @Override
    public void close() {
      client.close();
    }
  }
}
