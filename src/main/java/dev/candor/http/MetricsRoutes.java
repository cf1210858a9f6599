package dev.candor.http;

import static org.apache.pekko.http.javadsl.server.Directives.complete;
import static org.apache.pekko.http.javadsl.server.Directives.get;
import static org.apache.pekko.http.javadsl.server.Directives.path;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.javadsl.ManagementRouteProvider;
import org.apache.pekko.management.javadsl.ManagementRouteProviderSettings;

/** GET /metrics on Pekko Management's port (pekko.management.http.routes in application.conf): see {@link Metrics}. */
public final class MetricsRoutes implements ManagementRouteProvider {

  private final Metrics metrics;

  public MetricsRoutes(ExtendedActorSystem system) {
    this.metrics = Metrics.get(Adapter.toTyped(system));
  }

  @Override
  public Route routes(ManagementRouteProviderSettings settings) {
    return path("metrics", () -> get(() -> {
      try {
        return complete(HttpEntities.create(ContentTypes.TEXT_PLAIN_UTF8, metrics.scrape()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }));
  }
}
