package dev.candor.http.ws.interviewbot;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Failures;
import dev.candor.http.Json;
import dev.candor.http.auth.Tokens;
import dev.candor.http.ws.Recordings;
import dev.candor.http.ws.SessionSocket;
import dev.candor.http.ws.SocketMessage;
import dev.candor.http.ws.interviewbot.InterviewBotMessages.ErrorType;
import dev.candor.http.ws.socketio.SocketIoEndpoint;
import dev.candor.ingest.job.FetchException;
import dev.candor.ingest.job.JobBoards;
import dev.candor.ingest.job.JobPages;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Resume;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionIds;
import dev.candor.session.SessionProblem;
import dev.candor.session.SessionUpdate;
import dev.candor.session.SessionView;
import dev.candor.store.AudioRepository;
import dev.candor.store.InterviewOwners;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One seed-000 (Interview Bot) Socket.IO socket: start_interview plans eight questions, each is pushed with its
 * audio, submit_answer takes a recording (or typed text) and answer_analyzed follows, complete_interview (or the
 * last analysis) ends with interview_complete. A socket follows one interview at a time; it learns which from
 * {@code auth.sessionId} on connect (a rejoin) or starts a new one. Everything it shows comes from the session.
 * A socket that connects with {@code auth.token} (from {@code /api/auth/signin}) holds its interviews for that user:
 * they are listed at {@code /api/interviews}, and only that user's sockets may rejoin them.
 */
public final class InterviewBotConnection extends SessionSocket {

  /**
   * @param voice the interviewer's voice for interviews started here; null when this node speaks nothing
   * @param hears whether this node has a speech recogniser (without one, answers are typed)
   * @param jobTimeout how long reading a {@code jobDescriptionUrl} may take
   * @param tokens checks the token a socket may bring in {@code auth.token}
   * @param owners whose each signed-in interview is
   */
  public record Dependencies(Recordings recordings, Duration resubscribeInterval, long maxAudioBytes, String voice,
      boolean hears, JobPages jobPages, Duration jobTimeout, Tokens tokens, InterviewOwners owners) {}

  /** The event every client must send first. */
  private static final String EVENTS = "start_interview, submit_answer, complete_interview, request_question_audio";

  /** @param owner the user the rejoined interview belongs to, if any */
  private record OwnerFound(Optional<String> owner, Throwable failure) implements SocketMessage {}

  /**
   * @param view the interview as it stands
   * @param resumed whether the client carries on from an offset (connection-state recovery) rather than starting over
   */
  private record Rejoined(SessionView view, boolean resumed, Throwable failure) implements SocketMessage {}

  /**
   * Where a client stands in an interview: its id and the last update it was shown. Sent as the offset of every
   * event, so a client that reconnects with connection-state recovery hands back the last one it got.
   */
  record Offset(String sessionId, long seq) {
    private static final char SEPARATOR = '.';

    @Override
    public String toString() {
      return sessionId + SEPARATOR + seq;
    }

