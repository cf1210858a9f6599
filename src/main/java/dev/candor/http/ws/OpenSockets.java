package dev.candor.http.ws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The WebSockets this node holds, so a node that is stopping can tell each to go. Pekko HTTP's graceful termination
 * ends HTTP requests, not upgraded sockets: without this they stayed open until the process exited, their clients
 * talking to a node that was handing its sessions away (the rolling restart's timeouts).
 */
public final class OpenSockets implements Extension {

  /** Told to each socket stage when its node stops: it finishes the client message in hand, then closes. */
  enum NodeStopping { INSTANCE }

  private static final ExtensionId<OpenSockets> ID = new ExtensionId<>() {
    @Override
    public OpenSockets createExtension(ActorSystem<?> system) {
      return new OpenSockets();
    }
  };

  /** What makes each open socket go. */
  private final Set<Runnable> leaving = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  public static OpenSockets get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /**
   * A socket opened; {@code leave} closes it when the node stops (it must not block). Returns what to call once it
   * has closed.
   */
  public Runnable opened(Runnable leave) {
    // Its own object, so the same action given twice is two sockets.
    Runnable entry = leave::run;
    leaving.add(entry);
    if (stopping) {
      // Opened while the port was closing.
      entry.run();
    }
    return () -> leaving.remove(entry);
  }

  public int open() {
    return leaving.size();
  }

  /** Has every socket open now, and any still opening, go; returns how many were open. */
  public int stopAll() {
    stopping = true;
    int open = leaving.size();
    leaving.forEach(Runnable::run);
    return open;
  }
}
