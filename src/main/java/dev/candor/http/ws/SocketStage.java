package dev.candor.http.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.pekko.actor.Terminated;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BufferOverflowException;
import org.apache.pekko.stream.FlowShape;
import org.apache.pekko.stream.Inlet;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.Outlet;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.stage.AbstractInHandler;
import org.apache.pekko.stream.stage.AbstractOutHandler;
import org.apache.pekko.stream.stage.AsyncCallback;
import org.apache.pekko.stream.stage.GraphStage;
import org.apache.pekko.stream.stage.GraphStageLogic;
import org.apache.pekko.stream.stage.GraphStageLogic.StageActor;
import scala.Tuple2;
import scala.runtime.BoxedUnit;

/**
 * One WebSocket's bridge to its connection actor, as a single stage: a socket is held for the whole interview, so
 * every stage between it and its actor is memory kept per interview (library parts made a dozen, with two stage
 * actors, and Pekko HTTP keeps the handler's blueprint for the connection's life).
 *
 * <p>Client messages are read whole (collected when they arrive in several frames, drained and reported when above
 * the size limit) and handed to the actor one at a time, the next once the actor acknowledged the last. A few are read
 * ahead, each stamped with how many of the actor's messages had gone out by then: a client that sends again before
 * its reply came (a frontend's resend) sent that copy before it saw what the reply to the first one shows, and a
 * message left unread in the socket until the actor is free would look as if sent after it.
 * What the actor sends goes out as text; more than {@code outgoingBuffer} messages waiting for a slow client fail the
 * socket; {@link SocketMessage.Close}, or the actor's stopping, sends what waits, then closes. Either side's end ends
 * both, and the actor is told once, whichever way the socket ended.
 */
final class SocketStage extends GraphStage<FlowShape<Message, Message>> {

  /** Names the connection actors; a counter, because a random UUID per connection costs a secure random draw. */
  private static final AtomicLong CONNECTIONS = new AtomicLong();

  private final Inlet<Message> in = Inlet.create("socket.in");
  private final Outlet<Message> out = Outlet.create("socket.out");
  private final FlowShape<Message, Message> shape = FlowShape.of(in, out);
  private final ActorSystem<?> system;
  private final SocketSettings settings;
  private final Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection;
  private final boolean events;

  /**
   * @param events whether the socket carries named events as JSON text ({@link SocketFlow#createForEvents}) rather
   *     than the dialect's own text
   */
  SocketStage(ActorSystem<?> system, SocketSettings settings,
      Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connection, boolean events) {
    this.system = system;
    this.settings = settings;
    this.connection = connection;
    this.events = events;
  }

  @Override
  public FlowShape<Message, Message> shape() {
    return shape;
  }

  @Override
  public GraphStageLogic createLogic(Attributes inheritedAttributes) {
    return new Logic();
  }

  /**
   * Client messages read ahead of the one in the actor's hands, at most: enough for a frontend's resends, few enough
   * that a client sending without pause is held back by the socket, not buffered here.
   */
  private static final int READ_AHEAD = 4;

  /**
   * No more is read ahead once the messages waiting hold this much text: a message may be as large as the size limit
   * (megabytes), and a socket should hold about one of those, not one per place ahead.
   */
  private static final long READ_AHEAD_CHARACTERS = 64 * 1024;

  /** A client message read ahead, and the characters of text it was read as (what it holds in memory). */
  private record ReadAhead(SocketMessage.ClientFrame frame, long characters) {}

  /** How the reading of a message that arrived in several frames ended; {@code sentBeforeRead} as at its start. */
  private record Collected(SocketMessage.Frame frame, Throwable error, long sentBeforeRead) {}

  private final class Logic extends GraphStageLogic {
    private ActorRef<SocketMessage> actor;
    private ActorRef<SocketMessage.Ack> ackTo;
    /** Created when the client first falls behind: most sockets never have a message waiting. */
    private ArrayDeque<Message> waiting;
    /** How many messages have gone out to the client. */
    private long messagesSent;
    /** Client messages read while the actor had one in hand; created when the first is. */
    private ArrayDeque<ReadAhead> readAhead;
    /** The characters of text the messages read ahead hold. */
    private long readAheadCharacters;
    private boolean closing;
    /** A message in several frames is being read: the client's end must wait for it, and so must the next read. */
    private boolean collecting;
    private boolean clientEnded;
    private Throwable failure;
    /** The actor has a client message it has not acknowledged yet. */
    private boolean inHand;
    /** The actor has acknowledged the connection's start: client messages may reach it. */
    private boolean actorReady;
    /**
     * Set when the node stops: no more client messages are read, and the socket closes as a failure (those read ahead
     * go unanswered, as unread ones do: the client sends them again once it has reconnected).
     */
    private NodeStoppingException leaving;
    /** Takes this socket off the node's list of open ones. */
    private Runnable forget;