    /** The offset in {@code text}, or null when it is not one of ours. */
    static Offset parse(String text) {
      int separator = text == null ? -1 : text.lastIndexOf(SEPARATOR);
      if (separator < 1 || !SessionIds.isValid(text.substring(0, separator))) {
        return null;
      }
      try {
        long seq = Long.parseLong(text.substring(separator + 1));
        return seq < 0 ? null : new Offset(text.substring(0, separator), seq);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  private record AudioLoaded(String questionId, long seq, Optional<AudioRepository.Audio> audio) implements SocketMessage {}

  private final Dependencies deps;
  private final ActorRef<SocketMessage.Outgoing> out;
  private final boolean rejoining;
  /** For a recovered connection, the last update its client was shown; else -1. */
  private final long resumingAfter;
  /** The signed-in user this socket acts for, or null for anonymous practice. */
  private final String userId;
  /** Whether this socket follows a started interview (it started it, or rejoined it). */
  private boolean started;
  private InterviewSession.Status status = InterviewSession.Status.NEW;
  /** The current question and the number of the event that asked it: only its audio is sent. */
  private String currentQuestionId;
  private long questionSeq;
  private long audioSentSeq;
  private boolean completeSent;

  public static Behavior<SocketMessage> create(SocketIoEndpoint.Handshake handshake, ActorRef<SocketMessage.Outgoing> out,
      Dependencies deps) {
    String token = handshake.auth().path("token").asText("");
    Optional<String> userId = deps.tokens().userId(token);
    if (!token.isEmpty() && userId.isEmpty()) {
      // Refused rather than taken as anonymous: the user expects this interview in their history. A socket the server
      // disconnects is not reconnected by the client, so this does not loop.
      out.tell(new SocketMessage.Emit("error", InterviewBotMessages.error(ErrorType.UNAUTHORIZED,
          "The token in auth.token is invalid or expired: sign in again, or connect without one to practise anonymously"), null));
      out.tell(SocketMessage.Close.INSTANCE);
      return Behaviors.stopped();
    }
    Offset offset = handshake.auth().hasNonNull("pid") ? Offset.parse(handshake.auth().path("offset").asText(null)) : null;
    if (offset != null) {
      return create(offset.sessionId(), true, offset.seq(), userId.orElse(null), out, deps);
    }
    String asked = handshake.auth().path("sessionId").asText("");
    boolean rejoin = SessionIds.isValid(asked);
    return create(rejoin ? asked : UUID.randomUUID().toString(), rejoin, -1, userId.orElse(null), out, deps);
  }

  /** Whether a client reconnecting with this offset can be given what it missed: it is one of ours. */
  public static boolean resumable(String offset) {
    return Offset.parse(offset) != null;
  }

  private static Behavior<SocketMessage> create(String sessionId, boolean rejoin, long resumingAfter, String userId,
      ActorRef<SocketMessage.Outgoing> out, Dependencies deps) {
    return Behaviors.withTimers(timers -> Behaviors.setup(context ->
        new InterviewBotConnection(context, timers, sessionId, rejoin, resumingAfter, userId, out, deps)));
  }

  private InterviewBotConnection(ActorContext<SocketMessage> context, TimerScheduler<SocketMessage> timers, String sessionId,
      boolean rejoining, long resumingAfter, String userId, ActorRef<SocketMessage.Outgoing> out, Dependencies deps) {
    super(context, timers, sessionId, out, deps.recordings().sessions(), deps.resubscribeInterval());
    this.deps = deps;
    this.out = out;
    this.rejoining = rejoining;
    this.resumingAfter = resumingAfter;
    this.userId = userId;
  }

  /** A rejoining client's events wait until it is known whose the interview is and where it stands. */
  @Override
  protected boolean onConnected() {
    if (rejoining) {
      getContext().pipeToSelf(store(() -> deps.owners().ownerOf(sessionId)), OwnerFound::new);
    }
    return !rejoining;
  }

  /**
   * A rejoin goes on once the interview is known not to be another user's. A recovered client is shown nothing
   * again: the connection takes the interview's state quietly and asks the session for the updates after the
   * client's offset, which arrive as the events it missed. Any other rejoin is shown the interview as it stands.
   */
  private Behavior<SocketMessage> rejoin(OwnerFound found) {
    if (found.failure() != null) {
      emit("error", InterviewBotMessages.error(ErrorType.AI_ERROR,
          "The interview could not be rejoined: " + Recordings.describe(found.failure()) + ". Reconnect to try again."));
      readyForFrames();
    } else if (found.owner().isPresent() && !found.owner().get().equals(userId)) {
      // Another user's interview: this socket goes on with a new one of its own, never with that one.
      notFound();
      readyForFrames();
      return create(UUID.randomUUID().toString(), false, -1, userId, out, deps);
    } else if (resumingAfter >= 0) {
      getContext().pipeToSelf(sessions.status(sessionId), (view, failure) -> new Rejoined(view, true, failure));
    } else {
      getContext().pipeToSelf(subscribed().thenCompose(s -> sessions.status(sessionId)),
          (view, failure) -> new Rejoined(view, false, failure));
    }
    return this;
  }

  private void notFound() {
    emit("error", InterviewBotMessages.error(ErrorType.SESSION_NOT_FOUND, "There is no interview " + sessionId
        + "; start_interview begins a new one"));
  }

  // ---- client → session ----

  @Override
  protected Behavior<SocketMessage> onFrame(SocketMessage.Frame frame, ActorRef<SocketMessage.Ack> ackTo) {
    if (!(frame instanceof SocketMessage.Event event)) {
      return refuse(null, ackTo, ErrorType.INVALID_REQUEST, "Only events are part of this protocol: Socket.IO events, or {\"event\", \"data\"} JSON text frames on /ws/app");
    }
    JsonNode data = event.args().isEmpty() ? Json.object() : event.args().get(0);
    return switch (event.name()) {
      case "start_interview" -> startInterview(event, data, ackTo);
      case "submit_answer" -> submitAnswer(event, data, ackTo);
      case "complete_interview" -> completeInterview(event, ackTo);
      case "request_question_audio" -> requestAudio(event, data, ackTo);
      default -> refuse(event, ackTo, ErrorType.INVALID_REQUEST, "Unknown event '" + event.name() + "'; expected one of " + EVENTS);
    };
  }

  private Behavior<SocketMessage> startInterview(SocketMessage.Event event, JsonNode data, ActorRef<SocketMessage.Ack> ackTo) {
    if (isOver(status)) {
      // A finished interview stays as it was; starting again on this socket is a new interview.
      leaveSession();
      getContext().getSelf().tell(new SocketMessage.ClientFrame(event, ackTo));
      return create(UUID.randomUUID().toString(), false, -1, userId, out, deps);
    }
    if (!data.isObject()) {
      return refuse(event, ackTo, ErrorType.INVALID_REQUEST,
          "start_interview needs an object: {parsedResume, parsedJobDescription} (or jobDescriptionUrl)");
    }
    Resume resume;
    JobPosting given;
    try {
      resume = resume(data.get("parsedResume"));
      given = job(data.get("parsedJobDescription"));
    } catch (IllegalArgumentException e) {
      return refuse(event, ackTo, ErrorType.PARSING_FAILED, e.getMessage());
    }
    String url = data.path("jobDescriptionUrl").asText("").strip();
    if (given == null && url.isEmpty()) {
      return refuse(event, ackTo, ErrorType.INVALID_REQUEST,
          "start_interview needs parsedJobDescription (what POST /api/parse_job_description/ returns) or jobDescriptionUrl");
    }
    if (given == null && !deps.jobPages().accepts(url)) {
      return refuse(event, ackTo, ErrorType.INVALID_URL, JobBoards.UNSUPPORTED);
    }
    CompletionStage<JobPosting> job = given != null ? CompletableFuture.completedFuture(given) : readJob(url);
    // Subscribed here, on the actor: the job and the claim complete on other threads.
    CompletionStage<?> subscription = subscribed();
    then(job.thenCompose(posting -> claimed().thenCompose(c -> subscription).thenCompose(s -> sessions.start(sessionId,
        new InterviewSession.SessionContext(null, null, resume, posting, InterviewPreferences.defaults(), deps.voice(), false)))),
        ackTo, (reply, failure) -> () -> {
          if (failure != null) {
            startFailed(event, Failures.cause(failure));
          } else if (reply instanceof InterviewSession.Accepted accepted) {
            acknowledge(event, null);
            show(accepted.view());
          } else {
            InterviewSession.Rejected rejected = (InterviewSession.Rejected) reply;
            fail(event, rejected.reason() == InterviewSession.Rejection.BUSY ? ErrorType.SERVER_BUSY : ErrorType.INVALID_REQUEST,
                rejected.message());
          }
        });
    return this;
  }

  /** A signed-in user's interview is theirs before it starts, so it can never run unlisted. */
  private CompletionStage<Void> claimed() {
    if (userId == null) {
      return CompletableFuture.completedFuture(null);
    }
    return store(() -> deps.owners().claim(sessionId, userId)).thenAccept(mine -> {
      if (!mine) {
        throw new CompletionException(new IllegalStateException("the interview " + sessionId + " belongs to another user"));
      }
    });
  }

  private <T> CompletableFuture<T> store(Supplier<T> call) {
    return CompletableFuture.supplyAsync(call, deps.recordings().blocking())
        .orTimeout(deps.recordings().timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  private CompletionStage<JobPosting> readJob(String url) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return deps.jobPages().read(url).posting();
      } catch (FetchException e) {
        throw new CompletionException(e);
      }
    }, deps.recordings().blocking()).orTimeout(deps.jobTimeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle((posting, error) -> {
          if (Failures.cause(error) instanceof TimeoutException) {
            throw new CompletionException(new FetchException(FetchException.Reason.TIMEOUT,
                "the page took longer than " + deps.jobTimeout().toSeconds() + " s to fetch and read"));
          }
          if (error != null) {
            throw new CompletionException(Failures.cause(error));
          }
          if (blank(posting.title()) && blank(posting.description())) {
            throw new CompletionException(new NoJobFound());
          }
          return posting;
        });
  }

  /** A job page that was read but holds no job posting. */
  private static final class NoJobFound extends RuntimeException {
    NoJobFound() {
      super("no job posting was found on that page", null, false, false);
    }
  }

  private void startFailed(SocketMessage.Event event, Throwable cause) {
    if (cause instanceof FetchException fetch) {
      boolean badUrl = fetch.reason() == FetchException.Reason.INVALID_URL || fetch.reason() == FetchException.Reason.BLOCKED_ADDRESS;
      fail(event, badUrl ? ErrorType.INVALID_URL : ErrorType.PARSING_FAILED, "Could not read the job posting: " + fetch.getMessage());
    } else if (cause instanceof NoJobFound) {
      fail(event, ErrorType.PARSING_FAILED, "Could not read the job posting: " + cause.getMessage());
    } else {
      fail(event, ErrorType.AI_ERROR, "The interview could not be started: " + Recordings.describe(cause));
    }
  }

  private Behavior<SocketMessage> submitAnswer(SocketMessage.Event event, JsonNode data, ActorRef<SocketMessage.Ack> ackTo) {
    if (!started) {
      return refuse(event, ackTo, ErrorType.INVALID_REQUEST, "The interview has not started: send start_interview first");
    }
    String questionId = data.path("questionId").isTextual() ? data.path("questionId").asText() : null;
    JsonNode typed = data.path("answer");
    if (typed.isTextual()) {
      Double seconds = data.path("durationSeconds").isNumber() ? data.path("durationSeconds").asDouble() : null;
      then(subscribed().thenCompose(s -> sessions.answer(sessionId, null, questionId, typed.asText(), seconds)), ackTo,
          (reply, failure) -> () -> answered(event, reply, failure));
      return this;
    }
    byte[] audio;
    try {
      audio = audio(data.path("audioBlob"));
    } catch (IllegalArgumentException e) {
      return refuse(event, ackTo, ErrorType.AUDIO_ERROR, e.getMessage());
    }
    if (audio.length == 0) {
      return refuse(event, ackTo, ErrorType.AUDIO_ERROR, "The recording is empty; record your answer again");
    }
    if (audio.length > deps.maxAudioBytes()) {
      return refuse(event, ackTo, ErrorType.AUDIO_ERROR, "The recording is " + audio.length + " bytes; the limit is "
          + deps.maxAudioBytes() + ". Give a shorter answer.");
    }
    if (!deps.hears()) {
      return refuse(event, ackTo, ErrorType.AUDIO_ERROR,
          "This server has no speech recogniser (STT_PROVIDER=none): send the answer as text in submit_answer's 'answer'");
    }
    then(deps.recordings().submit(sessionId, questionId, audio, format(data), subscribed()), ackTo,
        (reply, failure) -> () -> answered(event, reply, failure));
    return this;
  }

  private void answered(SocketMessage.Event event, InterviewSession.Reply reply, Throwable failure) {
    if (failure != null) {
      fail(event, ErrorType.AI_ERROR, "Your answer could not be taken: " + Recordings.describe(failure) + ". Send it again.");
    } else if (reply instanceof InterviewSession.Rejected rejected) {
      fail(event, ErrorType.INVALID_REQUEST, rejected.message());
    } else {
      acknowledge(event, null);
    }
  }

  private Behavior<SocketMessage> completeInterview(SocketMessage.Event event, ActorRef<SocketMessage.Ack> ackTo) {
    if (!started) {
      return refuse(event, ackTo, ErrorType.INVALID_REQUEST, "The interview has not started: send start_interview first");
    }
    then(subscribed().thenCompose(s -> sessions.end(sessionId)), ackTo, (reply, failure) -> () -> {
      if (failure != null) {
        fail(event, ErrorType.AI_ERROR, "The interview could not be ended: " + Recordings.describe(failure) + ". Try again.");
      } else if (reply instanceof InterviewSession.Accepted accepted) {
        acknowledge(event, null);
        SessionView view = accepted.view();
        // Asked for: sent again even if it went out when the report was written. Otherwise it follows the report.
        if (view.status() == InterviewSession.Status.COMPLETED && view.report() != null) {
          sendComplete(view);
        }
      } else {
        fail(event, ErrorType.INVALID_REQUEST, ((InterviewSession.Rejected) reply).message());
      }
    });
    return this;
  }

  private Behavior<SocketMessage> requestAudio(SocketMessage.Event event, JsonNode data, ActorRef<SocketMessage.Ack> ackTo) {
    String questionId = data.path("questionId").asText("");
    if (!started || currentQuestionId == null || !currentQuestionId.equals(questionId)) {
      return refuse(event, ackTo, ErrorType.INVALID_REQUEST, "Only the current question's audio is sent"
          + (currentQuestionId == null ? "; no question has been asked yet" : " (" + currentQuestionId + ")"));
    }
    then(sessions.status(sessionId), ackTo, (view, failure) -> () -> {
      if (failure == null && view.lastUtterance() != null && view.lastUtterance().seq() == view.currentLineSeq()) {
        acknowledge(event, null);
        audioSentSeq = 0;
        play(view.lastUtterance());
      } else {
        fail(event, ErrorType.AUDIO_ERROR, failure != null ? Recordings.describe(failure)
            : view.voiced() ? "The question's audio is still being made; it is sent when ready" : "This interview has no voice");
      }
    });
    return this;
  }

  // ---- session → client ----

  @Override
  protected void onUpdate(SessionUpdate update) {
    SessionView view = update.view();
    status = view.status();
    InterviewSession.Event event = update.event();
    if (event instanceof InterviewSession.QuestionsPlanned planned) {
      emit("questions_generated", InterviewBotMessages.questions(planned.questions()));
    } else if (event instanceof InterviewSession.QuestionAsked asked) {
      currentQuestionId = asked.questionId();
      questionSeq = update.seq();
    } else if (event instanceof InterviewSession.UtteranceSpoken spoken && spoken.seq() == questionSeq) {
      play(spoken);
    } else if (event instanceof InterviewSession.RecordingReceived received) {
      emit("interview_status", InterviewBotMessages.status(received.recording().questionId(), "transcribing"));
    } else if (event instanceof InterviewSession.AnswerRecorded recorded) {
      emit("answer_transcribed", InterviewBotMessages.transcribed(recorded.answer().questionId(), recorded.answer().text()));
      emit("interview_status", InterviewBotMessages.status(recorded.answer().questionId(), "analysing"));
    } else if (event instanceof InterviewSession.RecordingUnusable unusable) {
      emit("error", InterviewBotMessages.error(ErrorType.AUDIO_ERROR, unusable.message()
          + ". The question is still open: record your answer again."));
    } else if (event instanceof InterviewSession.AnswerAnalysed analysed) {
      emit("answer_analyzed", InterviewBotMessages.answerAnalyzed(analysed.analysis().withQuestionId(analysed.questionId()),
          analysed.engine()));
    } else if (event instanceof InterviewSession.InterviewCompleted) {
      if (!completeSent) {
        sendComplete(view);
      }
    } else if (event instanceof InterviewSession.SessionAbandoned) {
      emit("error", InterviewBotMessages.error(ErrorType.INVALID_REQUEST,
          "This interview was abandoned after a period of inactivity; start_interview begins a new one"));
    }
  }

  @Override
  protected void onProblem(SessionProblem problem) {
    ErrorType type = problem.work() == SessionProblem.Work.TRANSCRIPTION || problem.work() == SessionProblem.Work.SPEECH
        ? ErrorType.AUDIO_ERROR : ErrorType.AI_ERROR;
    emit("error", InterviewBotMessages.error(type, problem.message()));
  }

  @Override
  protected Behavior<SocketMessage> onOwnMessage(SocketMessage message) {
    if (message instanceof OwnerFound found) {
      return rejoin(found);
    }
    if (message instanceof Rejoined rejoined) {
      readyForFrames();
      if (rejoined.failure() != null) {
        emit("error", InterviewBotMessages.error(ErrorType.AI_ERROR,
            "The interview could not be rejoined: " + Recordings.describe(rejoined.failure()) + ". Reconnect to try again."));
      } else if (rejoined.view().status() == InterviewSession.Status.NEW) {
        notFound();
      } else if (rejoined.resumed()) {
        adopt(rejoined.view());
        resumeAfter(resumingAfter);
        subscribed();
      } else {
        show(rejoined.view());
      }
    } else if (message instanceof AudioLoaded loaded && loaded.seq() == questionSeq) {
      if (loaded.audio().isPresent()) {
        emit("question_audio", InterviewBotMessages.questionAudio(loaded.questionId(), loaded.audio().get().bytes(),
            loaded.audio().get().contentType()));
      } else {
        emit("error", InterviewBotMessages.error(ErrorType.AUDIO_ERROR,
            "The question's audio could not be loaded; its text is in questions_generated"));
      }
    }
    return this;
  }

  /** The interview as it stands, to a socket that started or rejoined it: what a client needs to carry on. */
  private void show(SessionView view) {
    adopt(view);
    emit("interview_session", InterviewBotMessages.session(sessionId, view));
    if (view.status() == InterviewSession.Status.PLANNING) {
      return;
    }
    emit("questions_generated", InterviewBotMessages.questions(view.questions()));
    if (view.status() == InterviewSession.Status.IN_PROGRESS && view.currentQuestion() != null) {
      if (view.lastUtterance() != null && view.lastUtterance().seq() == questionSeq && !view.currentAnswered()) {
        audioSentSeq = 0;
        play(view.lastUtterance());
      }
    }
    if (view.status() == InterviewSession.Status.COMPLETED && view.report() != null) {
      sendComplete(view);
    }
  }

  /** Takes the interview's state as this socket's own, showing nothing. */
  private void adopt(SessionView view) {
    started = true;
    status = view.status();
    if (view.status() == InterviewSession.Status.IN_PROGRESS && view.currentQuestion() != null) {
      currentQuestionId = view.currentQuestion().id();
      questionSeq = view.currentLineSeq();
    }
  }

  private void play(InterviewSession.UtteranceSpoken spoken) {
    if (spoken.seq() <= audioSentSeq) {
      return;
    }
    audioSentSeq = spoken.seq();
    String questionId = currentQuestionId;
    getContext().pipeToSelf(deps.recordings().load(spoken.audioId()),
        (audio, error) -> new AudioLoaded(questionId, spoken.seq(), error == null ? audio : Optional.empty()));
  }

  private void sendComplete(SessionView view) {
    completeSent = true;
    emit("interview_complete", InterviewBotMessages.interviewComplete(view.report(), view.questions()));
  }

  // ---- helpers ----

  private Behavior<SocketMessage> refuse(SocketMessage.Event event, ActorRef<SocketMessage.Ack> ackTo, ErrorType type,
      String message) {
    fail(event, type, message);
    ackTo.tell(SocketMessage.Ack.INSTANCE);
    return this;
  }

  /** An error event, and the same as the acknowledgement when the client asked for one. */
  private void fail(SocketMessage.Event event, ErrorType type, String message) {
    emit("error", InterviewBotMessages.error(type, message));
    if (event != null && event.ack() != null) {
      event.ack().accept(InterviewBotMessages.ack(false, message));
    }
  }

  private static void acknowledge(SocketMessage.Event event, String message) {
    Consumer<JsonNode> ack = event.ack();
    if (ack != null) {
      ack.accept(InterviewBotMessages.ack(true, message));
    }
  }

  private void emit(String name, JsonNode data) {
    out.tell(new SocketMessage.Emit(name, data, new Offset(sessionId, Math.max(0, lastSeenSeq())).toString()));
  }

  private static boolean isOver(InterviewSession.Status status) {
    return status == InterviewSession.Status.COMPLETED || status == InterviewSession.Status.ABANDONED;
  }

  /** Seed 000's parsedResume (what POST /api/parse-resume returns); a missing one is an empty resume. */
  private static Resume resume(JsonNode parsed) {
    if (parsed == null || parsed.isNull()) {
      return Resume.empty();
    }
    return read(parsed, Resume.class, "parsedResume");
  }

  /** Seed 000's parsedJobDescription; null when absent. */
  private static JobPosting job(JsonNode parsed) {
    return parsed == null || parsed.isNull() ? null : read(parsed, JobPosting.class, "parsedJobDescription");
  }

  private static <T> T read(JsonNode node, Class<T> type, String field) {
    if (!node.isObject()) {
      throw new IllegalArgumentException(field + " must be an object");
    }
    try {
      return Json.MAPPER.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(field + " is not in seed 000's shape: " + e.getOriginalMessage());
    }
  }

  /** The recording: a binary attachment (what socket.io-client makes of a Blob), or base64 text from a JSON-only client. */
  private static byte[] audio(JsonNode blob) {
    if (blob.isBinary()) {
      return ((com.fasterxml.jackson.databind.node.BinaryNode) blob).binaryValue();
    }
    if (blob.isTextual()) {
      try {
        return Base64.getDecoder().decode(blob.asText());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("audioBlob is text but not base64: " + e.getMessage());
      }
    }
    throw new IllegalArgumentException(blob.isMissingNode()
        ? "submit_answer needs audioBlob (the recording) or answer (typed text)"
        : "audioBlob must be binary (a Blob or ArrayBuffer) or base64 text");
  }

  /** {@code mimeType} ("audio/webm;codecs=opus") or {@code format} ("webm"); the decoder also reads the bytes themselves. */
  private static String format(JsonNode data) {
    String given = data.path("format").asText(data.path("mimeType").asText("webm"));
    String subtype = given.contains("/") ? given.substring(given.indexOf('/') + 1) : given;
    int parameters = subtype.indexOf(';');
    String format = (parameters >= 0 ? subtype.substring(0, parameters) : subtype).strip().toLowerCase(Locale.ROOT);
    return format.isEmpty() ? "webm" : format;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
