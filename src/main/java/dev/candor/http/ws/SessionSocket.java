package dev.candor.http.ws;

import dev.candor.session.ClockTick;
import dev.candor.session.InterviewSession;
import dev.candor.session.Notification;
import dev.candor.session.SessionProblem;
import dev.candor.session.SessionUpdate;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * What every dialect's connection does the same way: subscribe to its session before the first command and
 * again whenever that session stops (its node left or died, its shard moved), drop updates it has already
 * passed on, run the replies to its asks on
 * the actor and acknowledge the client frame only when the work it started is done (so a client's messages
 * are handled one after another). A dialect supplies the translation: frames in, updates out.
 */
public abstract class SessionSocket extends AbstractBehavior<SocketMessage> {

  private record FromSession(Notification notification) implements SocketMessage {}

  /**
   * The session's answer to a subscription: the update number it stood at when this connection subscribed, and
   * where it lives.
   *
   * @param fromNow whether it was asked without a last update number: nothing before it will be replayed
   */
  private record Subscribed(InterviewSession.Subscription subscription, boolean fromNow) implements SocketMessage {}

  /**
   * LOST: the watched session stopped, so its subscribers are forgotten; FAILED: subscribing did not work (the
   * session's new home may not be ready yet), try again in a while; RETRY: that while is over.
   */
  private enum Resubscribe implements SocketMessage { LOST, FAILED, RETRY }

  /** Work finished off the actor thread; {@code step} runs on it, then the client frame is acknowledged. */
  private record Continue(Runnable step, ActorRef<SocketMessage.Ack> ackTo) implements SocketMessage {}

  protected final String sessionId;
  protected final Sessions sessions;
  private final ActorRef<SocketMessage.Outgoing> out;
  private final Duration resubscribeInterval;
  private final ActorRef<Notification> updates;
  private final TimerScheduler<SocketMessage> timers;
  /**
   * This connection's subscription: done, on its way, or null when there is none (never asked, failed, or left).
   * A command waits for it, so the session has this connection among its subscribers before the command's own
   * updates go out.
   */
  private CompletableFuture<?> subscription;
  /** The session incarnation this connection is subscribed to, or null while it is not. */
  private ActorRef<InterviewSession.Command> watched;
  /** The highest update number this client has been given; older or repeated updates are dropped. */
  private long lastSeq = -1;
  /** How many questions the session has asked as far as this connection knows: see {@link #askedSince}. */
  private int askedKnown;
  /** The reply this connection waits for, ended early once an update shows it taken: see {@link #thenUnlessTaken}. */
  private Awaited awaited;

  private record Awaited(BooleanSupplier taken, CompletableFuture<InterviewSession.Reply> overtaken) {}

  private boolean ackDeferred;
  /** How many messages this connection has sent its client; the socket counts the same ones as they go out. */
  private long sentCount;
  /** How many of them had gone out when the client's message in hand was read from the socket. */
  private long sentBeforeRead = Long.MAX_VALUE;
  /** The transport's first acknowledgement, kept while the client's frames are held back. */
  private ActorRef<SocketMessage.Ack> connectAck;

  protected SessionSocket(ActorContext<SocketMessage> context, TimerScheduler<SocketMessage> timers, String sessionId,
      ActorRef<SocketMessage.Outgoing> out, Sessions sessions, Duration resubscribeInterval) {
    super(context);
    this.timers = timers;
    this.sessionId = sessionId;
    this.out = out;
    this.sessions = sessions;
    this.resubscribeInterval = resubscribeInterval;
    this.updates = context.messageAdapter(Notification.class, FromSession::new);
  }

  /** A client frame; it is acknowledged by {@link #replyNow} or when the step given to {@link #then} has run. */
  protected abstract Behavior<SocketMessage> onFrame(SocketMessage.Frame frame, ActorRef<SocketMessage.Ack> ackTo);

  /** An update this client has not seen yet, in the session's order. */
  protected abstract void onUpdate(SessionUpdate update);

  protected abstract void onProblem(SessionProblem problem);

  /** The time the interview has left, for a dialect that shows a clock; the default ignores it. */
  protected void onClock(ClockTick tick) {}

  /**
   * The socket is open. True when the client's frames may come at once (the default); false holds them back (they
   * wait in the socket) until the dialect calls {@link #readyForFrames()}, for a connection that must
   * first learn where its client stands.
   */
  protected boolean onConnected() {
    return true;
  }

