package dev.candor.http.ws.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Json;
import dev.candor.http.ws.OpenSockets;
import dev.candor.http.ws.SocketMessage;
import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoServerOptions;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.utils.ParseQS;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoServer;
import io.socket.socketio.server.SocketIoSocket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.apache.pekko.stream.Materializer;
import org.json.JSONObject;

/**
 * Socket.IO v4 (Engine.IO 4, and 3 for older clients) at {@code /socket.io/} on the node's HTTP server: the WebSocket
 * transport and HTTP long-polling with upgrade, on the maintained {@code io.socket:socket.io-server} codec. Each
 * client socket on the default namespace becomes one connection actor that a dialect supplies; the protocol stays here.
 */
public final class SocketIoEndpoint extends AllDirectives {

  /**
   * @param pingInterval how often the server pings; a held poll is answered by then at the latest
   * @param pingTimeout how long a client may take to answer a ping before it counts as gone
   * @param maxMessage the largest Engine.IO message (a binary attachment such as a recorded answer included)
   * @param buffer events waiting in each direction for one client before it is told it is too fast (in) or dropped (out)
   */
  public record Settings(Duration pingInterval, Duration pingTimeout, long maxMessage, int buffer) {}

  /** What a client sent with its namespace CONNECT: Socket.IO v4's {@code auth} object, or an empty object. */
  public record Handshake(String socketId, JsonNode auth) {}

  /** Makes the connection actor for a new client socket. */
  public interface Connections {
    Behavior<SocketMessage> connect(Handshake handshake, ActorRef<SocketMessage.Outgoing> out);
  }

  /** Room for a polling payload's framing and the base64 of its binary attachments. */
  private static final long POLLING_OVERHEAD = 64 * 1024;
  private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
  /** Engine.IO 4 separates the packets of a polling payload with U+001E. */
  private static final String PACKET_SEPARATOR = "\u001e";

  private final ActorSystem<?> system;
  private final Settings settings;
  private final EngineIoServer engine;
  /** The default-namespace socket of each Engine.IO connection (Socket.IO v4 gives the two different ids). */
  private final Map<String, SocketIoSocket> byEngineId = new ConcurrentHashMap<>();
  private final ConnectionRecovery recovery;

