package dev.candor.http;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import dev.candor.http.ws.OpenSockets;
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
        // WebSockets are told to close (after the client message in hand) with a code that has their clients
        // reconnect, to another node. A node the cluster has downed (or that downed itself after standing still)
        // holds no sessions any more: what is in flight there cannot finish, so it does not wait for it.
        boolean downed = shutdown.getShutdownReason().filter(CoordinatedShutdown.clusterDowningReason()::equals).isPresent();
        // The port first, so a client told to reconnect does not come back here.
        return binding.unbind().thenCompose(unbound -> {
          log.info("Port closed; {} open sockets told to reconnect elsewhere", OpenSockets.get(system).stopAll());
          return binding.terminate(downed ? Duration.ofMillis(1) : drain);
        }).thenApply(terminated -> Done.getInstance());
      });
    });
  }
}