  /** Lets the client's frames in, after an {@link #onConnected()} that held them back. */
  protected void readyForFrames() {
    if (connectAck != null) {
      connectAck.tell(SocketMessage.Ack.INSTANCE);
      connectAck = null;
    }
  }

  /** A message of the dialect's own (work it piped to itself); the default ignores it. */
  protected Behavior<SocketMessage> onOwnMessage(SocketMessage message) {
    return this;
  }

  @Override
  public Receive<SocketMessage> createReceive() {
    return newReceiveBuilder()
        .onMessage(SocketMessage.ClientConnected.class, connected -> {
          connectAck = connected.ackTo();
          if (onConnected()) {
            readyForFrames();
          }
          return this;
        })
        .onMessage(SocketMessage.ClientFrame.class, frame -> {
          sentBeforeRead = frame.sentBeforeRead();
          return onFrame(frame.frame(), frame.ackTo());
        })
        .onMessage(Continue.class, done -> {
          ackDeferred = false;
          done.step().run();
          if (!ackDeferred) {
            done.ackTo().tell(SocketMessage.Ack.INSTANCE);
          }
          return this;
        })
        .onMessage(FromSession.class, update -> {
          if (!update.notification().view().sessionId().equals(sessionId)) {
            // From a session this connection has left for another one, sent before it heard of the leaving.
            return this;
          }
          if (update.notification() instanceof SessionProblem problem) {
            onProblem(problem);
          } else if (update.notification() instanceof ClockTick tick) {
            onClock(tick);
          } else if (update.notification() instanceof SessionUpdate sessionUpdate && sessionUpdate.seq() > lastSeq) {
            lastSeq = sessionUpdate.seq();
            if (sessionUpdate.event() instanceof InterviewSession.QuestionAsked asked) {
              // From the event, not the view: a replayed update carries the session as it stands now.
              askedKnown = Math.max(askedKnown, asked.index() + 1);
            }
            onUpdate(sessionUpdate);
            // Only an update can show it while the client waits: its next frame waits for this reply.
            if (awaited != null && awaited.taken().getAsBoolean()) {
              awaited.overtaken().complete(null);
              awaited = null;
            }
          }
          return this;
        })
        .onMessage(Subscribed.class, subscribed -> {
          if (subscription == null) {
            subscription = CompletableFuture.completedFuture(null);
          }
          if (subscribed.fromNow()) {
            // Otherwise the updates after lastSeq are being replayed and move it on themselves; jumping ahead here
            // would drop any that arrive after this reply.
            lastSeq = Math.max(lastSeq, subscribed.subscription().lastSeq());
          }
          watch(subscribed.subscription().session());
          return this;
        })
        .onMessage(Resubscribe.class, this::onResubscribe)
        .onMessage(SocketMessage.ClientClosed.class, closed -> close())
        .onMessage(SocketMessage.ClientFailed.class, failed -> close())
        .onMessage(SocketMessage.class, this::onOwnMessage)
        .build();
  }

  private Behavior<SocketMessage> onResubscribe(Resubscribe reason) {
    switch (reason) {
      case LOST -> {
        watched = null;
        resubscribe();
      }
      case FAILED -> {
        // Not subscribed: the next command subscribes first again, rather than run without its updates.
        subscription = null;
        timers.startSingleTimer(Resubscribe.RETRY, resubscribeInterval);
      }
      case RETRY -> resubscribe();
    }
    return this;
  }

  private void resubscribe() {
    // Asks for every update after the last one this client saw: the session restarted elsewhere learns of this
    // connection again, and whatever it pushed to nobody in between arrives now.
    boolean fromNow = lastSeq < 0;
    getContext().pipeToSelf(sessions.subscribe(sessionId, updates, fromNow ? null : lastSeq),
        (subscription, error) -> error == null ? new Subscribed(subscription, fromNow) : Resubscribe.FAILED);
  }

  private void watch(ActorRef<InterviewSession.Command> session) {
    if (session.equals(watched)) {
      return;
    }
    if (watched != null) {
      getContext().unwatch(watched);
    }
    watched = session;
    getContext().watchWith(session, Resubscribe.LOST);
  }

  private Behavior<SocketMessage> close() {
    leaveSession();
    out.tell(SocketMessage.Close.INSTANCE);
    return Behaviors.stopped();
  }

  /**
   * Stops following this connection's session, for a connection that goes on with another one (a behaviour for the
   * other session id takes over the socket).
   */
  protected void leaveSession() {
    if (subscription != null) {
      sessions.unsubscribe(sessionId, updates);
      subscription = null;
    }
    if (watched != null) {
      getContext().unwatch(watched);
      watched = null;
    }
    timers.cancelAll();
  }