  /**
   * @param resumableOffset whether the dialect can replay what a client missed after this offset (one it sent as an
   *     event's last argument); a client that brings one back is told it recovered
   */
  public SocketIoEndpoint(ActorSystem<?> system, Settings settings, Connections connections,
      Predicate<String> resumableOffset) {
    this.system = system;
    this.settings = settings;
    this.recovery = new ConnectionRecovery(resumableOffset);
    EngineIoServerOptions options = EngineIoServerOptions.newFromDefault();
    options.setPingInterval(settings.pingInterval().toMillis());
    options.setPingTimeout(settings.pingTimeout().toMillis());
    // Browsers are answered by the node's one CORS policy, around every route; the library's own would allow any origin.
    options.setCorsHandlingDisabled(true);
    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "socketio-timers");
      thread.setDaemon(true);
      return thread;
    });
    options.setScheduledExecutorService(timers);
    this.engine = new EngineIoServer(options);
    engine.on("connection", args -> {
      EngineIoSocket connection = (EngineIoSocket) args[0];
      recovery.opened(connection.getId());
      // Closing the transport is what has a Socket.IO client reconnect (its own disconnect would not).
      Runnable forget = OpenSockets.get(system).opened(connection::close);
      connection.on("close", reason -> {
        forget.run();
        recovery.closed(connection.getId());
      });
    });
    SocketIoNamespace namespace = new SocketIoServer(engine).namespace("/");
    Materializer materializer = Materializer.matFromSystem(system);
    namespace.on("connection", args -> {
      SocketIoSocket socket = (SocketIoSocket) args[0];
      String engineId = socket.getClient().getId();
      byEngineId.put(engineId, socket);
      socket.on("disconnect", reason -> byEngineId.remove(engineId, socket));
      Handshake handshake = new Handshake(socket.getId(),
          socket.getConnectData() instanceof JSONObject auth ? OrgJson.toJackson(auth) : Json.object());
      SocketIoBridge.attach(socket, system, materializer, settings.buffer(), out -> connections.connect(handshake, out));
    });
    CoordinatedShutdown.get(system).addTask(CoordinatedShutdown.PhaseServiceUnbind(), "socketio-stop", () -> {
      engine.shutdown();
      timers.shutdownNow();
      return CompletableFuture.completedFuture(Done.getInstance());
    });
  }

  public Route routes() {
    // GET for the upgrade and the polling reads, POST for the polling writes; no other method is Engine.IO's.
    return pathPrefix("socket.io", () -> pathEndOrSingleSlash(() -> concat(get(this::engineIo), post(this::engineIo))));
  }

  private Route engineIo() {
    return extractRequest(request -> {
      Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
      if (upgrade.isPresent()) {
        return complete(upgrade.get().handleMessagesWith(PekkoWebSocket.flow(engine, query(request), headers(request),
            settings.maxMessage(), settings.buffer(), system.executionContext(), this::refuse, recovery)));
      }
      // A held poll lasts up to a ping interval; the server's request timeout must not cut it first.
      Duration held = settings.pingInterval().plus(settings.pingTimeout());
      return withRequestTimeout(held, () -> withSizeLimit(settings.maxMessage() * 4 / 3 + POLLING_OVERHEAD, () ->
          entity(Unmarshaller.entityToByteArray(), body -> completeWithFuture(poll(request, body)))));
    });
  }

  private CompletionStage<HttpResponse> poll(HttpRequest request, byte[] body) {
    String sid = query(request).get("sid");
    boolean post = request.method().value().equals("POST");
    byte[] checked = sid != null && post ? guarded(body, sid) : body;
    try {
      CompletionStage<HttpResponse> answer = new PollingExchange(request, checked).handle(engine);
      return sid == null || post ? answer : answer.thenApply(response -> withRecoveryIds(response, sid));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /** A polled payload with {@link ConnectionRecovery}'s pid in the server's CONNECT, if it holds that packet. */
  private HttpResponse withRecoveryIds(HttpResponse response, String sid) {
    // Engine.IO 4 payloads are text; Engine.IO 3's binary ones are left alone.
    if (!(response.entity() instanceof HttpEntity.Strict strict) || !strict.getContentType().mediaType().mainType().equals("text")) {
      return response;
    }
    String payload = strict.getData().utf8String();
    if (!payload.contains("40{")) {
      return response;
    }
    String rewritten = Arrays.stream(payload.split(PACKET_SEPARATOR, -1))
        .map(packet -> recovery.toClient(sid, packet))
        .collect(Collectors.joining(PACKET_SEPARATOR));
    return response.withEntity(HttpEntities.create(strict.getContentType(), rewritten.getBytes(StandardCharsets.UTF_8)));
  }

  /** A polling payload without the packets {@link PacketGuard} refuses (packets are separated by U+001E). */
  private byte[] guarded(byte[] body, String sid) {
    PacketGuard guard = new PacketGuard();
    List<String> kept = new ArrayList<>();
    for (String packet : new String(body, StandardCharsets.UTF_8).split(PACKET_SEPARATOR, -1)) {
      if (packet.startsWith("b")) {
        // A client may post a binary packet's attachments in a later request than its header, so they are not
        // matched to one here. The Java client wraps its base64 at 76 columns (MIME style); the decoder takes none.
        String attachment = "b" + LINE_BREAKS.matcher(packet.substring(1)).replaceAll("");
        if (isBase64(attachment.substring(1))) {
          kept.add(attachment);
        } else {
          refuse(sid, "a binary attachment that is not base64");
        }
        continue;
      }
      String problem = guard.checkText(packet);
      if (problem == null) {
        recovery.fromClient(sid, packet);
        kept.add(packet);
      } else {
        refuse(sid, problem);
      }
    }
    return String.join(PACKET_SEPARATOR, kept).getBytes(StandardCharsets.UTF_8);
  }

  /** Tells the client on Engine.IO connection {@code sid} what was dropped (before it joined the namespace: nobody). */
  private void refuse(String sid, String problem) {
    SocketIoSocket socket = byEngineId.get(sid);
    if (socket != null) {
      socket.send("error", new JSONObject()
          .put("type", "invalid_request")
          .put("message", "Candor dropped " + problem + "; the connection stays open")
          .put("details", JSONObject.NULL));
    }
  }

  /** Checked without decoding: the library decodes the attachment itself, and a recording is megabytes. */
  private static boolean isBase64(String text) {
    return text.length() % 4 == 0 && BASE64.matcher(text).matches();
  }

  private static Map<String, String> query(HttpRequest request) {
    return request.getUri().rawQueryString().map(ParseQS::decode).orElseGet(HashMap::new);
  }

  private static Map<String, List<String>> headers(HttpRequest request) {
    Map<String, List<String>> headers = new HashMap<>();
    request.getHeaders().forEach(h -> headers.computeIfAbsent(h.name(), k -> new ArrayList<>()).add(h.value()));
    return headers;
  }
}
