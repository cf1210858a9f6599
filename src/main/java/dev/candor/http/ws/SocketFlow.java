package dev.candor.http.ws;

import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

/**
 * Bridges one WebSocket to one connection actor: client messages arrive whole (streamed frames are
 * collected, up to a size limit) and one at a time, with backpressure; what the actor sends goes out as
 * text. The actor is local to the node that holds the socket; it talks to sessions through sharding.
 */
public final class SocketFlow {

  private SocketFlow() {}

  /**
   * The actor is spawned when the socket's stream starts, not when the route runs: a client that leaves
   * during the handshake must not leave an actor behind.
   */
  public static Flow<Message, Message, NotUsed> create(ActorSystem<?> system, SocketSettings settings,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection) {
    return Flow.fromGraph(new SocketStage(system, settings, connection, false));
  }

  /**
   * The same bridge for a dialect made of named events (seed 000's), carried as JSON text frames instead of
   * Socket.IO packets: {@code {"event": name, "data": {...}}} from the client, {@code {"event", "data", "offset"}}
   * to it. A text frame that is not such an object reaches the actor as plain text, which an event dialect refuses
   * with its own error.
   */
  public static Flow<Message, Message, NotUsed> createForEvents(ActorSystem<?> system, SocketSettings settings,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection) {
    return Flow.fromGraph(new SocketStage(system, settings, connection, true));
  }

  /**
   * What a connection actor sends towards its client, completed by {@link SocketMessage.Close}, failing when more
   * than {@code buffer} messages wait. Run it in the socket's own stream: a source materialised ahead of it would be
   * handed over through a publisher, an actor and a ring buffer of its own for every connection.
   */
  public static Source<SocketMessage.Outgoing, ActorRef<SocketMessage.Outgoing>> outlet(int buffer) {
    return ActorSource.actorRef(o -> o == SocketMessage.Close.INSTANCE, o -> Optional.empty(), buffer,
        OverflowStrategy.fail());
  }

  /** Hands client frames to the connection actor one at a time: the next waits for the actor's ack. */
  public static Sink<SocketMessage.Frame, NotUsed> inbox(ActorRef<SocketMessage> actor) {
    return ActorSink.actorRefWithBackpressure(
        actor,
        (ackTo, frame) -> new SocketMessage.ClientFrame(frame, ackTo),
        SocketMessage.ClientConnected::new,
        SocketMessage.Ack.INSTANCE,
        SocketMessage.ClientClosed.INSTANCE,
        SocketMessage.ClientFailed::new);
  }
}