    Logic() {
      super(shape);
      setHandler(in, new AbstractInHandler() {
        @Override
        public void onPush() {
          guarded(() -> read(grab(in)));
        }

        @Override
        public void onUpstreamFinish() {
          clientEnded = true;
          endIfClientGone();
        }

        @Override
        public void onUpstreamFailure(Throwable cause) {
          fail(cause);
        }
      });
      setHandler(out, new AbstractOutHandler() {
        @Override
        public void onPull() {
          if (!nothingWaiting()) {
            push(out, waiting.poll());
            messagesSent++;
          }
          completeIfClosedAndSent();
        }

        @Override
        public void onDownstreamFinish(Throwable cause) {
          completeStage();
        }
      });
    }

    @Override
    public void preStart() {
      // One stage actor takes the connection actor's outgoing messages, its acknowledgements and its end.
      StageActor self = getStageActor(this::onActorMessage);
      forget = OpenSockets.get(system).opened(
          () -> self.ref().tell(OpenSockets.NodeStopping.INSTANCE, org.apache.pekko.actor.ActorRef.noSender()));
      ActorRef<Object> typedSelf = Adapter.toTyped(self.ref());
      ackTo = typedSelf.narrow();
      actor = system.systemActorOf(connection.apply(typedSelf.narrow()), "ws-" + CONNECTIONS.incrementAndGet(),
          Props.empty());
      self.watch(Adapter.toClassic(actor));
      actor.tell(new SocketMessage.ClientConnected(ackTo));
      pull(in);
    }

    @Override
    public void postStop() {
      if (forget != null) {
        forget.run();
      }
      if (actor != null) {
        actor.tell(failure == null ? SocketMessage.ClientClosed.INSTANCE : new SocketMessage.ClientFailed(failure));
      }
    }

    private BoxedUnit onActorMessage(Tuple2<org.apache.pekko.actor.ActorRef, Object> sent) {
      Object message = sent._2();
      guarded(() -> {
        if (message == SocketMessage.Ack.INSTANCE) {
          inHand = false;
          actorReady = true;
          if (leaving != null) {
            closeWhenDone();
          } else {
            if (readAhead != null && !readAhead.isEmpty()) {
              ReadAhead next = readAhead.poll();
              readAheadCharacters -= next.characters();
              deliver(next.frame());
            }
            endIfClientGone();
            readOnIfRoom();
          }
        } else if (message == OpenSockets.NodeStopping.INSTANCE) {
          leaving = new NodeStoppingException();
          closeWhenDone();
        } else if (message == SocketMessage.Close.INSTANCE || message instanceof Terminated) {
          // An actor that stopped without saying Close (it failed) leaves its socket nobody to answer it.
          closing = true;
          completeIfClosedAndSent();
        } else if (message instanceof SocketMessage.Outgoing outgoing && !closing) {
          Message toClient = toClient(outgoing);
          if (toClient != null) {
            send(toClient);
          }
        }
      });
      return BoxedUnit.UNIT;
    }

    /** Whatever goes wrong inside the stage reaches the actor as the socket's failure, not as a normal close. */
    private void guarded(Runnable step) {
      try {
        step.run();
      } catch (RuntimeException e) {
        fail(e);
      }
    }

    private void completeIfClosedAndSent() {
      if (closing && nothingWaiting()) {
        if (leaving != null) {
          // A failure, not a normal close (1000): that is what tells the frontends to reconnect, to another node.
          fail(leaving);
        } else {
          completeStage();
        }
      }
    }

    /** Once the client message in hand (if any) is answered and what waits is sent. */
    private void closeWhenDone() {
      if (!inHand && !collecting) {
        closing = true;
        completeIfClosedAndSent();
      }
    }

    private boolean nothingWaiting() {
      return waiting == null || waiting.isEmpty();
    }

    private void send(Message message) {
      if (nothingWaiting() && isAvailable(out)) {
        push(out, message);
        messagesSent++;
        return;
      }
      if (waiting == null) {
        waiting = new ArrayDeque<>();
      }
      if (waiting.size() >= settings.outgoingBuffer()) {
        fail(new BufferOverflowException("More than " + settings.outgoingBuffer()
            + " messages are waiting for a client that does not read them"));
        return;
      }
      waiting.add(message);
    }

