package dev.candor.session;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/**
 * How the outside reaches interview sessions: asks through cluster sharding, wherever the entity lives.
 *
 * <p>A message sent to a session whose node has just died is lost: sharding routes it to the dead node until that
 * node is downed and the shard has a new home. So the commands that are safe to deliver twice (the session
 * recognises the second delivery) are sent again every {@code retryAfter} until {@code askTimeout} ({@link RepeatingAsk}):
 * a request made during a failover is answered once the session is back, instead of failing.
 */
public final class Sessions {

  private final ClusterSharding sharding;
  private final RepeatingAsk repeatingAsk;

  public Sessions(ActorSystem<?> system, Duration askTimeout, Duration retryAfter, RequestObserver observer) {
    this.sharding = ClusterSharding.get(system);
    this.repeatingAsk = new RepeatingAsk(system.scheduler(), system.executionContext(), retryAfter, askTimeout, observer);
  }

  /** Answered {@link InterviewSession.Rejection#BUSY} for a new interview while its node is at capacity. */
  public CompletionStage<InterviewSession.Reply> start(String sessionId, InterviewSession.SessionContext context) {
    return askRepeating(sessionId, replyTo -> new InterviewSession.Start(context, replyTo));
  }

  /** @param answerId the client's id for the answer; null when it gave none */
  public CompletionStage<InterviewSession.Reply> answer(String sessionId, String answerId, String questionId, String text,
      Double durationSeconds) {
    String deliveryId = UUID.randomUUID().toString();
    return this.<InterviewSession.Reply>askRepeating(sessionId,
            replyTo -> new InterviewSession.SubmitAnswer(answerId, deliveryId, questionId, text, durationSeconds, replyTo))
        .thenApply(reply -> reply instanceof InterviewSession.AnswerAccepted accepted && accepted.duplicate()
            && accepted.answerId().equals(deliveryId)
            // Taken by an earlier attempt of this same request, not sent again by the client: news to the caller.
            ? new InterviewSession.AnswerAccepted(accepted.answerId(), accepted.questionId(), false)
            : reply);
  }

  /** A spoken answer whose bytes are already in the audio store under {@code recordingId}. */
  public CompletionStage<InterviewSession.Reply> record(String sessionId, String recordingId, String questionId, String format) {
    return askRepeating(sessionId, replyTo -> new InterviewSession.SubmitRecording(recordingId, questionId, format, replyTo));
  }

  /** A client-paced interview's setup: answered once planning has begun, not once it is done. */
  public CompletionStage<InterviewSession.Reply> plan(String sessionId) {
    return askSingle(sessionId, InterviewSession.Plan::new);
  }

  public CompletionStage<InterviewSession.Reply> begin(String sessionId, String voice) {
    return askSingle(sessionId, replyTo -> new InterviewSession.Begin(voice, replyTo));
  }

  /** @param questionId the question the client moves on from; null for the current one */
  public CompletionStage<InterviewSession.Reply> advance(String sessionId, String questionId) {
    return askSingle(sessionId, replyTo -> new InterviewSession.Advance(questionId, replyTo));
  }

  /** @param voice null for an interviewer who stops speaking */
  public CompletionStage<InterviewSession.Reply> chooseVoice(String sessionId, String voice) {
    return askSingle(sessionId, replyTo -> new InterviewSession.ChooseVoice(voice, replyTo));
  }

  /** Stops the session's entity wherever it lives; the next message loads it again from the journal. */
  public void stop(String sessionId) {
    ref(sessionId).tell(InterviewSession.Unload.INSTANCE);
  }

  public CompletionStage<InterviewSession.Reply> end(String sessionId) {
    return askRepeating(sessionId, InterviewSession.End::new);
  }

  /**
   * Many sessions at once, in the order asked; a session that does not answer is an empty entry, so one whose shard
   * is moving does not hide the others.
   */
  public CompletionStage<List<Optional<SessionView>>> statuses(List<String> sessionIds) {
    List<CompletableFuture<Optional<SessionView>>> asks = sessionIds.stream()
        .map(id -> status(id).toCompletableFuture().thenApply(Optional::of).exceptionally(error -> Optional.empty()))
        .toList();
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(done -> asks.stream().map(CompletableFuture::join).toList());
  }

  public CompletionStage<InterviewSession.Answers> answers(String sessionId) {
    return askRepeating(sessionId, InterviewSession.GetAnswers::new);
  }

  public CompletionStage<SessionView> status(String sessionId) {
    return askRepeating(sessionId, InterviewSession.GetStatus::new);
  }

  /**
   * @param afterSeq replay updates numbered above this first; null for new updates only
   * @return the number of the session's newest update, and the session to watch (the subscription ends with it)
   */
  public CompletionStage<InterviewSession.Subscription> subscribe(String sessionId, ActorRef<Notification> subscriber,
      Long afterSeq) {
    return askRepeating(sessionId, replyTo -> new InterviewSession.Subscribe(subscriber, afterSeq, replyTo));
  }

  public void unsubscribe(String sessionId, ActorRef<Notification> subscriber) {
    ref(sessionId).tell(new InterviewSession.Unsubscribe(subscriber));
  }

  private <T> CompletionStage<T> askRepeating(String sessionId, Function<ActorRef<T>, InterviewSession.Command> command) {
    EntityRef<InterviewSession.Command> ref = ref(sessionId);
    return repeatingAsk.ask(timeout -> askOnce(ref, command, timeout));
  }

  private <T> CompletionStage<T> askSingle(String sessionId, Function<ActorRef<T>, InterviewSession.Command> command) {
    EntityRef<InterviewSession.Command> ref = ref(sessionId);
    return repeatingAsk.single(timeout -> askOnce(ref, command, timeout));
  }

  /**
   * The ask's reply as a plain future. The ask's own future (Scala's, adapted) runs every callback registered on it
   * asynchronously on the common pool, which on a machine of 2 cores or fewer means a new thread per callback: one
   * or more per request. This one runs its callbacks on the thread that completes it.
   */
  private static <T> CompletableFuture<T> askOnce(EntityRef<InterviewSession.Command> ref,
      Function<ActorRef<T>, InterviewSession.Command> command, Duration timeout) {
    CompletableFuture<T> reply = new CompletableFuture<>();
    ref.<T>ask(command::apply, timeout).whenCompleteAsync((value, error) -> {
      if (error == null) {
        reply.complete(value);
      } else {
        reply.completeExceptionally(error);
      }
    }, Runnable::run);
    return reply;
  }

  private EntityRef<InterviewSession.Command> ref(String sessionId) {
    if (!SessionIds.isValid(sessionId)) {
      throw new IllegalArgumentException("Invalid session id: " + SessionIds.describeRule());
    }
    return sharding.entityRefFor(InterviewSession.TYPE_KEY, sessionId);
  }
}
