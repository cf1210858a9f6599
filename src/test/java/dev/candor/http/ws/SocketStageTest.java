package dev.candor.http.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.http.Json;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.model.ws.BinaryMessage;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.Attributes;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.BufferOverflowException;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SinkQueueWithCancel;
import org.apache.pekko.util.ByteString;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The WebSocket's bridge to its connection actor, run as a stream between a client queue and a client sink. */
class SocketStageTest {

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final Duration QUIET = Duration.ofMillis(300);
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final SocketSettings SETTINGS = new SocketSettings(100, 2, Duration.ofSeconds(5));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** A socket whose connection actor forwards everything it gets to a probe, and whose client reads on demand. */
  private static final class Socket {
    final TestProbe<SocketMessage> actor = testKit.createTestProbe();
    final CompletableFuture<ActorRef<SocketMessage.Outgoing>> out = new CompletableFuture<>();
    final CompletableFuture<ActorRef<SocketMessage>> self = new CompletableFuture<>();
    final BoundedSourceQueue<Message> client;
    final SinkQueueWithCancel<Message> received;

    Socket(boolean events, int clientReadAhead) {
      this(events, clientReadAhead, SETTINGS);
    }

    Socket(boolean events, int clientReadAhead, SocketSettings settings) {
      Flow<Message, Message, NotUsed> flow = events
          ? SocketFlow.createForEvents(testKit.system(), settings, this::connection)
          : SocketFlow.create(testKit.system(), settings, this::connection);
      Pair<BoundedSourceQueue<Message>, SinkQueueWithCancel<Message>> ends = Source.<Message>queue(16)
          .via(flow)
          .toMat(Sink.<Message>queue().withAttributes(Attributes.inputBuffer(clientReadAhead, clientReadAhead)),
              Keep.both())
          .run(testKit.system());
      client = ends.first();
      received = ends.second();
    }

    private Behavior<SocketMessage> connection(ActorRef<SocketMessage.Outgoing> outgoing) {
      out.complete(outgoing);
      return Behaviors.setup(context -> {
        self.complete(context.getSelf());
        return Behaviors.receiveMessage(message -> {
          if (message instanceof Crash) {
            throw new IllegalStateException("a dialect's bug");
          }
          actor.ref().tell(message);
          return Behaviors.same();
        });
      });
    }

    ActorRef<SocketMessage.Ack> connected() {
      return actor.expectMessageClass(SocketMessage.ClientConnected.class, WAIT).ackTo();
    }

    SocketMessage.ClientFrame frame() {
      return actor.expectMessageClass(SocketMessage.ClientFrame.class, WAIT);
    }

    void expectEnd(SocketMessage end) {
      actor.expectMessage(WAIT, end);
      actor.expectNoMessage(QUIET);
    }

    void send(SocketMessage.Outgoing message) throws Exception {
      out.get(5, TimeUnit.SECONDS).tell(message);
    }

    void crashActor() throws Exception {
      self.get(5, TimeUnit.SECONDS).tell(new Crash());
    }

    String nextText() throws Exception {
      Optional<Message> message = received.pull().toCompletableFuture().get(5, TimeUnit.SECONDS);
      assertTrue(message.isPresent(), "the socket ended instead of sending");
      return message.get().asTextMessage().getStrictText();
    }

    CompletionStage<Optional<Message>> next() {
      return received.pull();
    }
  }

  /** Makes the test's connection actor fail, as a dialect with a bug would. */
  private record Crash() implements SocketMessage {}

  @Test
  void clientMessagesReachTheActorOneAtATimeEachAfterTheLastWasAcknowledged() {
    Socket socket = new Socket(false, 16);
    socket.client.offer(TextMessage.create("first"));
    socket.client.offer(TextMessage.create("second"));
    ActorRef<SocketMessage.Ack> ackTo = socket.connected();
    socket.actor.expectNoMessage(QUIET);

    ackTo.tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame first = socket.frame();
    assertEquals(new SocketMessage.Text("first"), first.frame());
    socket.actor.expectNoMessage(QUIET);

    first.ackTo().tell(SocketMessage.Ack.INSTANCE);
    assertEquals(new SocketMessage.Text("second"), socket.frame().frame());
  }

