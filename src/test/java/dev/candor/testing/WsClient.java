package dev.candor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client over loopback (the JDK's), collecting the server's JSON messages in order. */
public final class WsClient implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final WebSocket socket;
  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private volatile boolean closed;
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

  private WsClient(URI uri, String origin) throws Exception {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
    if (origin != null) {
      builder.header("Origin", origin);
    }
    this.socket = builder.buildAsync(uri, new Listener()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  public static WsClient connect(int port, String pathAndQuery) throws Exception {
    return new WsClient(URI.create("ws://127.0.0.1:" + port + pathAndQuery), null);
  }

  /** A connection as a browser page on {@code origin} opens it. */
  public static WsClient connectFrom(String origin, int port, String pathAndQuery) throws Exception {
    return new WsClient(URI.create("ws://127.0.0.1:" + port + pathAndQuery), origin);
  }

  /** The status code of the server's close frame, once it closes the connection. */
  public int awaitServerClose() throws Exception {
    return closeCode.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** One message sent as several frames (the first, then continuations), the way large messages may travel. */
  public void sendInFrames(String... parts) {
    for (int i = 0; i < parts.length; i++) {
      socket.sendText(parts[i], i == parts.length - 1).join();
    }
  }

  public void sendBinary(byte[] bytes) {
    socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
  }

  public JsonNode next() throws InterruptedException {
    JsonNode message = received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(message, "no message from the server within " + WAIT);
    return message;
  }

  /** The next message, which must be of the given type. */
  public JsonNode next(String type) throws InterruptedException {
    JsonNode message = next();
    assertEquals(type, message.path("type").asText(), () -> "expected " + type + " but got " + message);
    return message;
  }

  /** The next message within {@code during}, or null. */
  public JsonNode poll(Duration during) throws InterruptedException {
    return received.poll(during.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void expectNothing(Duration during) throws InterruptedException {
    JsonNode message = received.poll(during.toMillis(), TimeUnit.MILLISECONDS);
    if (message != null) {
      fail("unexpected message " + message);
    }
  }

  @Override
  public void close() {
    if (!closed) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null).join();
      closed = true;
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(MAPPER.readTree(partial.toString()));
        } catch (Exception e) {
          received.add(MAPPER.createObjectNode().put("type", "__not_json__").put("text", partial.toString()));
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed = true;
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed = true;
    }
  }
}
