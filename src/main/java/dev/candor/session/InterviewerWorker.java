package dev.candor.session;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A child of the session that runs one interviewer call off the actor threads (a model call may block
 * for seconds), with a timeout, and hands the result, or the failure, back to its parent as a command.
 */
final class InterviewerWorker {

  /**
   * Interviewer calls get threads of their own: a call that outlives its timeout keeps its thread, and must
   * not starve the database lookups on Pekko's shared blocking dispatcher.
   */
  static final String DISPATCHER = "candor-interviewer-dispatcher";

  /** Speech calls queue for engines that serve one or a few calls at a time; they wait on threads of their own. */
  static final String SPEECH_DISPATCHER = "candor-speech-dispatcher";

  record Finished(InterviewSession.Command result) {}

  private InterviewerWorker() {}

  static Behavior<Finished> create(ActorRef<InterviewSession.Command> parent, String task,
      Supplier<InterviewSession.Command> work, Duration timeout, String dispatcher) {
    return Behaviors.setup(context -> {
      TaskStep step = new TaskStep();
      step.task = task.contains(":") ? task.substring(0, task.indexOf(':')) : task;
      step.begin();
      long spawned = System.nanoTime();
      CompletableFuture<InterviewSession.Command> call = CompletableFuture
          .supplyAsync(() -> {
            step.queued = System.nanoTime() - spawned;
            return work.get();
          }, context.getSystem().dispatchers().lookup(DispatcherSelector.fromConfig(dispatcher)))
          .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .whenComplete((result, error) -> step.commit());
      context.pipeToSelf(call, (result, error) ->
          new Finished(error == null ? result : new InterviewSession.WorkFailed(task, describe(error))));
      return Behaviors.receiveMessage(finished -> {
        parent.tell(finished.result());
        return Behaviors.stopped();
      });
    });
  }

  private static String describe(Throwable error) {
    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (cause instanceof TimeoutException) {
      return "no answer in time";
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
