package dev.candor.http;

import dev.candor.store.Database;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * What this node's readiness checks ask, held by its actor system: Pekko Management builds a check by reflection from
 * an actor system alone, so the database and the speech warm-up reach {@link DatabaseReadiness} and
 * {@link SpeechReadiness} through here.
 */
final class ReadinessSources implements Extension {

  static final Id ID = new Id();

  volatile Database database;
  volatile CompletableFuture<?> warmUp;

  static ReadinessSources of(ActorSystem system) {
    return ID.get(system);
  }

  static final class Id extends AbstractExtensionId<ReadinessSources> {
    @Override
    public ReadinessSources createExtension(ExtendedActorSystem system) {
      return new ReadinessSources();
    }
  }
}
