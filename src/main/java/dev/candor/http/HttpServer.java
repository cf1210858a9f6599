package dev.candor.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import dev.candor.http.ws.OpenSockets;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.Cluster;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Route;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the routes and lets in-flight requests finish when the node shuts down (unless the cluster downed it). */
public final class HttpServer {

  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private HttpServer() {}

  public static CompletionStage<ServerBinding> start(ActorSystem<?> system, String host, int port, Duration drain,
      Route route) {
    return Http.get(system).newServerAt(host, port).bind(route).whenComplete((binding, error) -> {
      if (error != null) {
        log.error("Could not serve HTTP on {}:{}", host, port, error);
        system.terminate();
        return;
      }
      InetSocketAddress address = binding.localAddress();
      log.info("Candor serving http://{}:{}/", address.getHostString(), address.getPort());
      CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
      Port open = new Port(binding, system);
      shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "http-drain", () -> {
        // A node the cluster has downed (or that downed itself after standing still) holds no sessions any more:
        // what is in flight there cannot finish, so it does not wait for it.
        boolean downed = shutdown.getShutdownReason().filter(CoordinatedShutdown.clusterDowningReason()::equals).isPresent();
        return open.close("Stopping").thenCompose(closed -> binding.terminate(downed ? Duration.ofMillis(1) : drain))
            .thenApply(terminated -> Done.getInstance());
      });
      // Downed, a node runs its coordinated shutdown only once the cluster's own actors have stopped: on a node that
      // had just run again after standing still that came 4.5 s later, and the drain 3.6 s after that, while its
      // clients talked to a node that held none of their sessions. Out of the cluster, it sends them away at once.
      // (A node asked to stop is removed after its drain, when the port is closed already.)
      Cluster.get(system).registerOnMemberRemoved(() -> {
        if (shutdown.getShutdownReason().isEmpty()) {
          open.close("Out of the cluster");
        }
      });
    });
  }

  /** The listening port, closed once: by the drain, or on a downed node as soon as it is out of the cluster. */
  private static final class Port {
    private final ServerBinding binding;
    private final ActorSystem<?> system;
    private CompletionStage<Void> closed;

    Port(ServerBinding binding, ActorSystem<?> system) {
      this.binding = binding;
      this.system = system;
    }

    /**
     * The port first, so a client told to reconnect does not come back here; then WebSockets are told to close
     * (after the client message in hand) with a code that has their clients reconnect, to another node.
     */
    synchronized CompletionStage<Void> close(String why) {
      if (closed == null) {
        closed = binding.unbind().thenAccept(unbound ->
            log.info("{}: port closed; {} open sockets told to reconnect elsewhere", why, OpenSockets.get(system).stopAll()));
      }
      return closed;
    }
  }
}
