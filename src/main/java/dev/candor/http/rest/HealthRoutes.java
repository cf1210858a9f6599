package dev.candor.http.rest;

import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.http.SpeechReadiness;
import dev.candor.store.Database;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code GET /health} (seed 001: the process answers) and {@code GET /ready} (cluster member Up, speech engines warm, database answering). */
public final class HealthRoutes extends JsonRoutes {

  private static final int DATABASE_CHECK_SECONDS = 2;

  private final ActorSystem<?> system;
  private final Cluster cluster;
  private final Database database;

  public HealthRoutes(ActorSystem<?> system, Database database) {
    super(system, 0);
    this.system = system;
    this.cluster = Cluster.get(system);
    this.database = database;
  }

  public Route routes() {
    return get(() -> concat(
        path("health", () -> json(StatusCodes.OK, Json.object().put("status", "healthy"))),
        path("ready", this::ready)));
  }

  private Route ready() {
    MemberStatus status = cluster.selfMember().status();
    if (status != MemberStatus.up()) {
      return json(StatusCodes.SERVICE_UNAVAILABLE, Json.object().put("status", "not ready")
          .put("reason", "This node is " + status + " in the cluster, not Up"));
    }
    if (!SpeechReadiness.warm(Adapter.toClassic(system))) {
      return json(StatusCodes.SERVICE_UNAVAILABLE, Json.object().put("status", "not ready")
          .put("reason", "The speech engines are still loading"));
    }
    return onSuccess(blocking(() -> database.answers(DATABASE_CHECK_SECONDS)), answers -> answers
        ? json(StatusCodes.OK, Json.object().put("status", "ready"))
        : json(StatusCodes.SERVICE_UNAVAILABLE, Json.object().put("status", "not ready")
            .put("reason", "The database does not answer")));
  }
}
