package dev.candor.session;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;

/** How the outside reaches interview sessions: asks through cluster sharding, wherever the entity lives. */
public final class Sessions {

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public Sessions(ActorSystem<?> system, Duration askTimeout) {
    this.sharding = ClusterSharding.get(system);
    this.askTimeout = askTimeout;
  }

  /** Answered {@link InterviewSession.Rejection#BUSY} for a new interview while its node is at capacity. */
  public CompletionStage<InterviewSession.Reply> start(String sessionId, InterviewSession.SessionContext context) {
    return ref(sessionId).ask(replyTo -> new InterviewSession.Start(context, replyTo), askTimeout);
  }

  public CompletionStage<InterviewSession.Reply> answer(String sessionId, String answerId, String questionId, String text,
      Double durationSeconds) {
    return ref(sessionId).ask(replyTo -> new InterviewSession.SubmitAnswer(answerId, questionId, text, durationSeconds, replyTo),
        askTimeout);
  }

  /** A spoken answer whose bytes are already in the audio store under {@code recordingId}. */
  public CompletionStage<InterviewSession.Reply> record(String sessionId, String recordingId, String questionId, String format) {
    return ref(sessionId).ask(replyTo -> new InterviewSession.SubmitRecording(recordingId, questionId, format, replyTo),
        askTimeout);
  }

  public CompletionStage<InterviewSession.Reply> end(String sessionId) {
    return ref(sessionId).ask(InterviewSession.End::new, askTimeout);
  }

  public CompletionStage<SessionView> status(String sessionId) {
    return ref(sessionId).ask(InterviewSession.GetStatus::new, askTimeout);
  }

  /**
   * @param afterSeq replay updates numbered above this first; null for new updates only
   * @return the number of the session's newest update, and the session to watch (the subscription ends with it)
   */
  public CompletionStage<InterviewSession.Subscription> subscribe(String sessionId, ActorRef<Notification> subscriber,
      Long afterSeq) {
    return ref(sessionId).ask(replyTo -> new InterviewSession.Subscribe(subscriber, afterSeq, replyTo), askTimeout);
  }

  public void unsubscribe(String sessionId, ActorRef<Notification> subscriber) {
    ref(sessionId).tell(new InterviewSession.Unsubscribe(subscriber));
  }

  private EntityRef<InterviewSession.Command> ref(String sessionId) {
    if (!SessionIds.isValid(sessionId)) {
      throw new IllegalArgumentException("Invalid session id: " + SessionIds.describeRule());
    }
    return sharding.entityRefFor(InterviewSession.TYPE_KEY, sessionId);
  }
}
