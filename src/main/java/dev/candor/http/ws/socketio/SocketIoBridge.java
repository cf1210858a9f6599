package dev.candor.http.ws.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Json;
import dev.candor.http.ws.SocketMessage;
import io.socket.socketio.server.SocketIoSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bridges one Socket.IO socket to one connection actor, as {@link dev.candor.http.ws.SocketFlow} does for a plain
 * WebSocket: the client's events reach the actor one at a time, each acknowledged before the next is delivered,
 * and what the actor emits goes out through the library (which may be called from any thread). The library runs
 * event listeners on the thread that decoded the packet, so they only enqueue.
 */
final class SocketIoBridge {

  private static final Logger log = LoggerFactory.getLogger(SocketIoBridge.class);
  private static final AtomicLong CONNECTIONS = new AtomicLong();

  private SocketIoBridge() {}

  static void attach(SocketIoSocket socket, ActorSystem<?> system, Materializer materializer, int buffer,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection) {
    Pair<ActorRef<SocketMessage.Outgoing>, CompletionStage<Done>> out =
        outlet(buffer)
            .toMat(Sink.foreach(outgoing -> {
              if (outgoing instanceof SocketMessage.Emit emit) {
                Object data = OrgJson.fromJackson(emit.data());
                socket.send(emit.event(), emit.offset() == null ? new Object[] {data} : new Object[] {data, emit.offset()});
              }
            }), Keep.both())
            .run(materializer);
    ActorRef<SocketMessage> actor = system.systemActorOf(connection.apply(out.first()),
        "socketio-" + CONNECTIONS.incrementAndGet(), Props.empty());
    BoundedSourceQueue<SocketMessage.Frame> in = Source.<SocketMessage.Frame>queue(buffer)
        .to(inbox(actor))
        .run(materializer);
    out.second().whenComplete((done, error) -> {
      if (socket.isConnected()) {
        // Not disconnect(true): that sends DISCONNECT only to the sockets the library has filed under their
        // connection, which it does once the "connection" listeners return. A socket closed at once (a refused
        // token) lost that race 1 time in 8 over WebSocket: its client heard nothing until its ping timed out
        // (45 s), or, seeing its transport close, connected again.
        socket.disconnect(false);
        socket.getClient().getConnection().close();
      }
    });

    socket.registerAllEventListener((event, args) -> {
      QueueOfferResult offered = in.offer(event(event, args));
      if (offered != QueueOfferResult.enqueued()) {
        // A client that sends faster than its events are handled is told, not silently dropped.
        socket.send("error", OrgJson.fromJackson(overloaded(buffer)));
      }
    });
    socket.on("disconnect", args -> in.complete());
    socket.on("error", args -> log.debug("Socket.IO socket {}: {}", socket.getId(), args.length > 0 ? args[0] : ""));
  }

  /**
   * What the connection actor emits, completed by {@link SocketMessage.Close}, failing when more than {@code buffer}
   * messages wait. Run in the same stream as its sink: one materialised ahead of it would be handed over through a
   * publisher, an actor and a ring buffer of its own for every connection.
   */
  private static Source<SocketMessage.Outgoing, ActorRef<SocketMessage.Outgoing>> outlet(int buffer) {
    return ActorSource.actorRef(o -> o == SocketMessage.Close.INSTANCE, o -> Optional.empty(), buffer,
        OverflowStrategy.fail());
  }

  /** Hands client events to the connection actor one at a time: the next waits for the actor's ack. */
  private static Sink<SocketMessage.Frame, NotUsed> inbox(ActorRef<SocketMessage> actor) {
    return ActorSink.actorRefWithBackpressure(
        actor,
        (ackTo, frame) -> new SocketMessage.ClientFrame(frame, ackTo),
        SocketMessage.ClientConnected::new,
        SocketMessage.Ack.INSTANCE,
        SocketMessage.ClientClosed.INSTANCE,
        SocketMessage.ClientFailed::new);
  }

  private static SocketMessage.Event event(String name, Object[] args) {
    List<JsonNode> values = new ArrayList<>(args.length);
    Consumer<JsonNode> ack = null;
    for (Object arg : args) {
      if (arg instanceof SocketIoSocket.ReceivedByLocalAcknowledgementCallback callback) {
        ack = reply -> callback.sendAcknowledgement(OrgJson.fromJackson(reply));
      } else {
        values.add(OrgJson.toJackson(arg));
      }
    }
    return new SocketMessage.Event(name, List.copyOf(values), ack);
  }

  /** The error a client gets when it has more events waiting than the connection buffers. */
  private static JsonNode overloaded(int buffer) {
    return Json.object()
        .put("type", "rate_limited")
        .put("message", "More than " + buffer + " events are waiting to be handled; this one was dropped. "
            + "Wait for the replies before sending more.");
  }
}
