package dev.candor.http.ws.voiceloop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Json;
import dev.candor.http.ws.Dialect;
import dev.candor.http.ws.Recordings;
import dev.candor.http.ws.SessionSocket;
import dev.candor.http.ws.SocketMessage;
import dev.candor.http.ws.voiceloop.VoiceLoopMessages.Code;
import dev.candor.http.ws.voiceloop.VoiceLoopMessages.State;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Resume;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionProblem;
import dev.candor.session.SessionUpdate;
import dev.candor.session.SessionView;
import dev.candor.session.Sessions;
import dev.candor.session.SpokenText;
import dev.candor.store.AudioRepository;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One voice-loop (seed 001) WebSocket: greets with session_started, takes base64 recordings and plays the
 * interviewer's lines back as MP3, announcing each step with a status. The recording is stored before the
 * session hears of it, and everything the client is shown comes from the session's persisted events.
 */
public final class VoiceLoopConnection extends SessionSocket {

  /**
   * @param maxAudioBytes the largest recording, decoded
   * @param voice the interviewer's voice for sessions started here; null when this node speaks nothing (text only)
   * @param hears whether this node has a speech recogniser; without one the voice loop cannot start
   */
  public record Dependencies(Sessions sessions, AudioRepository audio, Executor blocking, Duration storeTimeout,
      Duration resubscribeInterval, long maxAudioBytes, String voice, boolean hears) {}

  /** An interviewer line's audio, read from the store off the actor thread; empty when it could not be read. */
  private record AudioLoaded(long seq, Optional<AudioRepository.Audio> audio) implements SocketMessage {}

  /** The interview turned out to be over (found by a status request). */
  private record Ended(long totalTurns) implements SocketMessage {}

  /** What the session stood at when this connection opened. */
  private record Joined(SessionView view, Throwable failure) implements SocketMessage {}

  private static final String EXPECTED = "audio, resume_context, start_interview, playback_complete, end_session";

  private final Dependencies deps;
  private final Recordings recordings;
  /** The OpenHire connection to become when an unnamed connection's first message is in seed 002's envelope. */
  private final Behavior<SocketMessage> openHire;
  private boolean anyFrame;
  private Resume resume;
  private boolean started;
  /** The interviewer line this client was shown last: only its audio is played. */
  private long lineSeq;
  private long lastAudioSeq;
  private long endingSeq = -1;
  private long endingTurns;
  private boolean ended;

