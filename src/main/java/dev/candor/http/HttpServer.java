package dev.candor.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
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
      shutdown.addTask(CoordinatedShutdown.PhaseServiceRequestsDone(), "http-drain", () -> {
        // A node the cluster has downed (or that downed itself after standing still) holds no sessions any more:
        // what is in flight cannot finish here, and its clients must reconnect to another node now, not after the
        // drain. Closing the sockets abruptly is what tells the frontends to reconnect.
        boolean downed = shutdown.getShutdownReason().filter(CoordinatedShutdown.clusterDowningReason()::equals).isPresent();
        return binding.terminate(downed ? Duration.ofMillis(1) : drain).thenApply(terminated -> Done.getInstance());
      });
    });
  }
}
