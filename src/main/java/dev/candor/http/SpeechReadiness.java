package dev.candor.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.actor.ActorSystem;

/**
 * Pekko Management's readiness check that the node's speech engines are warm: a pod that took traffic while they
 * load would make its first candidates wait seconds for a reply. The warm-up reaches it through {@link ReadinessSources}.
 */
public final class SpeechReadiness implements Supplier<CompletionStage<Boolean>> {

  private final ActorSystem system;

  public SpeechReadiness(ActorSystem system) {
    this.system = system;
  }

  /** Makes {@code warm} the warm-up this node's readiness waits for. */
  public static void register(ActorSystem system, CompletionStage<?> warm) {
    ReadinessSources.of(system).warmUp = warm.toCompletableFuture();
  }

  /** Whether the warm-up registered for {@code system} is over (true when none was registered). */
  public static boolean warm(ActorSystem system) {
    CompletableFuture<?> warm = ReadinessSources.of(system).warmUp;
    return warm == null || warm.isDone();
  }

  @Override
  public CompletionStage<Boolean> get() {
    return CompletableFuture.completedFuture(warm(system));
  }
}
