package dev.candor.session;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * How much interviewer work this node's sessions have started and not yet had back (planning, analyses,
 * reports, transcriptions, spoken lines). Above {@code candor.interview.max-in-flight} a session refuses to
 * begin a new interview, so a node past its capacity sheds new work instead of letting every running interview
 * slow down until its requests time out. Running interviews, and clients rejoining them, are never refused.
 */
final class Admission implements Extension {

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

  static Admission get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void finished(int tasks) {
    inFlight.addAndGet(-tasks);
  }

  boolean admitsNewInterviews() {
    return inFlight.get() <= limit;
  }
}
