package dev.candor.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Copies of a request sent to a real actor that answers each copy after a delay, or never. */
class RepeatingAskTest {

  private static final ActorTestKit testKit = ActorTestKit.create();
  private static final Duration RETRY_AFTER = Duration.ofMillis(100);
  private static final Duration WAIT = Duration.ofSeconds(10);

  record Ping(ActorRef<String> replyTo) {}

  record Finished(RequestObserver.Outcome outcome, Duration took, int copies) {}

  /** What the observer was told of each request that ended. */
  private final BlockingQueue<Finished> finished = new LinkedBlockingQueue<>();
  private final RequestObserver observer = (outcome, took, copies) -> finished.add(new Finished(outcome, took, copies));

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  /** Tells {@code copies} of every ping it gets, and answers each one {@code delay} later (never, if null). */
  private static ActorRef<Ping> responder(TestProbe<Ping> copies, Duration delay) {
    Behavior<Ping> behavior = Behaviors.setup(context -> Behaviors.receive(Ping.class)
        .onMessage(Ping.class, ping -> {
          copies.ref().tell(ping);
          if (Duration.ZERO.equals(delay)) {
            ping.replyTo().tell("pong");
          } else if (delay != null) {
            context.scheduleOnce(delay, ping.replyTo(), "pong");
          }
          return Behaviors.same();
        })
        .build());
    return testKit.spawn(behavior);
  }

  /** Counts every ping it gets in {@code sent} and answers none. */
  private static ActorRef<Ping> silent(AtomicInteger sent) {
    return testKit.spawn(Behaviors.receive(Ping.class)
        .onMessage(Ping.class, ping -> {
          sent.incrementAndGet();
          return Behaviors.same();
        })
        .build());
  }

  private RepeatingAsk repeating(Duration timeout) {
    return new RepeatingAsk(testKit.scheduler(), testKit.system().executionContext(), RETRY_AFTER, timeout, observer);
  }

  private Finished observed() throws InterruptedException {
    Finished told = finished.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertNotNull(told, "the observer was told how the request ended");
    return told;
  }

  private static CompletableFuture<String> ask(RepeatingAsk repeating, ActorRef<Ping> responder) {
    return repeating.<String>ask(timeout ->
        AskPattern.<Ping, String>ask(responder, Ping::new, timeout, testKit.scheduler()).toCompletableFuture())
        .toCompletableFuture();
  }

  @Test
  void aReplySlowerThanTheTimeBetweenCopiesIsStillTaken() throws Exception {
    TestProbe<Ping> copies = testKit.createTestProbe();
    // Every copy is answered five intervals after it arrives, so each has been sent again before its reply comes.
    ActorRef<Ping> slow = responder(copies, RETRY_AFTER.multipliedBy(5));

    assertEquals("pong", ask(repeating(WAIT), slow).get(WAIT.toSeconds(), TimeUnit.SECONDS));
    copies.expectMessageClass(Ping.class);
    copies.expectMessageClass(Ping.class);
    Finished told = observed();
    assertEquals(RequestObserver.Outcome.ANSWERED, told.outcome());
    assertTrue(told.copies() >= 2, "copies counted: " + told);
    assertTrue(told.took().compareTo(RETRY_AFTER.multipliedBy(5)) >= 0, "from the first copy: " + told);
  }

  @Test
  void aRequestNobodyAnswersFailsAsATimeoutAfterSeveralCopies() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    ActorRef<Ping> silent = silent(sent);
    int mostCopies = 5;

    ExecutionException failed = assertThrows(ExecutionException.class,
        () -> ask(repeating(RETRY_AFTER.multipliedBy(mostCopies)), silent).get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, failed.getCause());
    assertTrue(sent.get() >= 2, "sent again before giving up: " + sent.get());
    testKit.createTestProbe().expectNoMessage(RETRY_AFTER.multipliedBy(3));
    assertTrue(sent.get() <= mostCopies, "no copy after the deadline: " + sent.get());
    Finished told = observed();
    assertEquals(RequestObserver.Outcome.TIMED_OUT, told.outcome());
    assertEquals(sent.get(), told.copies(), "every copy counted");
  }

  @Test
  void noCopyIsSentOnceOneIsAnswered() throws Exception {
    TestProbe<Ping> copies = testKit.createTestProbe();
    ActorRef<Ping> prompt = responder(copies, Duration.ZERO);

    assertEquals("pong", ask(repeating(WAIT), prompt).get(WAIT.toSeconds(), TimeUnit.SECONDS));
    copies.expectMessageClass(Ping.class);
    copies.expectNoMessage(RETRY_AFTER.multipliedBy(5));
  }

  @Test
  void aFailureOtherThanATimeoutEndsTheRequestAtOnce() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    IllegalStateException refused = new IllegalStateException("refused");

    CompletableFuture<String> reply = repeating(WAIT).<String>ask(timeout -> {
      sent.incrementAndGet();
      return CompletableFuture.failedFuture(refused);
    }).toCompletableFuture();

    ExecutionException failed = assertThrows(ExecutionException.class, () -> reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertSame(refused, failed.getCause());
    TestProbe<Ping> nothing = testKit.createTestProbe();
    nothing.expectNoMessage(RETRY_AFTER.multipliedBy(3));
    assertEquals(1, sent.get());
    Finished told = observed();
    assertEquals(RequestObserver.Outcome.FAILED, told.outcome());
    assertEquals(1, told.copies());
  }

  @Test
  void aSingleRequestSendsOneCopyAndIsToldToTheObserverToo() throws Exception {
    AtomicInteger sent = new AtomicInteger();
    ActorRef<Ping> silent = silent(sent);

    CompletableFuture<String> reply = repeating(RETRY_AFTER.multipliedBy(4)).<String>single(timeout ->
        AskPattern.<Ping, String>ask(silent, Ping::new, timeout, testKit.scheduler()).toCompletableFuture())
        .toCompletableFuture();

    ExecutionException failed = assertThrows(ExecutionException.class, () -> reply.get(WAIT.toSeconds(), TimeUnit.SECONDS));
    assertInstanceOf(TimeoutException.class, failed.getCause());
    Finished told = observed();
    assertEquals(RequestObserver.Outcome.TIMED_OUT, told.outcome());
    assertEquals(1, told.copies());
    assertEquals(1, sent.get(), "never sent again");
  }
}
