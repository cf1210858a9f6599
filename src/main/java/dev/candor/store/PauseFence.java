package dev.candor.store;

import java.time.Duration;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;
import org.apache.pekko.cluster.Cluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node that stood still (a SIGSTOP, a frozen VM, a starved container) from writing to sessions the others
 * may have moved while it did. The other nodes take a node whose heartbeats stop for a few seconds for dead, down it
 * and start its sessions from the journal; the node itself, when it runs again, goes on for a second or more before
 * it hears that, and in that time a timer or a client message would have its old session write an event. The
 * journal's key refuses an event at a number the new session already wrote, but not one the old session writes
 * first. So a thread notes the time every 100 ms, and a node that finds a gap longer than {@code limit} (shorter
 * than the others take to down it and move its sessions) refuses every journal write from then on and leaves the
 * cluster. A shorter gap (a GC pause) changes nothing.
 */
public final class PauseFence implements Extension {

  private static final Logger log = LoggerFactory.getLogger(PauseFence.class);
  private static final Duration TICK = Duration.ofMillis(100);

  private final ActorSystem system;
  private final long limitNanos;
  private volatile long lastTickNanos = System.nanoTime();
  /** Why this node writes nothing more; null while it may write. */
  private volatile String refusal;

  private PauseFence(ActorSystem system, Duration limit) {
    this.system = system;
    this.limitNanos = limit.toNanos();
    Thread ticker = new Thread(this::tickForever, "candor-pause-fence");
    ticker.setDaemon(true);
    ticker.start();
  }

  public static PauseFence get(ActorSystem system) {
    return Id.INSTANCE.get(system);
  }

  /**
   * Null when this node may write; otherwise why not. Checks the gap itself before it reads the verdict: a writer
   * running before the ticker after a long stop finds the gap, and one running after it finds the verdict the
   * ticker wrote before it moved the time on.
   */
  public String refusal() {
    checkGap(System.nanoTime());
    return refusal;
  }

  private void tickForever() {
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      checkGap(now);
      lastTickNanos = now;
      try {
        Thread.sleep(TICK.toMillis());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void checkGap(long now) {
    long gap = now - lastTickNanos;
    if (gap > limitNanos && refusal == null) {
      fence(gap);
    }
  }

  /** Package-private so that a test can stand the node still without stopping its JVM. */
  synchronized void fence(long gapNanos) {
    if (refusal != null) {
      return;
    }
    String seconds = String.format("%.1f s", gapNanos / 1e9);
    refusal = "This node stood still for " + seconds + ", long enough for the others to take it for dead and move its"
        + " sessions: it writes nothing more and leaves the cluster";
    log.error("{} (limit {} ms, CLUSTER_PAUSE_FENCE)", refusal, limitNanos / 1_000_000);
    Cluster cluster = Cluster.get(system);
    cluster.down(cluster.selfAddress());
  }

  static final class Id extends AbstractExtensionId<PauseFence> {
    static final Id INSTANCE = new Id();

    @Override
    public PauseFence createExtension(ExtendedActorSystem system) {
      return new PauseFence(system, system.settings().config().getDuration("candor.cluster.pause-fence"));
    }
  }
}
