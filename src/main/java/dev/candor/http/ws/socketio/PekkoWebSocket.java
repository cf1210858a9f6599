package dev.candor.http.ws.socketio;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.util.ByteString;
import org.json.JSONObject;

/** Engine.IO's WebSocket transport on a Pekko HTTP WebSocket: messages in are emitted to the library, its writes go out. */
final class PekkoWebSocket extends EngineIoWebSocket {

  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  /** Set once the socket's stream is materialised, before the library is given the socket. */
  private volatile BoundedSourceQueue<Message> out;
  private final ConnectionRecovery recovery;
  /** The Engine.IO session id: from the query on an upgrade, else from the handshake the library writes first. */
  private volatile String sid;

  private PekkoWebSocket(Map<String, String> query, Map<String, List<String>> headers, ConnectionRecovery recovery) {
    this.query = query;
    this.headers = headers;
    this.recovery = recovery;
    this.sid = query.get("sid");
  }

  /**
   * @param maxMessage the largest message taken; a bigger one closes the connection, as Engine.IO's own size limit does
   * @param refused told of each packet the {@link PacketGuard} keeps from the library, with the session id
   */
  static Flow<Message, Message, NotUsed> flow(EngineIoServer engine, Map<String, String> query,
      Map<String, List<String>> headers, long maxMessage, int buffer, Executor executor, BiConsumer<String, String> refused,
      ConnectionRecovery recovery) {
    return Flow.fromMaterializer((materializer, attributes) -> {
      PekkoWebSocket socket = new PekkoWebSocket(query, headers, recovery);
      PacketGuard guard = new PacketGuard();
      Sink<Message, CompletionStage<Done>> in = Flow.<Message>create()
          .mapAsync(1, message -> whole(message, maxMessage, materializer))
          .toMat(Sink.foreach(data -> {
            String problem = data instanceof String text ? guard.checkText(text) : guard.checkBinary();
            if (problem == null) {
              if (data instanceof String text) {
                recovery.fromClient(socket.sid, text);
              }
              socket.emit("message", data);
            } else if (socket.sid != null) {
              refused.accept(socket.sid, problem);
            }
          }), Keep.right());
      // The queue is part of the socket's own stream: one materialised ahead of it would be handed over through a
      // publisher, an actor and a ring buffer of its own for every connection.
      return Flow.fromSinkAndSourceCoupledMat(in, Source.<Message>queue(buffer), Keep.both()).mapMaterializedValue(both -> {
        socket.out = both.second();
        engine.handleWebSocket(socket);
        // The library's close handling must not run on a thread of its own per connection.
        both.first().whenCompleteAsync((ok, error) -> {
          if (error != null) {
            socket.emit("error", "websocket error", error.getMessage());
          }
          socket.emit("close");
        }, executor);
        return NotUsed.getInstance();
      });
    }).mapMaterializedValue(ignored -> NotUsed.getInstance());
  }

  /** A message read to its end: a String for text, a byte[] for binary. */
  private static CompletionStage<Object> whole(Message message, long limit, Materializer materializer) {
    if (message.isText()) {
      TextMessage text = message.asTextMessage();
      if (text.isStrict()) {
        return text.getStrictText().length() > limit ? tooLarge(limit) : CompletableFuture.completedFuture(text.getStrictText());
      }
      return text.getStreamedText().limitWeighted(limit, part -> (long) part.length())
          .runFold(new StringBuilder(), StringBuilder::append, materializer)
          .thenApply(collected -> (Object) collected.toString());
    }
    BinaryMessage binary = message.asBinaryMessage();
    if (binary.isStrict()) {
      return binary.getStrictData().size() > limit ? tooLarge(limit)
          : CompletableFuture.completedFuture(binary.getStrictData().toArray());
    }
    return binary.getStreamedData().limitWeighted(limit, part -> (long) part.size())
        .runFold(ByteString.emptyByteString(), ByteString::concat, materializer)
        .thenApply(collected -> (Object) collected.toArray());
  }

  private static CompletionStage<Object> tooLarge(long limit) {
    return CompletableFuture.failedFuture(new IOException("a Socket.IO message above the limit of " + limit + " bytes"));
  }

  @Override
  public Map<String, String> getQuery() {
    return query;
  }

  @Override
  public Map<String, List<String>> getConnectionHeaders() {
    return headers;
  }

  @Override
  public void write(String message) throws IOException {
    if (sid == null && message.startsWith("0{")) {
      sid = new JSONObject(message.substring(1)).optString("sid", null);
    }
    offer(TextMessage.create(recovery.toClient(sid, message)));
  }

  @Override
  public void write(byte[] message) throws IOException {
    offer(BinaryMessage.create(ByteString.fromArray(message)));
  }

  private void offer(Message message) throws IOException {
    QueueOfferResult result = out.offer(message);
    if (result != QueueOfferResult.enqueued()) {
      throw new IOException("the client is not reading fast enough (" + result + ")");
    }
  }

  @Override
  public void close() {
    out.complete();
  }
}