  /** @param openHire null when the client named this protocol, so no switch is possible */
  public static Behavior<SocketMessage> create(String sessionId, ActorRef<SocketMessage.Outgoing> out, Dependencies deps,
      Behavior<SocketMessage> openHire) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context ->
        new VoiceLoopConnection(context, timers, sessionId, out, deps, openHire)));
  }

  private VoiceLoopConnection(ActorContext<SocketMessage> context, TimerScheduler<SocketMessage> timers, String sessionId,
      ActorRef<SocketMessage.Outgoing> out, Dependencies deps, Behavior<SocketMessage> openHire) {
    super(context, timers, sessionId, out, deps.sessions(), deps.resubscribeInterval());
    this.deps = deps;
    this.openHire = openHire;
    this.recordings = new Recordings(deps.sessions(), deps.audio(), deps.blocking(), deps.storeTimeout());
  }

  /** The client's messages wait until the connection knows whether the interview is already under way. */
  @Override
  protected boolean onConnected() {
    send(VoiceLoopMessages.sessionStarted(sessionId));
    getContext().pipeToSelf(sessions.status(sessionId), Joined::new);
    return false;
  }

  /**
   * A connection to an interview already under way (the frontend reconnects, and opens a second connection to the
   * same id, without sending start_interview again) follows it from here: it takes answers and is told what comes
   * next. One to an interview that has ended or not begun waits for start_interview.
   */
  private void joined(Joined joined) {
    readyForFrames();
    if (joined.failure() != null || started) {
      return;
    }
    InterviewSession.Status status = joined.view().status();
    if (status == InterviewSession.Status.PLANNING || status == InterviewSession.Status.IN_PROGRESS) {
      started = true;
      lineSeq = joined.view().currentLineSeq();
      subscribed();
    }
  }

  // ---- client → session ----

  @Override
  protected Behavior<SocketMessage> onFrame(SocketMessage.Frame frame, ActorRef<SocketMessage.Ack> ackTo) {
    boolean first = !anyFrame;
    anyFrame = true;
    if (first && openHire != null && frame instanceof SocketMessage.Text text
        && Dialect.fromFirstMessage(text.text()).filter(d -> d == Dialect.OPENHIRE).isPresent()) {
      // Nothing but session_started has been said: hand the same frame to an OpenHire connection.
      getContext().getSelf().tell(new SocketMessage.ClientFrame(frame, ackTo));
      return openHire;
    }
    if (frame instanceof SocketMessage.TooLarge tooLarge) {
      refuse(ackTo, Code.PROCESSING_ERROR, "Message too large: " + tooLarge.size() + " "
          + tooLarge.unit() + "; the limit is " + tooLarge.limit() + ". Record a shorter answer.");
      return this;
    }
    if (frame instanceof SocketMessage.Binary) {
      refuse(ackTo, Code.PROCESSING_ERROR,
          "Binary messages are not part of this protocol: send {\"type\": \"audio\", \"data\": <base64>}");
      return this;
    }
    JsonNode message;
    try {
      message = Json.parse(((SocketMessage.Text) frame).text());
    } catch (Json.InvalidJsonException e) {
      refuse(ackTo, Code.PROCESSING_ERROR, "Invalid JSON: " + e.getMessage());
      return this;
    }
    String type = message.path("type").asText("");
    switch (type) {
      case "audio" -> audio(message, ackTo);
      case "resume_context" -> resumeContext(message, ackTo);
      case "start_interview" -> startInterview(ackTo);
      case "playback_complete" -> ackTo.tell(SocketMessage.Ack.INSTANCE);
      case "end_session" -> endSession(ackTo);
      default -> refuse(ackTo, Code.PROCESSING_ERROR,
          type.isEmpty() ? "Messages are JSON objects with a \"type\": one of " + EXPECTED
              : "Unknown message type '" + type + "'; expected one of " + EXPECTED);
    }
    return this;
  }

  /**
   * A recoverable error, then {@code ready}: the frontend keeps the microphone locked until it sees that state, so
   * every error it can recover from must be followed by it.
   */
  private void refuse(ActorRef<SocketMessage.Ack> ackTo, Code code, String message) {
    send(VoiceLoopMessages.error(code, message, true));
    replyNow(ackTo, VoiceLoopMessages.status(State.READY));
  }

  private void resumeContext(JsonNode message, ActorRef<SocketMessage.Ack> ackTo) {
    JsonNode parsed = message.get("parsed_resume");
    if (parsed == null || !parsed.isObject()) {
      refuse(ackTo, Code.PROCESSING_ERROR,
          "resume_context needs parsed_resume: the object POST /resume/parse returns");
    } else if (started) {
      refuse(ackTo, Code.PROCESSING_ERROR,
          "The interview has already started; send resume_context before start_interview");
    } else {
      resume = VoiceLoopMessages.resume(parsed);
      ackTo.tell(SocketMessage.Ack.INSTANCE);
    }
  }

  private void startInterview(ActorRef<SocketMessage.Ack> ackTo) {
    if (!deps.hears()) {
      replyNow(ackTo, VoiceLoopMessages.error(Code.START_ERROR,
          "This server has no speech recogniser (STT_PROVIDER=none), so it cannot hold a spoken interview", false));
      return;
    }
    send(VoiceLoopMessages.status(State.GENERATING));
    InterviewSession.SessionContext context = new InterviewSession.SessionContext(null, null,
        resume != null ? resume : Resume.empty(), JobPosting.empty(), InterviewPreferences.defaults(), deps.voice(), true);
    then(subscribed().thenCompose(s -> sessions.start(sessionId, context)), ackTo, (reply, failure) -> () -> {
      if (failure != null) {
        send(VoiceLoopMessages.error(Code.START_ERROR, "The interview could not be started: " + Recordings.describe(failure), false));
      } else if (reply instanceof InterviewSession.Accepted accepted) {
        started = true;
        rejoin(accepted.view());
      } else {
        InterviewSession.Rejected rejected = (InterviewSession.Rejected) reply;
        send(VoiceLoopMessages.error(Code.START_ERROR, rejected.message(),
            rejected.reason() == InterviewSession.Rejection.BUSY));
      }
    });
  }

  private void audio(JsonNode message, ActorRef<SocketMessage.Ack> ackTo) {
    if (!started) {
      refuse(ackTo, Code.PROCESSING_ERROR, "The interview has not started: send start_interview first");
      return;
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(message.path("data").asText(""));
    } catch (IllegalArgumentException e) {
      refuse(ackTo, Code.PROCESSING_ERROR, "The audio data is not valid base64: " + e.getMessage());
      return;
    }
    if (bytes.length == 0) {
      refuse(ackTo, Code.EMPTY_TRANSCRIPTION, "The recording is empty. Please try again.");
      return;
    }
    if (bytes.length > deps.maxAudioBytes()) {
      refuse(ackTo, Code.PROCESSING_ERROR, "The recording is " + bytes.length + " bytes; the limit is "
          + deps.maxAudioBytes() + ". Please give a shorter answer.");
      return;
    }
    String format = message.path("format").asText("webm").strip().toLowerCase(Locale.ROOT);
    CompletionStage<InterviewSession.Reply> recorded =
        recordings.submit(sessionId, null, bytes, format.isEmpty() ? "webm" : format, subscribed());
    then(recorded, ackTo, (reply, failure) -> () -> {
      if (failure != null) {
        send(VoiceLoopMessages.error(Code.PROCESSING_ERROR, "Your answer could not be taken: " + Recordings.describe(failure)
            + ". Please try again.", true));
        send(VoiceLoopMessages.status(State.READY));
      } else if (reply instanceof InterviewSession.Rejected rejected) {
        refused(rejected);
      }
    });
  }

  private void refused(InterviewSession.Rejected rejected) {
    switch (rejected.reason()) {
      case FINISHED -> {
        ActorRef<SocketMessage> self = getContext().getSelf();
        sessions.status(sessionId).thenAccept(view -> self.tell(new Ended(closingTurn(view))));
      }
      case ABANDONED -> send(VoiceLoopMessages.error(Code.SESSION_NOT_FOUND, rejected.message(), false));
      default -> {
        send(VoiceLoopMessages.error(Code.PROCESSING_ERROR, switch (rejected.reason()) {
          case NOT_STARTED -> "The interview has not started: send start_interview first";
          case ALREADY_ANSWERED -> "Your answer to this question is still being processed; wait for the next question";
          default -> rejected.message();
        }, true));
        send(VoiceLoopMessages.status(State.READY));
      }
    }
  }

  private void endSession(ActorRef<SocketMessage.Ack> ackTo) {
    then(subscribed().thenCompose(s -> sessions.end(sessionId)), ackTo, (reply, failure) -> () -> {
      if (failure != null) {
        send(VoiceLoopMessages.error(Code.PROCESSING_ERROR, "The session could not be ended: " + Recordings.describe(failure)
            + ". Please try again.", true));
        send(VoiceLoopMessages.status(State.READY));
      } else if (reply instanceof InterviewSession.Accepted accepted) {
        endWhenSpoken(accepted.view());
      } else {
        InterviewSession.Rejected rejected = (InterviewSession.Rejected) reply;
        if (rejected.reason() == InterviewSession.Rejection.STILL_PLANNING) {
          send(VoiceLoopMessages.error(Code.PROCESSING_ERROR, rejected.message(), true));
          send(VoiceLoopMessages.status(State.READY));
        } else {
          sendEnded(0);
        }
      }
    });
  }

  /**
   * After end_session: session_ended follows the closing line's audio when that is still to come (its updates
   * are on their way, or it is being synthesised); otherwise it is sent now.
   */
  private void endWhenSpoken(SessionView view) {
    if (ended) {
      return;
    }
    boolean updatesOnTheWay = view.lastSeq() > lastSeenSeq();
    boolean closingAudioComing = endingSeq > 0 && lastAudioSeq < endingSeq;
    if (!view.voiced() || !(updatesOnTheWay || closingAudioComing)) {
      sendEnded(closingTurn(view));
    }
  }

  // ---- session → client ----

  @Override
  protected void onUpdate(SessionUpdate update) {
    SessionView view = update.view();
    InterviewSession.Event event = update.event();
    if (event instanceof InterviewSession.QuestionAsked asked) {
      lineSeq = update.seq();
      send(VoiceLoopMessages.transcript("interviewer", SpokenText.of(asked, view), interviewerTurn(asked.index())));
      send(VoiceLoopMessages.status(view.voiced() ? State.SPEAKING : State.READY));
    } else if (event instanceof InterviewSession.RecordingReceived) {
      send(VoiceLoopMessages.status(State.PROCESSING_STT));
    } else if (event instanceof InterviewSession.AnswerRecorded recorded) {
      int index = indexOf(view, recorded.answer().questionId());
      send(VoiceLoopMessages.transcript("candidate", recorded.answer().text(), interviewerTurn(index) + 1));
      send(VoiceLoopMessages.status(State.GENERATING));
    } else if (event instanceof InterviewSession.RecordingUnusable unusable) {
      send(unusable.problem() == InterviewSession.RecordingProblem.EMPTY
          ? VoiceLoopMessages.error(Code.EMPTY_TRANSCRIPTION, "Could not understand audio. Please try again.", true)
          : VoiceLoopMessages.error(Code.PROCESSING_ERROR, unusable.message() + ". Please record your answer again.", true));
      send(VoiceLoopMessages.status(State.READY));
    } else if (event instanceof InterviewSession.InterviewEnding ending) {
      endingSeq = update.seq();
      lineSeq = update.seq();
      endingTurns = closingTurn(view);
      if (ended) {
        return;
      }
      send(VoiceLoopMessages.transcript("interviewer", SpokenText.of(ending, view), endingTurns));
      if (view.voiced()) {
        send(VoiceLoopMessages.status(State.SPEAKING));
      } else {
        sendEnded(endingTurns);
      }
    } else if (event instanceof InterviewSession.UtteranceSpoken spoken && spoken.seq() == lineSeq) {
      play(spoken);
    } else if (event instanceof InterviewSession.SessionAbandoned) {
      sendEnded(view.questionsAsked() + view.answersRecorded());
    }
  }

  @Override
  protected void onProblem(SessionProblem problem) {
    send(VoiceLoopMessages.error(Code.PROCESSING_ERROR, problem.message(), problem.recoverable()));
    if (endingSeq > 0) {
      sendEnded(endingTurns);
    } else {
      send(VoiceLoopMessages.status(State.READY));
    }
  }

  @Override
  protected Behavior<SocketMessage> onOwnMessage(SocketMessage message) {
    if (message instanceof Joined joined) {
      joined(joined);
    } else if (message instanceof Ended end) {
      sendEnded(end.totalTurns());
    } else if (message instanceof AudioLoaded loaded && !ended && loaded.seq() == lineSeq) {
      if (loaded.audio().isPresent()) {
        send(VoiceLoopMessages.audio(loaded.audio().get().bytes(), loaded.audio().get().contentType()));
      } else {
        send(VoiceLoopMessages.error(Code.PROCESSING_ERROR, "The interviewer's audio could not be loaded; the text is above", true));
      }
      if (loaded.seq() == endingSeq) {
        sendEnded(endingTurns);
      } else {
        send(VoiceLoopMessages.status(State.READY));
      }
    }
    return this;
  }

  /** A session rejoined by start_interview: the line it is on is said again; a finished one is ended. */
  private void rejoin(SessionView view) {
    if (view.status() == InterviewSession.Status.IN_PROGRESS) {
      lineSeq = view.currentLineSeq();
      int index = view.questionsAsked() - 1;
      send(VoiceLoopMessages.transcript("interviewer", SpokenText.question(index, view.lastAcknowledgement(), view),
          interviewerTurn(index)));
      if (view.currentAnswered()) {
        send(VoiceLoopMessages.status(State.GENERATING));
      } else if (!view.voiced()) {
        send(VoiceLoopMessages.status(State.READY));
      } else if (view.lastUtterance() != null && view.lastUtterance().seq() == lineSeq) {
        // Said again on purpose: the client started again, so it may not have heard it.
        lastAudioSeq = 0;
        play(view.lastUtterance());
      } else {
        send(VoiceLoopMessages.status(State.SPEAKING));
      }
    } else if (view.status() == InterviewSession.Status.FINISHING || view.status() == InterviewSession.Status.COMPLETED
        || view.status() == InterviewSession.Status.ABANDONED) {
      sendEnded(closingTurn(view));
    }
  }

  /** Only the newest line is played: an older one's audio that arrives late is already past. */
  private void play(InterviewSession.UtteranceSpoken spoken) {
    if (spoken.seq() <= lastAudioSeq || ended) {
      return;
    }
    lastAudioSeq = spoken.seq();
    getContext().pipeToSelf(recordings.load(spoken.audioId()),
        (audio, error) -> new AudioLoaded(spoken.seq(), error == null ? audio : Optional.empty()));
  }

  private void sendEnded(long totalTurns) {
    if (!ended) {
      ended = true;
      send(VoiceLoopMessages.sessionEnded(sessionId, totalTurns));
    }
  }

  /**
   * Seed 001 numbers every line of the conversation: question i (from 0) is line 2i+1, its answer 2i+2,
   * the closing line the one after the last.
   */
  private static long interviewerTurn(int questionIndex) {
    return 2L * questionIndex + 1;
  }

  private static long closingTurn(SessionView view) {
    return view.questionsAsked() + view.answersRecorded() + 1;
  }

  private static int indexOf(SessionView view, String questionId) {
    for (int i = 0; i < view.questions().size(); i++) {
      if (view.questions().get(i).id().equals(questionId)) {
        return i;
      }
    }
    return view.questionsAsked() - 1;
  }
}