    private void read(Message message) {
      long sentBeforeRead = messagesSent;
      SocketMessage.Frame strict = strictFrame(message, settings.maxMessage());
      if (strict != null) {
        arrived(strict, sentBeforeRead);
        return;
      }
      collecting = true;
      AsyncCallback<Collected> collected = createAsyncCallback(this::onCollected);
      collect(message, settings.maxMessage(), subFusingMaterializer())
          .whenComplete((frame, error) -> collected.invoke(new Collected(frame, error, sentBeforeRead)));
    }

    private void onCollected(Collected collected) {
      collecting = false;
      if (collected.error() != null) {
        fail(collected.error());
        return;
      }
      guarded(() -> arrived(collected.frame(), collected.sentBeforeRead()));
      endIfClientGone();
    }

    private void arrived(SocketMessage.Frame frame, long sentBeforeRead) {
      SocketMessage.ClientFrame clientFrame =
          new SocketMessage.ClientFrame(events ? asEvent(frame) : frame, ackTo, sentBeforeRead);
      if (inHand || !actorReady) {
        if (readAhead == null) {
          readAhead = new ArrayDeque<>(READ_AHEAD);
        }
        long characters = frame instanceof SocketMessage.Text text ? text.text().length() : 0;
        readAhead.add(new ReadAhead(clientFrame, characters));
        readAheadCharacters += characters;
      } else {
        deliver(clientFrame);
      }
      readOnIfRoom();
    }

    private void readOnIfRoom() {
      boolean room = readAhead == null
          || readAhead.size() < READ_AHEAD && readAheadCharacters < READ_AHEAD_CHARACTERS;
      if (room && leaving == null && !collecting && !isClosed(in) && !hasBeenPulled(in)) {
        pull(in);
      }
    }

    /** The client has left: the socket ends once what it sent has reached the actor. */
    private void endIfClientGone() {
      if (clientEnded && !collecting && (readAhead == null || readAhead.isEmpty())) {
        completeStage();
      }
    }

    private void deliver(SocketMessage.ClientFrame frame) {
      inHand = true;
      actor.tell(frame);
    }

    private void fail(Throwable cause) {
      failure = cause;
      failStage(cause);
    }

    private Message toClient(SocketMessage.Outgoing outgoing) {
      if (outgoing instanceof SocketMessage.Send send) {
        return TextMessage.create(send.text());
      }
      return events && outgoing instanceof SocketMessage.Emit emit ? TextMessage.create(eventText(emit)) : null;
    }
  }

  /** Why a socket closed when its node stopped: the client should reconnect, and will reach another node. */
  static final class NodeStoppingException extends RuntimeException {
    NodeStoppingException() {
      super("This node is stopping: reconnect", null, false, false);
    }
  }

  /** A message that arrived in one frame, already whole; null for one still arriving in several. */
  private static SocketMessage.Frame strictFrame(Message message, long limit) {
    if (message.isText() && message.asTextMessage().isStrict()) {
      String text = message.asTextMessage().getStrictText();
      return text.length() > limit ? new SocketMessage.TooLarge("characters", text.length(), limit)
          : new SocketMessage.Text(text);
    }
    if (!message.isText() && message.asBinaryMessage().isStrict()) {
      long size = message.asBinaryMessage().getStrictData().size();
      return size > limit ? new SocketMessage.TooLarge("bytes", size, limit) : new SocketMessage.Binary(size);
    }
    return null;
  }

  /**
   * Reads a message that arrives in several frames to its end: every message must be consumed, or the socket stalls;
   * one above the limit is drained and reported instead of being kept in memory.
   */
  private static CompletionStage<SocketMessage.Frame> collect(Message message, long limit, Materializer materializer) {
    if (message.isText()) {
      return message.asTextMessage().getStreamedText()
          .runWith(Sink.fold(new TextSoFar(new StringBuilder(), 0), (acc, part) -> acc.add(part, limit)), materializer)
          .thenApply(acc -> acc.size() > limit
              ? new SocketMessage.TooLarge("characters", acc.size(), limit)
              : new SocketMessage.Text(acc.text().toString()));
    }
    return message.asBinaryMessage().getStreamedData()
        .runWith(Sink.fold(0L, (size, bytes) -> size + bytes.size()), materializer)
        .thenApply(size -> size > limit ? new SocketMessage.TooLarge("bytes", size, limit) : new SocketMessage.Binary(size));
  }

  private record TextSoFar(StringBuilder text, long size) {
    TextSoFar add(String part, long limit) {
      long newSize = size + part.length();
      if (newSize <= limit) {
        text.append(part);
      }
      return new TextSoFar(text, newSize);
    }
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
}
