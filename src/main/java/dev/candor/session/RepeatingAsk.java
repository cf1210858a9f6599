package dev.candor.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
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
 */
record RepeatingAsk(Scheduler scheduler, ExecutionContext executor, Duration retryAfter, Duration timeout) {

  /**
   * @param askOnce sends one copy, whose reply future fails with a {@code TimeoutException} after the given time
   * @return the first reply to any copy; the first failure other than a timeout; or a timeout at the deadline
   */
  <T> CompletionStage<T> ask(Function<Duration, CompletableFuture<T>> askOnce) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    send(askOnce, reply, System.nanoTime() + timeout.toNanos());
    return reply;
  }

  private <T> void send(Function<Duration, CompletableFuture<T>> askOnce, CompletableFuture<T> reply, long deadline) {
    Duration left = Duration.ofNanos(deadline - System.nanoTime());
    if (reply.isDone() || left.isNegative() || left.isZero()) {
      return;
    }
    // Each copy's own timeout ends at the deadline, so a failure of any copy ends the request.
    askOnce.apply(left).whenComplete((value, error) -> {
      if (error == null) {
        reply.complete(value);
      } else {
        reply.completeExceptionally(error);
      }
    });
    if (left.compareTo(retryAfter) > 0) {
      scheduler.scheduleOnce(retryAfter, () -> send(askOnce, reply, deadline), executor);
    }
  }
}
