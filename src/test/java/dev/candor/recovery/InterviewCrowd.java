package dev.candor.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * Many OpenHire (seed 002) clients at once, each holding interviews one after another at about one answer a second
 * until told to stop, and behaving as a frontend does when its server fails: a socket that closes is opened again
 * (on another node), an answer that got an error is sent again a second later, with no answer id either time.
 * Each answer's words name the interview and the question they are for, so the journal shows where each one went.
 */
final class InterviewCrowd implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String JOB = "ff7f1e59-3014-4cc8-8f2e-4b3ca694ceb3";
  private static final Duration RESEND_AFTER_ERROR = Duration.ofSeconds(1);
  private static final Duration RECONNECT_AFTER = Duration.ofMillis(500);
  /** A client that heard nothing for this long sends its message again, as a person would press the button again. */
  private static final Duration GIVE_UP_WAITING = Duration.ofSeconds(20);

  /** One interview as its client saw it. */
  record Interview(String sessionId, long startedNanos, Long endedNanos, Map<Integer, String> wordsByQuestion,
      List<Long> replyNanos, List<String> story) {}

  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
  private final IntUnaryOperator portOfNode;
  private final int nodes;
  private final Duration pace;
  private final List<Client> clients = new ArrayList<>();
  private final List<Interview> finished = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Client> running = new ConcurrentHashMap<>();
  private final AtomicInteger serial = new AtomicInteger();
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private CountDownLatch idle;

  /**
   * @param portOfNode the HTTP port of node i; a client starts on node (its number mod nodes) and moves to the next
   *     one when its socket fails
   */
  InterviewCrowd(int nodes, IntUnaryOperator portOfNode, Duration pace) {
    this.nodes = nodes;
    this.portOfNode = portOfNode;
    this.pace = pace;
  }

  void start(int size) {
    idle = new CountDownLatch(size);
    for (int i = 0; i < size; i++) {
      Client client = new Client(i);
      clients.add(client);
      // Spread over a few seconds, as people arrive (300 in 9 s): a cluster just formed places each shard on its
      // first use, one at a time, and a crowd that arrived at once waited past the ask timeout for the last ones.
      timers.schedule(client::nextInterview, i * 30L, TimeUnit.MILLISECONDS);
    }
  }

  /** Interviews finished so far. */
  int finishedCount() {
    return finished.size();
  }

  /** The smallest number of answers taken in any interview now running. */
  int fewestAnswersRunning() {
    return running.values().stream().mapToInt(Client::answered).min().orElse(0);
  }

  /** The interviews running now. */
  List<String> runningSessions() {
    return List.copyOf(running.keySet());
  }

  /** Lets every client finish the interview it is in, then stop; false if some did not within {@code limit}. */
  boolean finish(Duration limit) throws InterruptedException {
    stopping = true;
    return idle.await(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  List<Interview> finished() {
    return List.copyOf(finished);
  }

  /** The interviews still running, with where each client stands and what it heard last: for a failure message. */
  String describeRunning() {
    return running.values().stream().limit(4).map(Client::describe).collect(java.util.stream.Collectors.joining("\n"));
  }

  /** What went wrong on the way, counted by kind (error status, reconnects, long waits). */
  Map<String, Integer> events() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  private void count(String what) {
    counters.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  @Override
  public void close() {
    timers.shutdownNow();
    clients.forEach(Client::abort);
  }

  /** Every callback of one client runs under its lock: the JDK's socket and the timers call in on their own threads. */
  private final class Client implements WebSocket.Listener {

    private final int number;
    private int node;
    private WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private String sessionId;
    private long startedNanos;
    private boolean started;
    /** The question shown last (1 for the first), and the number of answers taken. */
    private int shown;
    private int answered;
    /** The words sent and not yet known to be taken, and when they went. */
    private String outstanding;
    private long sentNanos;
    private Map<Integer, String> words;
    private List<Long> replies;
    private long generation;

    Client(int number) {
      this.number = number;
      this.node = number % nodes;
    }

    private final java.util.ArrayDeque<String> heard = new java.util.ArrayDeque<>();

    synchronized String describe() {
      return sessionId + " on node " + node + ": shown " + shown + ", answered " + answered + ", waiting "
          + (outstanding == null ? "for nothing" : (System.nanoTime() - sentNanos) / 1_000_000 + " ms") + "; heard " + heard;
    }

    synchronized int answered() {
      return answered;
    }

    synchronized void nextInterview() {
      if (stopping) {
        idle.countDown();
        return;
      }
      sessionId = "drill-" + number + "-" + serial.incrementAndGet();
      startedNanos = System.nanoTime();
      started = false;
      shown = 0;
      answered = 0;
      outstanding = null;
      words = new java.util.TreeMap<>();
      replies = new ArrayList<>();
      heard.clear();
      running.put(sessionId, this);
      connect();
    }

    private void connect() {
      long connection = ++generation;
      partial.setLength(0);
      http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(3))
          .buildAsync(URI.create("ws://127.0.0.1:" + portOfNode.applyAsInt(node) + "/ws/interview/" + sessionId
              + "?protocol=openhire"), this)
          .whenComplete((ws, error) -> opened(connection, ws, error));
    }

    private synchronized void opened(long connection, WebSocket ws, Throwable error) {
      if (connection != generation) {
        return;
      }
      if (error != null) {
        count("connect failed");
        note("connect failed to node " + node);
        moveOn();
        return;
      }
      if (ws.isInputClosed() || ws.isOutputClosed()) {
        // Closed before this callback ran (a stopping node closes a socket as soon as it opens): the listener was
        // told while the socket was not yet this client's, so the reconnect is decided here.
        note("closed before it was handed over, on node " + node);
        count("reconnect");
        moveOn();
        return;
      }
      socket = ws;
      if (!started) {
        send(startMessage());
      } else if (outstanding != null) {
        // What a frontend does after a reconnect when its last answer had no reply: send it again.
        send(outstanding);
      } else if (answered < shown) {
        answer(shown);
      }
      watch(connection);
    }

    /** The next node, after a socket that failed or would not open. */
    private void moveOn() {
      node = (node + 1) % nodes;
      long connection = ++generation;
      timers.schedule(() -> {
        synchronized (this) {
          if (connection == generation) {
            connect();
          }
        }
      }, RECONNECT_AFTER.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void watch(long connection) {
      long sentAt = sentNanos;
      timers.schedule(() -> {
        synchronized (this) {
          if (connection == generation && outstanding != null && sentNanos == sentAt) {
            count("no reply for " + GIVE_UP_WAITING.toSeconds() + " s");
            send(outstanding);
            watch(connection);
          }
        }
      }, GIVE_UP_WAITING.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void note(String what) {
      heard.addLast((System.nanoTime() - startedNanos) / 1_000_000 + " ms " + what);
    }

    private void send(String message) {
      note("> " + message.substring(10, 30) + " " + message.substring(Math.max(0, message.indexOf("question ")),
          Math.min(message.length(), message.indexOf("question ") + 11)) + " on node " + node + " gen " + generation);
      sentNanos = System.nanoTime();
      WebSocket ws = socket;
      long connection = generation;
      ws.sendText(message, true).whenComplete((sent, error) -> {
        if (error != null) {
          count("send failed");
          sendFailed(connection);
        }
      });
    }

    /** A socket that cannot send is gone, whether or not its close was heard: the client opens another. */
    private synchronized void sendFailed(long connection) {
      if (connection == generation && running.containsKey(sessionId)) {
        note("send failed on node " + node);
        count("reconnect");
        moveOn();
      }
    }

    private String answerFor(int question) {
      return "{\"type\":\"candidate_response\",\"data\":{\"response\":\"" + words.get(question) + "\"}}";
    }

    private void answer(int question) {
      words.computeIfAbsent(question, q -> "Drill " + sessionId + " answer to question " + q
          + ": at my last job I found the slow query, added an index and cut the page time by 60% in a week.");
      outstanding = answerFor(question);
      send(outstanding);
      watch(generation);
    }

    /** A step for the turn the client is on: dropped if the socket or the turn changes before it is due. */
    private void later(Duration delay, Runnable step) {
      long connection = generation;
      int shownThen = shown;
      int answeredThen = answered;
      timers.schedule(() -> {
        synchronized (this) {
          if (connection == generation && shownThen == shown && answeredThen == answered) {
            step.run();
          }
        }
      }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      ws.request(1);
      if (ws != socket) {
        return null;
      }
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          handle(MAPPER.readTree(text));
        } catch (java.io.IOException e) {
          count("unreadable message");
        }
      }
      return null;
    }

    private void handle(JsonNode message) {
      JsonNode data = message.path("data");
      note(message.path("type").asText() + " " + data.path("questions_asked").asText(data.path("message").asText()));
      switch (message.path("type").asText()) {
        case "interview_started" -> {
          started = true;
          if (shown == 0) {
            shown = 1;
            later(pace, () -> answer(1));
          }
        }
        case "ai_response" -> {
          if (data.path("completed").asBoolean()) {
            return;
          }
          int asked = data.path("questions_asked").asInt();
          if (asked > shown) {
            taken(asked - 1);
            shown = asked;
            later(pace, () -> answer(asked));
          } else if (asked == shown && outstanding != null && answered < shown) {
            // Shown the question it answered again: that answer was not taken.
            later(pace, () -> answer(asked));
          }
        }
        case "interview_ended" -> {
          taken(shown);
          running.remove(sessionId);
          finished.add(new Interview(sessionId, startedNanos, System.nanoTime(), words, replies, List.copyOf(heard)));
          generation++;
          socket.sendClose(WebSocket.NORMAL_CLOSURE, "");
          timers.schedule(this::nextInterview, 0, TimeUnit.MILLISECONDS);
        }
        case "error" -> {
          int status = data.path("status_code").asInt();
          count("error " + status);
          if (!started && status != 409) {
            later(RESEND_AFTER_ERROR, () -> send(startMessage()));
          } else if (status >= 500 && outstanding != null) {
            later(RESEND_AFTER_ERROR, () -> send(outstanding));
          }
        }
        default -> { }
      }
    }

    private String startMessage() {
      return "{\"type\":\"start_interview\",\"data\":{\"job_id\":\"" + JOB + "\",\"candidate_id\":\"drill-" + number
          + "\",\"resume_text\":\"Drill candidate " + number + ". Backend engineer, 6 years of Java, PostgreSQL and Kafka.\"}}";
    }

    private void taken(int question) {
      if (question > answered) {
        answered = question;
        if (outstanding != null) {
          replies.add(System.nanoTime());
        }
        outstanding = null;
      }
    }

    @Override
    public synchronized CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      note("closed " + statusCode + (ws == socket ? "" : " (an old socket)"));
      if (ws == socket && running.containsKey(sessionId)) {
        count("reconnect");
        moveOn();
      }
      return null;
    }

    @Override
    public synchronized void onError(WebSocket ws, Throwable error) {
      if (ws == socket && running.containsKey(sessionId)) {
        count("reconnect");
        moveOn();
      }
    }

    synchronized void abort() {
      generation++;
      if (socket != null) {
        socket.abort();
      }
    }
  }
}
