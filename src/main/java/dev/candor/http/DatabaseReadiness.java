package dev.candor.http;

import dev.candor.store.Database;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management's readiness check that the node's database answers (beside the cluster-membership check that
 * management's cluster module adds), so a pod that has lost PostgreSQL is taken out of the Service. The database
 * reaches it through {@link ReadinessSources}.
 */
public final class DatabaseReadiness implements Supplier<CompletionStage<Boolean>> {

  private static final int TIMEOUT_SECONDS = 2;

  private final ActorSystem system;

  public DatabaseReadiness(ActorSystem system) {
    this.system = system;
  }

  /** Makes {@code database} the one this node's readiness checks ask. */
  public static void register(ActorSystem system, Database database) {
    ReadinessSources.of(system).database = database;
  }

  @Override
  public CompletionStage<Boolean> get() {
    Database database = ReadinessSources.of(system).database;
    if (database == null) {
      return CompletableFuture.completedFuture(false);
    }
    return CompletableFuture.supplyAsync(() -> database.answers(TIMEOUT_SECONDS),
        system.dispatchers().lookup("pekko.actor.default-blocking-io-dispatcher"));
  }
}
