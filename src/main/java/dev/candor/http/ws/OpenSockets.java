package dev.candor.http.ws;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.actor.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The WebSockets this node holds, so a node that is stopping can tell each to go. Pekko HTTP's graceful termination
 * ends HTTP requests, not upgraded sockets: without this they stayed open until the process exited, their clients
 * talking to a node that was handing its sessions away (the rolling restart's timeouts).
 */
public final class OpenSockets implements Extension {

  /** Told to each socket when its node stops: it finishes the client message in hand, then closes. */
  enum NodeStopping { INSTANCE }

  private static final ExtensionId<OpenSockets> ID = new ExtensionId<>() {
    @Override
    public OpenSockets createExtension(ActorSystem<?> system) {
      return new OpenSockets();
    }
  };

  private final Set<ActorRef> sockets = ConcurrentHashMap.newKeySet();
  private volatile boolean stopping;

  public static OpenSockets get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** @param socket the socket stage's actor */
  void opened(ActorRef socket) {
    sockets.add(socket);
    if (stopping) {
      // Opened while the port was closing.
      socket.tell(NodeStopping.INSTANCE, ActorRef.noSender());
    }
  }

  void closed(ActorRef socket) {
    sockets.remove(socket);
  }

  /** Tells every socket open now, and any still opening, that the node stops. */
  public void stopAll() {
    stopping = true;
    sockets.forEach(socket -> socket.tell(NodeStopping.INSTANCE, ActorRef.noSender()));
  }
}
