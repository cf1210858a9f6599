package dev.candor.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.AbstractExtensionId;
import org.apache.pekko.actor.ActorSystem;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.Extension;

/**
 * Pekko Management's readiness check that the node's speech engines are warm: a pod that took traffic while they
 * load would make its first candidates wait seconds for a reply. Like {@link DatabaseReadiness}, the warm-up
 * reaches the reflectively built check through the actor system.
 */
public final class SpeechReadiness implements Supplier<CompletionStage<Boolean>> {

  private final ActorSystem system;

  public SpeechReadiness(ActorSystem system) {
    this.system = system;
  }

  /** Makes {@code warm} the warm-up this node's readiness waits for. */
  public static void register(ActorSystem system, CompletionStage<?> warm) {
    Registered.ID.get(system).warm = warm.toCompletableFuture();
  }

  /** Whether the warm-up registered for {@code system} is over (true when none was registered). */
  public static boolean warm(ActorSystem system) {
    CompletableFuture<?> warm = Registered.ID.get(system).warm;
    return warm == null || warm.isDone();
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(warm(system));
  }

  /** The node's warm-up, held by its actor system. */
  static final class Registered implements Extension {
    static final Id ID = new Id();

    private volatile CompletableFuture<?> warm;

    static final class Id extends AbstractExtensionId<Registered> {
      @Override
      public Registered createExtension(ExtendedActorSystem system) {
        return new Registered();
      }
    }
  }
}
