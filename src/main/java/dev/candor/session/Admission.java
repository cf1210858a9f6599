package dev.candor.session;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * How much interview work this node has in flight (starts, answers, recordings, ends asked of sessions and not
 * yet answered). Above {@code candor.interview.max-in-flight} a session refuses to begin a new interview, so a
 * node past its capacity sheds new work instead of letting every running interview slow down until its
 * requests time out. Running interviews, and clients rejoining them, are never refused.
 */
public final class Admission implements Extension {

  private static final ExtensionId<Admission> ID = new ExtensionId<>() {
    @Override
    public Admission createExtension(ActorSystem<?> system) {
      return new Admission(system.settings().config().getInt("candor.interview.max-in-flight"));
    }
  };

  private final AtomicInteger inFlight = new AtomicInteger();
  private final int limit;

  private Admission(int limit) {
    this.limit = limit;
  }

  public static Admission get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Counts {@code request} as in flight until it completes. */
  <T> CompletionStage<T> track(Supplier<CompletionStage<T>> request) {
    inFlight.incrementAndGet();
    try {
      return request.get().whenComplete((value, error) -> inFlight.decrementAndGet());
    } catch (RuntimeException e) {
      inFlight.decrementAndGet();
      throw e;
    }
  }

  boolean admitsNewInterviews() {
    return inFlight.get() <= limit;
  }

  public int inFlight() {
    return inFlight.get();
  }
}
