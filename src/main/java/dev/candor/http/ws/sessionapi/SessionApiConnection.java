package dev.candor.http.ws.sessionapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Failures;
import dev.candor.http.Json;
import dev.candor.http.rest.SpokenLineRoutes;
import dev.candor.http.ws.SessionSocket;
import dev.candor.http.ws.SocketMessage;
import dev.candor.interview.CandidateFit;
import dev.candor.interview.Question;
import dev.candor.interview.SkillScores;
import dev.candor.session.ClockTick;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionProblem;
import dev.candor.session.SessionUpdate;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.store.InterviewSetup;
import dev.candor.store.InterviewSetupRepository;
import dev.candor.store.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One seed 004 WebSocket: its {type, data} messages become session commands, and the session's updates and clock
 * become its messages. The route has checked the session id, the setup and the origin before this connection opens.
 * It keeps only connection facts (the question it last showed, the fit it read at connect); the interview is the
 * session's, so a reconnect on any node carries on where it stands.
 *
 * <p>Error codes in {@code error} messages: 4400 a message this protocol cannot read, 4409 a step out of order,
 * 4410 an abandoned interview, 4500 a database fault, 4503 a session that did not answer in time or a node at capacity.
 */
public final class SessionApiConnection extends SessionSocket {

  public record Dependencies(Sessions sessions, InterviewSetupRepository setups, SessionApiSetups interviews, Executor blocking,
      Duration lookupTimeout, Duration resubscribeInterval, Clock clock) {}

  static final int BAD_MESSAGE = 4400;
  static final int OUT_OF_ORDER = 4409;
  static final int ABANDONED = 4410;
  static final int SERVER_FAULT = 4500;
  static final int UNAVAILABLE = 4503;

  private final Dependencies deps;
  private final InterviewSetup setup;
  /** Null for a session whose retention period ended; read again when this client starts the interview. */
  private CandidateFit fit;
  /** The question this client was last shown: its next answer is for that one. */
  private String shownQuestionId;
  /** With voice on, a question waits for its line's audio: the number of the event that speaks it, and its message. */
  private long heldLineSeq = -1;
  private Function<String, String> heldMessage;
  /** A follow-up's message, made when the follow-up is added (the event with its reason) and shown when it is asked. */
  private Function<String, String> followUpMessage;
  /**
   * Whether {@code connected} has gone out: it is the first message on every connection, so what the session pushes
   * before it waits here, and goes out after it unless the status it was sent with already showed it.
   */
  private boolean greeted;
  private final List<SessionUpdate> early = new ArrayList<>();