  @Test
  void eachMessageCarriesHowManyRepliesHadGoneOutWhenItWasRead() throws Exception {
    Socket socket = new Socket(false, 16);
    socket.client.offer(TextMessage.create("answer"));
    socket.client.offer(TextMessage.create("the same answer again, sent before any reply"));
    socket.connected().tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame first = socket.frame();
    assertEquals(0, first.sentBeforeRead());
    socket.send(new SocketMessage.Send("the next question"));
    assertEquals("the next question", socket.nextText());

    first.ackTo().tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame second = socket.frame();
    assertEquals(new SocketMessage.Text("the same answer again, sent before any reply"), second.frame());
    assertEquals(0, second.sentBeforeRead(), "read while the first was in hand, before the reply went out");
    socket.client.offer(TextMessage.create("an answer to the next question"));
    second.ackTo().tell(SocketMessage.Ack.INSTANCE);
    assertEquals(1, socket.frame().sentBeforeRead());
  }

  @Test
  void nothingMoreIsReadAheadOfALargeMessage() throws Exception {
    Socket socket = new Socket(false, 16, new SocketSettings(100_000, 2, Duration.ofSeconds(5)));
    socket.client.offer(TextMessage.create("x".repeat(70_000)));
    socket.client.offer(TextMessage.create("small"));
    ActorRef<SocketMessage.Ack> connected = socket.connected();
    socket.actor.expectNoMessage(QUIET);
    socket.send(new SocketMessage.Send("a message that goes out meanwhile"));
    assertEquals("a message that goes out meanwhile", socket.nextText());

    connected.tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame large = socket.frame();
    assertEquals(0, large.sentBeforeRead());
    large.ackTo().tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame small = socket.frame();
    assertEquals(new SocketMessage.Text("small"), small.frame());
    assertEquals(1, small.sentBeforeRead(), "left in the socket behind the large one, read once it was handed over");
  }

  @Test
  void aMessageInSeveralFramesArrivesWholeAndOneAboveTheLimitIsReportedNotKept() {
    Socket socket = new Socket(false, 16);
    socket.client.offer(TextMessage.create(Source.from(List.of("an answer ", "in ", "three frames"))));
    socket.client.offer(TextMessage.create(Source.from(List.of("x".repeat(60), "y".repeat(60)))));
    socket.client.offer(BinaryMessage.create(Source.from(List.of(ByteString.fromArray(new byte[70]),
        ByteString.fromArray(new byte[70])))));
    socket.client.offer(TextMessage.create("z".repeat(101)));
    socket.connected().tell(SocketMessage.Ack.INSTANCE);

    SocketMessage.ClientFrame whole = socket.frame();
    assertEquals(new SocketMessage.Text("an answer in three frames"), whole.frame());
    whole.ackTo().tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame longText = socket.frame();
    assertEquals(new SocketMessage.TooLarge("characters", 120, 100), longText.frame());
    longText.ackTo().tell(SocketMessage.Ack.INSTANCE);
    SocketMessage.ClientFrame longBinary = socket.frame();
    assertEquals(new SocketMessage.TooLarge("bytes", 140, 100), longBinary.frame());
    longBinary.ackTo().tell(SocketMessage.Ack.INSTANCE);
    assertEquals(new SocketMessage.TooLarge("characters", 101, 100), socket.frame().frame());
  }

  @Test
  void theActorsTextGoesOutAndCloseSendsWhatWaitsBeforeEndingTheSocket() throws Exception {
    Socket socket = new Socket(false, 1);
    socket.connected();
    socket.send(new SocketMessage.Send("one"));
    socket.send(new SocketMessage.Emit("not-in-this-dialect", null, null));
    socket.send(new SocketMessage.Send("two"));
    socket.send(new SocketMessage.Send("three"));
    socket.send(SocketMessage.Close.INSTANCE);
    socket.send(new SocketMessage.Send("after close"));

    assertEquals("one", socket.nextText());
    assertEquals("two", socket.nextText());
    assertEquals("three", socket.nextText());
    assertEquals(Optional.empty(), socket.next().toCompletableFuture().get(5, TimeUnit.SECONDS));
    socket.expectEnd(SocketMessage.ClientClosed.INSTANCE);
  }

