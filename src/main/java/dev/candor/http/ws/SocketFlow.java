package dev.candor.http.ws;

import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.stream.javadsl.Flow;

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
}