  /**
   * @param setup the session's setup as the route read it, both documents in
   * @param fit how its resume meets its job; null for a session whose retention period ended (its setup has the kept
   *     report)
   */
  public static Behavior<SocketMessage> create(String sessionId, InterviewSetup setup, CandidateFit fit,
      ActorRef<SocketMessage.Outgoing> out, Dependencies deps) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context ->
        new SessionApiConnection(context, timers, sessionId, setup, fit, out, deps)));
  }

  private SessionApiConnection(ActorContext<SocketMessage> context, TimerScheduler<SocketMessage> timers, String sessionId,
      InterviewSetup setup, CandidateFit fit, ActorRef<SocketMessage.Outgoing> out, Dependencies deps) {
    super(context, timers, sessionId, out, deps.sessions(), deps.resubscribeInterval());
    this.deps = deps;
    this.setup = setup;
    this.fit = fit;
  }

  private record Greeted(SessionView view, Throwable failure) implements SocketMessage {}

  /** The client's messages wait until it has been told where its session stands. */
  @Override
  protected boolean onConnected() {
    if (fit == null) {
      // Nothing the client could send would change anything: its frames stay out.
      showKeptReport();
      return false;
    }
    getContext().pipeToSelf(subscribed().thenCompose(s -> sessions.status(sessionId)), Greeted::new);
    return false;
  }

  @Override
  protected Behavior<SocketMessage> onOwnMessage(SocketMessage message) {
    if (message instanceof Greeted status) {
      if (status.failure() != null) {
        // Without knowing where its session stands, this socket can tell the client nothing true: it tries again.
        send(failure(status.failure()));
        hangUp();
      } else {
        send(SessionApiMessages.connected(status.view(), fit));
        greeted = true;
        resumeAt(status.view());
        early.stream().filter(update -> update.seq() > status.view().lastSeq()).forEach(this::onUpdate);
        early.clear();
      }
      readyForFrames();
    }
    return this;
  }

  // ---- client → session ----

  @Override
  protected Behavior<SocketMessage> onFrame(SocketMessage.Frame frame, ActorRef<SocketMessage.Ack> ackTo) {
    if (frame instanceof SocketMessage.TooLarge tooLarge) {
      replyNow(ackTo, SessionApiMessages.error("Message too large: " + tooLarge.size() + " " + tooLarge.unit()
          + "; the limit is " + tooLarge.limit(), BAD_MESSAGE));
      return this;
    }
    if (!(frame instanceof SocketMessage.Text text)) {
      replyNow(ackTo, SessionApiMessages.error("Binary messages are not part of this protocol: send JSON text", BAD_MESSAGE));
      return this;
    }
    JsonNode message;
    try {
      message = Json.parse(text.text());
    } catch (Json.InvalidJsonException e) {
      replyNow(ackTo, SessionApiMessages.error("Invalid JSON: " + e.getMessage(), BAD_MESSAGE));
      return this;
    }
    String type = message.path("type").isTextual() ? message.get("type").asText() : null;
    if (!message.isObject() || type == null) {
      replyNow(ackTo, SessionApiMessages.error("Messages are JSON objects {\"type\": ..., \"data\": {...}}", BAD_MESSAGE));
      return this;
    }
    JsonNode data = message.path("data");
    switch (type) {
      case "start" -> start(ackTo);
      case "answer" -> answer(data, ackTo);
      case "ready" -> ready(ackTo);
      case "voice_toggle" -> voiceToggle(data, ackTo);
      default -> replyNow(ackTo, SessionApiMessages.error("Unknown message type '" + type
          + "'; expected start, answer, ready or voice_toggle", BAD_MESSAGE));
    }
    return this;
  }

  /**
   * Starts the interview from the setup as it stands now (an upload after connecting counts, and the fit shown from
   * then on is the one it was planned from); a running one is shown again.
   */
  private void start(ActorRef<SocketMessage.Ack> ackTo) {
    CompletionStage<Starting> preparing = CompletableFuture.supplyAsync(this::prepare, deps.blocking())
        .orTimeout(deps.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
    CompletionStage<Started> started = preparing.thenCompose(starting -> deps.sessions().start(sessionId, starting.context())
        .thenApply(reply -> new Started(starting.fit(), reply)));
    then(started, ackTo, (result, failure) -> () -> {
      if (failure != null) {
        send(failure(failure));
      } else if (result.reply() instanceof InterviewSession.Rejected rejected) {
        send(rejection(rejected));
      } else {
        InterviewSession.Accepted accepted = (InterviewSession.Accepted) result.reply();
        if (accepted.view().lastSeq() > 1) {
          // Started before: this start shows the interview where it stands; a new one is shown by its updates.
          resumeAt(accepted.view());
        } else {
          fit = result.fit();
        }
      }
    });
  }

  private record Starting(CandidateFit fit, InterviewSession.SessionContext context) {}

  private record Started(CandidateFit fit, InterviewSession.Reply reply) {}

  /** Blocking: reads the setup and the candidate's memory, and parses both documents. */
  private Starting prepare() {
    InterviewSetup setup = deps.setups().find(sessionId)
        .filter(s -> !s.purged() && s.resumeText() != null && s.hasJob())
        .orElseThrow(() -> new IllegalStateException("session " + sessionId
            + " can no longer start: its resume or job description is gone"));
    CandidateFit planned = deps.interviews().fit(setup);
    return new Starting(planned, deps.interviews().context(setup, planned));
  }

  private void answer(JsonNode data, ActorRef<SocketMessage.Ack> ackTo) {
    JsonNode text = data.path("text");
    if (!text.isTextual() || text.asText().isBlank()) {
      replyNow(ackTo, SessionApiMessages.error("An answer needs its words: {\"type\": \"answer\", \"data\": {\"text\": \"...\"}}",
          BAD_MESSAGE));
      return;
    }
    int askedMark = askedMark();
    thenUnlessTaken(deps.sessions().answer(sessionId, null, shownQuestionId, text.asText(), null),
        () -> askedSince(askedMark), ackTo, (reply, failure) -> () -> {
      if (failure != null) {
        send(failure(failure));
      } else if (reply instanceof InterviewSession.Rejected rejected) {
        send(rejection(rejected));
      } else if (((InterviewSession.AnswerAccepted) reply).duplicate()) {
        // A resend whose first reply went to an earlier socket: show where the interview now stands.
        ready(ackTo);
      }
    });
  }

  /**
   * Before the start the choice is kept with the setup, and the interview begins spoken; after it, the session speaks
   * from now on (the open question at once) or falls silent.
   */
  private void voiceToggle(JsonNode data, ActorRef<SocketMessage.Ack> ackTo) {
    JsonNode enabled = data.path("enabled");
    if (!enabled.isBoolean()) {
      replyNow(ackTo, SessionApiMessages.error("voice_toggle needs {\"enabled\": true} or {\"enabled\": false}", BAD_MESSAGE));
      return;
    }
    String voice = deps.interviews().settings().voice();
    if (enabled.asBoolean() && voice == null) {
      replyNow(ackTo, SessionApiMessages.error("This server has no voice; the interview goes on in text", UNAVAILABLE));
      return;
    }
    then(deps.sessions().status(sessionId), ackTo, (view, failure) -> () -> {
      if (failure != null) {
        send(failure(failure));
        return;
      }
      CompletionStage<?> chosen = view.status() == InterviewSession.Status.NEW
          ? CompletableFuture.supplyAsync(() -> deps.setups().setVoiceEnabled(sessionId, enabled.asBoolean()), deps.blocking())
          : deps.sessions().chooseVoice(sessionId, enabled.asBoolean() ? voice : null);
      then(chosen, ackTo, (reply, error) -> () -> {
        if (error != null) {
          send(failure(error));
        } else if (reply instanceof InterviewSession.Rejected rejected) {
          send(rejection(rejected));
        } else {
          send(SessionApiMessages.voiceStatus(enabled.asBoolean()));
        }
      });
    });
  }

  /** The client asks for the step it is at: the open question again, or how the interview ended. */
  private void ready(ActorRef<SocketMessage.Ack> ackTo) {
    then(deps.sessions().status(sessionId), ackTo, (view, failure) -> () -> {
      if (failure != null) {
        send(failure(failure));
      } else if (view.status() == InterviewSession.Status.NEW) {
        send(SessionApiMessages.error("The interview has not started: send start", OUT_OF_ORDER));
      } else if (view.status() == InterviewSession.Status.PLANNING) {
        send(SessionApiMessages.phaseUpdate(SkillScores.Phase.SETUP));
      } else {
        resumeAt(view);
      }
    });
  }

  // ---- session → client ----

  @Override
  protected void onUpdate(SessionUpdate update) {
    if (!greeted) {
      early.add(update);
      return;
    }
    SessionView view = update.view();
    InterviewSession.Event event = update.event();
    long secondsLeft = view.secondsLeft(deps.clock().instant());
    if (event instanceof InterviewSession.QuestionAsked asked) {
      Question question = view.questions().get(asked.index());
      shownQuestionId = question.id();
      if (SessionApiMessages.isFollowUp(question)) {
        Function<String, String> message = followUpMessage != null ? followUpMessage
            : audio -> SessionApiMessages.followUp(question, null, secondsLeft, audio);
        followUpMessage = null;
        show(update.seq(), view, message);
        return;
      }
      SkillScores.Phase phase = SkillScores.phaseOf(view.questions(), asked.index());
      if (asked.index() == 0) {
        send(SessionApiMessages.intro(view, fit));
      }
      if (asked.index() == 0 || phase != SkillScores.phaseOf(view.questions(), previousPlanned(view, asked.index()))) {
        send(SessionApiMessages.phaseUpdate(phase));
      }
      show(update.seq(), view, audio -> SessionApiMessages.newQuestion(view.questions(), asked.index(), secondsLeft, audio));
    } else if (event instanceof InterviewSession.FollowUpAdded added) {
      followUpMessage = audio -> SessionApiMessages.followUp(added.question(), added.reason(), secondsLeft, audio);
    } else if (event instanceof InterviewSession.UtteranceSpoken spoken) {
      String audio = audioUrl(spoken);
      if (spoken.seq() == heldLineSeq) {
        sendHeld(audio);
      } else {
        send(SessionApiMessages.speech(audio));
      }
    } else if (event instanceof InterviewSession.AnswerAnalysed analysed) {
      Question question = view.questions().stream().filter(q -> q.id().equals(analysed.questionId())).findFirst().orElse(null);
      send(SessionApiMessages.scoreUpdate(SkillScores.of(question, analysed.analysis()), view.skillScores(), analysed.analysis()));
    } else if (event instanceof InterviewSession.VoiceChosen chosen && chosen.voice() == null) {
      // Silent from now on: a question waiting for its audio goes as it is.
      sendHeld(null);
    } else if (event instanceof InterviewSession.InterviewEnding) {
      // Ended before a held question's audio came: that question is past.
      dropHeld();
      shownQuestionId = null;
      send(SessionApiMessages.phaseUpdate(SkillScores.Phase.EVALUATION));
    } else if (event instanceof InterviewSession.InterviewCompleted) {
      send(SessionApiMessages.phaseUpdate(SkillScores.Phase.COMPLETED));
      finish(view);
    } else if (event instanceof InterviewSession.SessionAbandoned) {
      dropHeld();
      send(SessionApiMessages.error("This interview was closed after a period of inactivity", ABANDONED));
      hangUp();
    }
  }

  @Override
  protected void onClock(ClockTick tick) {
    if (greeted && tick.view().status() == InterviewSession.Status.IN_PROGRESS) {
      send(SessionApiMessages.timeRemaining(tick.secondsLeft()));
    }
  }

  @Override
  protected void onProblem(SessionProblem problem) {
    if (problem.work() == SessionProblem.Work.SPEECH) {
      // The words stand without their audio.
      sendHeld(null);
    }
    send(SessionApiMessages.error(problem.message(), UNAVAILABLE));
  }

  /** Sends a question now, or, with voice on and its line not spoken yet, once its audio is ready. */
  private void show(long lineSeq, SessionView view, Function<String, String> message) {
    InterviewSession.UtteranceSpoken spoken = view.lastUtterance();
    if (spoken != null && spoken.seq() == lineSeq) {
      send(message.apply(audioUrl(spoken)));
    } else if (view.voiced()) {
      sendHeld(null);
      heldLineSeq = lineSeq;
      heldMessage = message;
    } else {
      send(message.apply(null));
    }
  }

  private void sendHeld(String audio) {
    if (heldMessage != null) {
      send(heldMessage.apply(audio));
    }
    dropHeld();
  }

  private void dropHeld() {
    heldMessage = null;
    heldLineSeq = -1;
  }

  /** The audio of the current line when it is ready, for a question shown again. */
  private static String currentAudio(SessionView view) {
    InterviewSession.UtteranceSpoken spoken = view.lastUtterance();
    return spoken != null && spoken.seq() == view.currentLineSeq() ? audioUrl(spoken) : null;
  }

  private static String audioUrl(InterviewSession.UtteranceSpoken spoken) {
    return "/" + SpokenLineRoutes.linePath(spoken.audioId(), spoken.contentType());
  }

  /** Shows a reconnecting or asking client the step the interview is at. */
  private void resumeAt(SessionView view) {
    noteView(view);
    long secondsLeft = view.secondsLeft(deps.clock().instant());
    switch (view.status()) {
      case IN_PROGRESS -> {
        Question current = view.currentQuestion();
        shownQuestionId = current.id();
        if (view.currentAnswered()) {
          // Its analysis, and the next question, are on their way as updates.
          return;
        }
        if (SessionApiMessages.isFollowUp(current)) {
          String reason = view.lastAnalysis() == null ? null : view.lastAnalysis().followUpReason();
          send(SessionApiMessages.followUp(current, reason, secondsLeft, currentAudio(view)));
        } else {
          send(SessionApiMessages.newQuestion(view.questions(), view.questionsAsked() - 1, secondsLeft, currentAudio(view)));
        }
        send(SessionApiMessages.timeRemaining(secondsLeft));
      }
      case FINISHING -> send(SessionApiMessages.phaseUpdate(SkillScores.Phase.EVALUATION));
      case COMPLETED -> finish(view);
      case ABANDONED -> {
        send(SessionApiMessages.error("This interview was closed after a period of inactivity", ABANDONED));
        hangUp();
      }
      default -> { }
    }
  }

  /** All that is left of a session past its retention period: how it ended, from the kept report. */
  private void showKeptReport() {
    JsonNode kept = SessionApiReports.kept(setup);
    send(SessionApiMessages.connectedAfterRetention(sessionId, kept));
    send(SessionApiReports.feedback(kept));
    hangUp();
  }

  /** The final feedback, then a normal close: nothing more happens on this socket. */
  private void finish(SessionView view) {
    shownQuestionId = null;
    send(SessionApiMessages.feedback(view, fit));
    hangUp();
  }

  /** The planned question before {@code index}, whose phase the interview was in. */
  private static int previousPlanned(SessionView view, int index) {
    int previous = index - 1;
    while (previous > 0 && SessionApiMessages.isFollowUp(view.questions().get(previous))) {
      previous--;
    }
    return Math.max(0, previous);
  }

  // ---- plumbing ----

  private static String rejection(InterviewSession.Rejected rejected) {
    return switch (rejected.reason()) {
      case ABANDONED -> SessionApiMessages.error(rejected.message(), ABANDONED);
      case BUSY -> SessionApiMessages.error(rejected.message(), UNAVAILABLE);
      default -> SessionApiMessages.error(rejected.message(), OUT_OF_ORDER);
    };
  }

  private static String failure(Throwable error) {
    Throwable cause = Failures.cause(error);
    if (cause instanceof StoreException || cause instanceof IllegalStateException) {
      return SessionApiMessages.error(cause.getMessage(), SERVER_FAULT);
    }
    return SessionApiMessages.error("The interview session did not answer in time; send ready to see where it stands",
        UNAVAILABLE);
  }
}