  @Test
  void anActorThatStopsWithoutClosingStillHasItsLastWordsSentAndItsSocketClosed() throws Exception {
    Socket socket = new Socket(false, 1);
    socket.connected();
    socket.send(new SocketMessage.Send("one"));
    socket.send(new SocketMessage.Send("two"));
    socket.crashActor();

    assertEquals("one", socket.nextText());
    assertEquals("two", socket.nextText());
    assertEquals(Optional.empty(), socket.next().toCompletableFuture().get(5, TimeUnit.SECONDS));
  }

  @Test
  void aMessageStillArrivingWhenTheClientLeavesIsDeliveredBeforeTheEnd() {
    Socket socket = new Socket(false, 16);
    socket.client.offer(TextMessage.create(Source.single("the last answer, ")
        .concat(Source.single("sent just before leaving").initialDelay(Duration.ofMillis(300)))));
    socket.client.complete();
    socket.connected().tell(SocketMessage.Ack.INSTANCE);

    assertEquals(new SocketMessage.Text("the last answer, sent just before leaving"), socket.frame().frame());
    socket.expectEnd(SocketMessage.ClientClosed.INSTANCE);
  }

  @Test
  void theClientThatStopsListeningEndsTheSocketAndTheActorIsToldOnce() {
    Socket socket = new Socket(false, 16);
    socket.connected().tell(SocketMessage.Ack.INSTANCE);
    socket.received.cancel();
    socket.expectEnd(SocketMessage.ClientClosed.INSTANCE);
  }

  @Test
  void aClientThatStopsReadingFailsTheSocketOnceMoreThanTheBufferWaits() throws Exception {
    Socket socket = new Socket(false, 1);
    socket.connected();
    // One message sits in the client's read-ahead, two wait in the socket's buffer; the next one is too many.
    for (int i = 0; i < 4; i++) {
      socket.send(new SocketMessage.Send("message " + i));
    }
    SocketMessage.ClientFailed failed = socket.actor.expectMessageClass(SocketMessage.ClientFailed.class, WAIT);
    assertInstanceOf(BufferOverflowException.class, failed.cause());
    ExecutionException ended = assertThrows(ExecutionException.class,
        () -> drain(socket));
    assertInstanceOf(BufferOverflowException.class, ended.getCause());
  }

  /** Reads what reached the client before the socket ended. */
  private static void drain(Socket socket) throws Exception {
    Optional<Message> message;
    do {
      message = socket.next().toCompletableFuture().get(5, TimeUnit.SECONDS);
    } while (message.isPresent());
  }

  @Test
  void theClientsEndEndsTheSocketAndTheActorIsToldOnce() {
    Socket socket = new Socket(false, 16);
    socket.connected().tell(SocketMessage.Ack.INSTANCE);
    socket.client.complete();
    socket.expectEnd(SocketMessage.ClientClosed.INSTANCE);
  }

  @Test
  void theClientsFailureReachesTheActor() {
    Socket socket = new Socket(false, 16);
    socket.connected().tell(SocketMessage.Ack.INSTANCE);
    socket.client.fail(new IllegalStateException("connection reset"));
    SocketMessage.ClientFailed failed = socket.actor.expectMessageClass(SocketMessage.ClientFailed.class, WAIT);
    assertEquals("connection reset", failed.cause().getMessage());
    socket.actor.expectNoMessage(QUIET);
  }

  @Test
  void anEventSocketReadsAndWritesNamedEventsAsJsonText() throws Exception {
    Socket socket = new Socket(true, 16);
    socket.client.offer(TextMessage.create("{\"event\":\"start_interview\",\"data\":{\"id\":7}}"));
    socket.client.offer(TextMessage.create("not an event"));
    socket.connected().tell(SocketMessage.Ack.INSTANCE);

    SocketMessage.ClientFrame event = socket.frame();
    SocketMessage.Event named = assertInstanceOf(SocketMessage.Event.class, event.frame());
    assertEquals("start_interview", named.name());
    assertEquals(7, named.args().get(0).path("id").asInt());
    event.ackTo().tell(SocketMessage.Ack.INSTANCE);
    assertEquals(new SocketMessage.Text("not an event"), socket.frame().frame());

    socket.send(new SocketMessage.Emit("question", Json.object().put("text", "Why?"), "12"));
    assertEquals("{\"event\":\"question\",\"data\":{\"text\":\"Why?\"},\"offset\":\"12\"}", socket.nextText());
  }
}