  /** Subscribes this connection before its first command; it stays subscribed while the socket is open. */
  protected CompletionStage<?> subscribed() {
    if (subscription != null) {
      return subscription;
    }
    ActorRef<SocketMessage> self = getContext().getSelf();
    boolean fromNow = lastSeq < 0;
    subscription = sessions.subscribe(sessionId, updates, fromNow ? null : lastSeq).toCompletableFuture()
        .whenComplete((subscribed, error) ->
            // Told before the command's own continuation is piped back, so it is handled first.
            self.tell(error == null ? new Subscribed(subscribed, fromNow) : Resubscribe.FAILED));
    return subscription;
  }

  /**
   * Runs {@code step} on the actor once {@code stage} completes, then acknowledges the client frame. A step
   * that starts further work hands the acknowledgement on to it, so the client's next message waits.
   */
  protected <T> void then(CompletionStage<T> stage, ActorRef<SocketMessage.Ack> ackTo, BiFunction<T, Throwable, Runnable> step) {
    ackDeferred = true;
    getContext().pipeToSelf(stage, (value, error) -> new Continue(step.apply(value, error), ackTo));
  }

  /**
   * For a client that has seen every update up to {@code seq} on an earlier connection: the first subscription asks
   * for the ones after it, which arrive as updates. Call it before {@link #subscribed()}.
   */
  protected void resumeAfter(long seq) {
    lastSeq = seq;
  }

  /** The number of the last update this client has been given (or the session stood at when it subscribed). */
  protected long lastSeenSeq() {
    return lastSeq;
  }

  /** A view of the session this connection's dialect read (a status): how far the interview has gone. */
  protected void noteView(SessionView view) {
    askedKnown = Math.max(askedKnown, view.questionsAsked());
  }

  /**
   * {@link #then} for a request whose effect the session's updates show ({@code taken}): the wait ends as soon as an
   * update shows it, and {@code step} runs only if the request was not taken by then, nor failed after it was. The
   * reply may have died with a node (or come late behind its retries): waiting for it would hold the client's next
   * messages until the ask gives up, and a failure reported for what was taken makes the client send it again.
   */
  protected void thenUnlessTaken(CompletionStage<InterviewSession.Reply> reply, BooleanSupplier taken,
      ActorRef<SocketMessage.Ack> ackTo, BiFunction<InterviewSession.Reply, Throwable, Runnable> step) {
    awaited = new Awaited(taken, new CompletableFuture<>());
    then(reply.applyToEither(awaited.overtaken(), first -> first), ackTo, (value, failure) -> () -> {
      if (failure == null ? value != null : !taken.getAsBoolean()) {
        step.apply(value, failure).run();
      }
    });
  }

  /** The mark to take when a client's answer is sent, for {@link #askedSince}. */
  protected int askedMark() {
    return askedKnown;
  }

  /**
   * Whether the session has asked a question since {@code mark} was taken as an answer was sent: then that answer
   * was taken (or was a resend of one taken), as a session moves on only once the question before is answered. Its
   * ask can still fail, having lost only its reply (sent by a node that died, or late behind its retries); told of a
   * failure, a client sends the answer again, and by then it is shown the next question, so the words would be taken
   * for that one. It holds for an answer sent before this socket showed any question (a resend after a reconnect,
   * which goes to whatever question the session is on): only a question asked after it counts.
   */
  protected boolean askedSince(int mark) {
    return askedKnown > mark;
  }

  protected void replyNow(ActorRef<SocketMessage.Ack> ackTo, String message) {
    send(message);
    ackTo.tell(SocketMessage.Ack.INSTANCE);
  }

  /** Closes the socket once what was sent before has gone out (a WebSocket gets a normal close, 1000). */
  protected void hangUp() {
    out.tell(SocketMessage.Close.INSTANCE);
  }

  protected void send(String message) {
    sentCount++;
    out.tell(new SocketMessage.Send(message));
  }

  /** The number the next message sent to the client will have (the first is 0). */
  protected long nextMessageNumber() {
    return sentCount;
  }

  /**
   * Whether the client had been sent message {@code number} when it sent the message in hand. It cannot have seen a
   * message that went out after the socket read its own, whatever the connection has sent since.
   */
  protected boolean sentBeforeClientsMessage(long number) {
    return number < sentBeforeRead;
  }
}
