package dev.candor.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.Scheduler;
import scala.concurrent.ExecutionContext;

/**
 * A request sent again every {@code retryAfter} until one of its copies is answered or {@code timeout} has passed
 * since the first.
 *
 * <p>Every copy waits for its reply until that deadline, not only until the next copy goes out: a session that takes
 * longer than {@code retryAfter} to answer (its node busy, or it is being loaded from the journal on a new node after
 * a failover) answers each copy late, and a copy that had given up by then would throw the answer away, so that under
 * such a delay no copy would ever be answered in time.
 *
 * <p>The observer is told how each request ended, how long it took and how many copies went out.
 */
record RepeatingAsk(Scheduler scheduler, ExecutionContext executor, Duration retryAfter, Duration timeout,
    RequestObserver observer) {

  /**
   * @param askOnce sends one copy, whose reply future fails with a {@code TimeoutException} after the given time
   * @return the first reply to any copy; the first failure other than a timeout; or a timeout at the deadline
   */
  <T> CompletionStage<T> ask(Function<Duration, CompletableFuture<T>> askOnce) {
    return start(askOnce, true);
  }

  /** One copy only, for a request a session must not take twice; told to the observer like the others. */
  <T> CompletionStage<T> single(Function<Duration, CompletableFuture<T>> askOnce) {
    return start(askOnce, false);
  }

  private <T> CompletionStage<T> start(Function<Duration, CompletableFuture<T>> askOnce, boolean repeat) {
    Request<T> request = new Request<>(this, askOnce, repeat);
    request.send();
    return request.reply;
  }

  /** One request's copies: each schedules the next, and the reply cancels the one waiting. */
  private static final class Request<T> {
    private final RepeatingAsk settings;
    private final Function<Duration, CompletableFuture<T>> askOnce;
    private final boolean repeat;
    private final long start = System.nanoTime();
    private final long deadline;
    private final CompletableFuture<T> reply = new CompletableFuture<>();
    private final AtomicInteger copies = new AtomicInteger();
    private final AtomicReference<Cancellable> nextCopy = new AtomicReference<>();

    Request(RepeatingAsk settings, Function<Duration, CompletableFuture<T>> askOnce, boolean repeat) {
      this.settings = settings;
      this.askOnce = askOnce;
      this.repeat = repeat;
      this.deadline = start + settings.timeout.toNanos();
      reply.whenComplete((value, error) -> {
        cancelNextCopy();
        settings.observer.finished(outcome(error), Duration.ofNanos(System.nanoTime() - start), copies.get());
      });
    }

    void send() {
      Duration left = Duration.ofNanos(deadline - System.nanoTime());
      if (reply.isDone() || left.isNegative() || left.isZero()) {
        return;
      }
      copies.incrementAndGet();
      // Each copy's own timeout ends at the deadline, so a failure of any copy ends the request.
      askOnce.apply(left).whenComplete((value, error) -> {
        if (error == null) {
          reply.complete(value);
        } else {
          reply.completeExceptionally(error);
        }
      });
      if (repeat && left.compareTo(settings.retryAfter) > 0) {
        nextCopy.set(settings.scheduler.scheduleOnce(settings.retryAfter, this::send, settings.executor));
        if (reply.isDone()) {
          cancelNextCopy();
        }
      }
    }

    private void cancelNextCopy() {
      Cancellable pending = nextCopy.get();
      if (pending != null) {
        pending.cancel();
      }
    }

    private static RequestObserver.Outcome outcome(Throwable error) {
      Throwable cause = error instanceof CompletionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : error;
      if (cause == null) {
        return RequestObserver.Outcome.ANSWERED;
      }
      return cause instanceof TimeoutException ? RequestObserver.Outcome.TIMED_OUT : RequestObserver.Outcome.FAILED;
    }
  }
}
