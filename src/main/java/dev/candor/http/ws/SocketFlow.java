package dev.candor.http.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.Materializer;
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

  /** Names the connection actors; a counter, because a random UUID per connection costs a secure random draw. */
  private static final AtomicLong CONNECTIONS = new AtomicLong();

  /**
   * The socket sends one message and waits for its acknowledgement: before the outlet, only its connection notice
   * and its end (closed or failed) can come.
   */
  private static final int EARLY_MESSAGES = 4;

  private SocketFlow() {}

  /**
   * The actor is spawned when the socket's stream starts, not when the route runs: a client that leaves
   * during the handshake must not leave an actor behind.
   */
  public static Flow<Message, Message, ?> create(ActorSystem<?> system, SocketSettings settings,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection) {
    return Flow.fromMaterializer((materializer, attributes) -> connect(system, settings, connection, false, materializer));
  }

  /**
   * The same bridge for a dialect made of named events (seed 000's), carried as JSON text frames instead of
   * Socket.IO packets: {@code {"event": name, "data": {...}}} from the client, {@code {"event", "data", "offset"}}
   * to it, binary values as base64 text. A text frame that is not such an object reaches the actor as plain text,
   * which an event dialect refuses with its own error.
   */
  public static Flow<Message, Message, ?> createForEvents(ActorSystem<?> system, SocketSettings settings,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection) {
    return Flow.fromMaterializer((materializer, attributes) -> connect(system, settings, connection, true, materializer));
  }

  private static Flow<Message, Message, NotUsed> connect(ActorSystem<?> system, SocketSettings settings,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection, boolean events,
      Materializer materializer) {
    // Built (and its settings checked) before the actor exists, so that a failure here leaves no actor waiting.
    Source<SocketMessage.Outgoing, ActorRef<SocketMessage.Outgoing>> outlet = outlet(settings.outgoingBuffer());
    ActorRef<SocketMessage> actor = system.systemActorOf(awaitingOutlet(connection),
        "ws-" + CONNECTIONS.incrementAndGet(), Props.empty());
    Sink<Message, NotUsed> inbound = Flow.<Message>create()
        .mapAsync(1, message -> whole(message, settings.maxMessage(), materializer))
        .map(frame -> events ? asEvent(frame) : frame)
        .to(inbox(actor));
    Source<SocketMessage.Outgoing, NotUsed> out = outlet.mapMaterializedValue(ref -> {
      actor.tell(new Outlet(ref));
      return NotUsed.getInstance();
    });
    Source<Message, NotUsed> outbound = events
        ? out.filter(o -> !(o instanceof SocketMessage.Close))
            .map(o -> (Message) TextMessage.create(o instanceof SocketMessage.Emit emit ? eventText(emit)
                : ((SocketMessage.Send) o).text()))
        : out.collectType(SocketMessage.Send.class).map(send -> (Message) TextMessage.create(send.text()));
    return Flow.fromSinkAndSourceCoupled(inbound, outbound);
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

  /** Where a connection actor sends towards its client, known once the socket's stream is materialised. */
  private record Outlet(ActorRef<SocketMessage.Outgoing> out) implements SocketMessage {}

  /**
   * A connection actor is spawned before its stream runs (the inbound side needs its address), so it starts by
   * waiting for its outlet; what the socket sends meanwhile (its connection notice, or its end) waits too, in order.
   */
  private static Behavior<SocketMessage> awaitingOutlet(
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection) {
    return Behaviors.withStash(EARLY_MESSAGES, stash -> Behaviors.receive(SocketMessage.class)
        .onMessage(Outlet.class, outlet -> stash.unstashAll(connection.apply(outlet.out())))
        .onAnyMessage(message -> {
          stash.stash(message);
          return Behaviors.same();
        })
        .build());
  }

  private static SocketMessage.Frame asEvent(SocketMessage.Frame frame) {
    if (!(frame instanceof SocketMessage.Text text)) {
      return frame;
    }
    try {
      JsonNode message = Json.parse(text.text());
      JsonNode name = message.path("event");
      if (!name.isTextual()) {
        return frame;
      }
      JsonNode data = message.path("data");
      return new SocketMessage.Event(name.asText(), data.isMissingNode() ? List.of() : List.of(data), null);
    } catch (Json.InvalidJsonException e) {
      return frame;
    }
  }

  private static String eventText(SocketMessage.Emit emit) {
    ObjectNode message = Json.object().put("event", emit.event());
    message.set("data", emit.data());
    if (emit.offset() != null) {
      message.put("offset", emit.offset());
    }
    return Json.write(message);
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

  /**
   * Reads a message to its end, whatever its framing. Every message must be consumed, or the socket
   * stalls; one above the limit is drained and reported instead of being kept in memory.
   */
  private static CompletionStage<SocketMessage.Frame> whole(Message message, long limit, Materializer materializer) {
    // Most messages arrive in one frame, already whole: reading them needs no stream of their own.
    if (message.isText() && message.asTextMessage().isStrict()) {
      String text = message.asTextMessage().getStrictText();
      return CompletableFuture.completedFuture(text.length() > limit
          ? new SocketMessage.TooLarge("characters", text.length(), limit) : new SocketMessage.Text(text));
    }
    if (!message.isText() && message.asBinaryMessage().isStrict()) {
      long size = message.asBinaryMessage().getStrictData().size();
      return CompletableFuture.completedFuture(size > limit
          ? new SocketMessage.TooLarge("bytes", size, limit) : new SocketMessage.Binary(size));
    }
    if (message.isText()) {
      return message.asTextMessage().getStreamedText()
          .runFold(new Collected(new StringBuilder(), 0), (acc, part) -> acc.add(part, limit), materializer)
          .thenApply(acc -> acc.size() > limit
              ? new SocketMessage.TooLarge("characters", acc.size(), limit)
              : new SocketMessage.Text(acc.text().toString()));
    }
    return message.asBinaryMessage().getStreamedData()
        .runFold(0L, (size, bytes) -> size + bytes.size(), materializer)
        .thenApply(size -> size > limit ? new SocketMessage.TooLarge("bytes", size, limit) : new SocketMessage.Binary(size));
  }

  private record Collected(StringBuilder text, long size) {
    Collected add(String part, long limit) {
      long newSize = size + part.length();
      if (newSize <= limit) {
        text.append(part);
      }
      return new Collected(text, newSize);
    }
  }
}
