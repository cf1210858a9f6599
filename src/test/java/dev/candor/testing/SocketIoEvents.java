package dev.candor.testing;

import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.json.JSONArray;
import org.json.JSONObject;

/** The Java Socket.IO client (io.socket:socket.io-client), with every event it receives kept in order for a test to take. */
public final class SocketIoEvents implements AutoCloseable {

  public record Received(String event, Object[] args) {
    public JSONObject object() {
      return (JSONObject) args[0];
    }

    public JSONArray array() {
      return (JSONArray) args[0];
    }

    @Override
    public String toString() {
      return event + Arrays.toString(args);
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(90);

  private final Socket socket;
  private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Void> connected = new CompletableFuture<>();

  private SocketIoEvents(Socket socket) {
    this.socket = socket;
  }

  /** Connects with no reconnection; {@code auth} may be empty; {@code transports} e.g. "websocket" or "polling". */
  public static SocketIoEvents connect(int port, Map<String, String> auth, String... transports) throws Exception {
    IO.Options options = IO.Options.builder().setTransports(transports).setReconnection(false).setForceNew(true)
        .setAuth(auth).build();
    SocketIoEvents client = new SocketIoEvents(IO.socket(URI.create("http://127.0.0.1:" + port), options));
    client.socket.on(Socket.EVENT_CONNECT, args -> client.connected.complete(null));
    client.socket.on(Socket.EVENT_CONNECT_ERROR, args -> client.connected.completeExceptionally(
        new IllegalStateException("connect_error " + Arrays.toString(args))));
    // Queued like an event, so a test can wait for the server to close the socket.
    client.socket.on(Socket.EVENT_DISCONNECT, args -> client.received.add(new Received(Socket.EVENT_DISCONNECT, args)));
    client.socket.onAnyIncoming(args -> client.received.add(new Received((String) args[0], Arrays.copyOfRange(args, 1, args.length))));
    client.socket.connect();
    client.connected.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  public void emit(String event, Object... args) {
    socket.emit(event, args);
  }

  /** Emits with an acknowledgement callback; completes with what the server acknowledged. */
  public CompletableFuture<Object[]> emitWithAck(String event, Object... args) {
    CompletableFuture<Object[]> ack = new CompletableFuture<>();
    socket.emit(event, args, ack::complete);
    return ack;
  }

  /**
   * The next event of that name. Events of other names before it are skipped, except {@code error}, which fails
   * the wait unless it is the event asked for.
   */
  public Received next(String event) throws InterruptedException {
    List<Received> skipped = new ArrayList<>();
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      Received next = received.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (next == null) {
        throw new AssertionError("No '" + event + "' within " + WAIT.toSeconds() + " s; skipped " + skipped);
      }
      if (next.event().equals(event)) {
        return next;
      }
      if (next.event().equals("error")) {
        throw new AssertionError("Expected '" + event + "' but got " + next + "; skipped " + skipped);
      }
      skipped.add(next);
    }
  }

  /** The events that arrive until none has for {@code quiet}. */
  public List<Received> drain(Duration quiet) throws InterruptedException {
    List<Received> events = new ArrayList<>();
    Received next;
    while ((next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      events.add(next);
    }
    return events;
  }

  @Override
  public void close() {
    socket.close();
  }
}
