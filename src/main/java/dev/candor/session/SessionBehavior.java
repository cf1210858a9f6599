package dev.candor.session;

import static dev.candor.session.InterviewSession.FOLLOW_UP_SUFFIX;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Interviewer;
import dev.candor.interview.Question;
import dev.candor.session.InterviewSession.*;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * How an {@link InterviewSession} behaves: its command handlers, one group per status, and the side effects that
 * follow a persisted event (telling subscribers, spawning workers, arming timers). The protocol it speaks (commands,
 * events, state) lives in {@link InterviewSession}, whose nested names the journal and snapshots carry.
 */
final class SessionBehavior extends EventSourcedBehavior<Command, Event, State> {

  /** The key of the timer that has an ended session leave memory (the periodic {@link Tick} has its own). */
  private static final String PASSIVATE_WHEN_ENDED = "passivate-when-ended";

  private final String sessionId;
  /** Null on a node without speech: recordings are refused and nothing is spoken. */
  private final SpeechServices speech;
  private final SessionSettings settings;
  private final Clock clock;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  // Runtime only, never persisted: who listens, which workers run, and how often each task has failed.
  /** Each subscriber, with the number of the newest event when it subscribed: see {@link #onSubscribe}. */
  private final Map<ActorRef<Notification>, Long> subscribers = new HashMap<>();
  private final RunningTasks runningTasks;
  private final SessionTasks taskWork;
  private final Map<String, Integer> failures = new HashMap<>();
  /**
   * Delivery ids of answers recognised as resends, with the take each repeats. The node sends an ask again every
   * second until it hears back, and a copy held in a moving shard's buffer can arrive after the interview moved on:
   * it must get what the first copy got, not be judged against the interview as it stands then. Not persisted: the
   * copies of one ask come within its timeout.
   */
  private final Map<String, RecordedAnswer> resentDeliveries = new HashMap<>();
  private Instant lastTouched;
  /** The number of the newest event the subscribers have been told of. */
  private long toldSeq;

  SessionBehavior(String sessionId, Interviewer interviewer, SpeechServices speech, SessionSettings settings, Clock clock,
      ActorRef<ClusterSharding.ShardCommand> shard, ActorContext<Command> context, TimerScheduler<Command> timers) {
    super(PersistenceId.of(InterviewSession.TYPE_KEY.name(), sessionId),
        SupervisorStrategy.restartWithBackoff(Duration.ofMillis(200), Duration.ofSeconds(5), 0.1));
    this.sessionId = sessionId;
    this.speech = speech;
    this.settings = settings;
    this.clock = clock;
    this.shard = shard;
    this.context = context;
    this.timers = timers;
    this.lastTouched = clock.instant();
    this.runningTasks = new RunningTasks(Admission.get(context.getSystem()));
    this.taskWork = new SessionTasks(sessionId, interviewer, speech, settings.questionCount());
  }

  @Override
  public State emptyState() {
    return State.empty();
  }

  @Override
  public RetentionCriteria retentionCriteria() {
    return RetentionCriteria.snapshotEvery(settings.snapshotEvery(), settings.snapshotsKept());
  }

  @Override
  public SignalHandler<State> signalHandler() {
    return newSignalHandlerBuilder()
        .onSignal(RecoveryCompleted.instance(), state -> {
          // A restart after a journal failure reuses this object, but its workers are gone.
          runningTasks.clear();
          failures.clear();
          // A write reported as failed may have been stored all the same (the database committed it, then the
          // connection broke before it said so): the replay found it, and the subscribers kept across the restart
          // were never told. Each drops what it has already seen.
          tellSubscribers(state, toldSeq);
          Duration tick = min(settings.idleTimeout(), settings.passivateAfter()).dividedBy(4);
          timers.startTimerWithFixedDelay(Tick.INSTANCE, tick.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tick);
          resumeWork(state);
          passivateSoonIfEnded(state);
        })
        // Workers still running for a stopped session will never be counted back.
        .onSignal(PostStop.instance(), state -> runningTasks.clear())
        .build();
  }

  // ---- command handling ----

  /** One table for every session of the node: see {@link CommandTable} for what Pekko's per-entity builder cost. */
  static final CommandTable COMMANDS = commands();

  @Override
  public CommandHandler<Command, Event, State> commandHandler() {
    return newCommandHandlerBuilder().forAnyState().onAnyCommand((state, command) -> COMMANDS.handle(this, state, command));
  }

  private static CommandTable commands() {
    CommandTable.Builder table = CommandTable.builder();

    // Not begun: a new session, and a client-paced one created or set up but not yet begun.
    table.in(Status.NEW, Status.CREATED, Status.READY)
        .onCommand(Start.class, (b, s, c) -> s.status() == Status.NEW ? b.onStart(s, c) : b.onStartAgain(s, c))
        .onCommand(Plan.class, (b, s, c) -> s.status() == Status.CREATED ? b.onPlan(c) : b.refuseStep(s, c, c.replyTo()))
        .onCommand(Begin.class, (b, s, c) -> s.status() == Status.READY ? b.onBegin(s, c) : b.refuseStep(s, c, c.replyTo()))
        .onCommand(SubmitAnswer.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.NOT_STARTED,
            "The interview has not started: start it before answering"))
        .onCommand(SubmitRecording.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.NOT_STARTED,
            "The interview has not started: start it before answering"))
        .onCommand(End.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.NOT_STARTED,
            "The interview has not started, so there is nothing to end"));

    table.in(Status.PLANNING)
        .onCommand(Start.class, SessionBehavior::onStartAgain)
        .onCommand(ChooseVoice.class, SessionBehavior::onChooseVoice)
        .onCommand(PlanReady.class, SessionBehavior::onPlanReady)
        .onCommand(SubmitAnswer.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.STILL_PLANNING,
            "The questions are still being prepared; answer once the first question has been asked"))
        .onCommand(SubmitRecording.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.STILL_PLANNING,
            "The questions are still being prepared; answer once the first question has been asked"))
        .onCommand(End.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.STILL_PLANNING,
            "The questions are still being prepared; the interview can be ended once it has begun"));

    table.in(Status.IN_PROGRESS)
        .onCommand(Start.class, SessionBehavior::onStartAgain)
        .onCommand(SubmitAnswer.class, SessionBehavior::onAnswer)
        .onCommand(SubmitRecording.class, (b, s, c) -> b.recordingTakenOr(s, c, () -> b.onRecording(s, c)))
        .onCommand(TranscriptReady.class, SessionBehavior::onTranscript)
        .onCommand(RecordingFailed.class, SessionBehavior::onRecordingFailed)
        .onCommand(AnalysisReady.class, SessionBehavior::onAnalysisReady)
        .onCommand(Advance.class, SessionBehavior::onAdvance)
        .onCommand(End.class, (b, s, c) -> b.beginEnding(s, EndReason.ENDED_BY_CANDIDATE, c.replyTo()))
        .onCommand(TimeUp.class, (b, s, c) -> b.beginEnding(s, EndReason.TIME_UP, null))
        .onCommand(TellTime.class, SessionBehavior::onTellTime)
        .onCommand(ChooseVoice.class, SessionBehavior::onChooseVoice);

    table.in(Status.FINISHING)
        .onCommand(Start.class, SessionBehavior::onStartAgain)
        .onCommand(SubmitAnswer.class, (b, s, c) -> b.duplicateOr(s, c, () -> b.reject(c.replyTo(), Rejection.FINISHED,
            "The interview is over; no more answers are taken")))
        .onCommand(SubmitRecording.class, (b, s, c) -> b.recordingTakenOr(s, c, () -> b.reject(c.replyTo(), Rejection.FINISHED,
            "The interview is over; no more answers are taken")))
        // An answer recorded before the end still counts: the report waits for it.
        .onCommand(TranscriptReady.class, SessionBehavior::onTranscript)
        .onCommand(RecordingFailed.class, SessionBehavior::onRecordingFailed)
        .onCommand(AnalysisReady.class, SessionBehavior::onAnalysisReady)
        .onCommand(ReportReady.class, SessionBehavior::onReportReady)
        .onCommand(End.class, (b, s, c) -> b.Effect().reply(c.replyTo(), new Accepted(b.view(s))));

    table.in(Status.COMPLETED)
        .onCommand(Start.class, SessionBehavior::onStartAgain)
        .onCommand(SubmitAnswer.class, (b, s, c) -> b.duplicateOr(s, c, () -> b.reject(c.replyTo(), Rejection.FINISHED,
            "This interview has already ended")))
        .onCommand(SubmitRecording.class, (b, s, c) -> b.recordingTakenOr(s, c, () -> b.reject(c.replyTo(), Rejection.FINISHED,
            "This interview has already ended")))
        .onCommand(End.class, (b, s, c) -> b.Effect().reply(c.replyTo(), new Accepted(b.view(s))));

    table.in(Status.ABANDONED)
        .onCommand(Start.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity; start a new session"))
        .onCommand(SubmitAnswer.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity; start a new session"))
        .onCommand(SubmitRecording.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity; start a new session"))
        .onCommand(End.class, (b, s, c) -> b.reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity"));

    table.inAnyStatus()
        .onCommand(GetStatus.class, (b, s, c) -> {
          b.touch();
          b.resumeWork(s);
          return b.Effect().reply(c.replyTo(), b.view(s));
        })
        .onCommand(GetAnswers.class, (b, s, c) -> {
          b.touch();
          return b.Effect().reply(c.replyTo(), new Answers(s.answers(), s.analyses(), s.recordings().keySet()));
        })
        .onCommand(Subscribe.class, SessionBehavior::onSubscribe)
        .onCommand(Unsubscribe.class, (b, s, c) -> {
          b.subscribers.remove(c.subscriber());
          b.context.unwatch(c.subscriber());
          b.passivateSoonIfEnded(s);
          return b.Effect().none();
        })
        .onCommand(SubscriberGone.class, (b, s, c) -> {
          b.subscribers.remove(c.subscriber());
          b.passivateSoonIfEnded(s);
          return b.Effect().none();
        })
        .onCommand(Plan.class, (b, s, c) -> b.refuseStep(s, c, c.replyTo()))
        .onCommand(Begin.class, (b, s, c) -> b.refuseStep(s, c, c.replyTo()))
        .onCommand(Advance.class, (b, s, c) -> b.refuseStep(s, c, c.replyTo()))
        .onCommand(WorkFailed.class, SessionBehavior::onWorkFailed)
        .onCommand(RetryWork.class, (b, s, c) -> {
          if (b.taskWork.owed(s).contains(c.task())) {
            b.startTask(s, c.task());
          }
          return b.Effect().none();
        })
        .onCommand(Tick.class, SessionBehavior::onTick)
        .onCommand(Passivate.class, (b, s, c) -> b.Effect().stop())
        .onCommand(Unload.class, (b, s, c) -> b.unload())
        // Results and timers that arrive after the state moved on (late worker, stale timer) change nothing.
        .onCommand(PlanReady.class, (b, s, c) -> b.lateResult(SessionTasks.PLAN))
        .onCommand(AnalysisReady.class, (b, s, c) -> b.lateResult(SessionTasks.ANALYSE + c.questionId()))
        .onCommand(ReportReady.class, (b, s, c) -> b.lateResult(SessionTasks.REPORT))
        .onCommand(TranscriptReady.class, (b, s, c) -> b.lateResult(SessionTasks.TRANSCRIBE + c.recordingId()))
        .onCommand(RecordingFailed.class, (b, s, c) -> b.lateResult(SessionTasks.TRANSCRIBE + c.recordingId()))
        .onCommand(SpeechReady.class, SessionBehavior::onSpeechReady)
        .onCommand(SpeechPrepared.class, (b, s, c) -> {
          b.taskDone(c.task());
          return b.Effect().none();
        })
        .onCommand(SpeechRefused.class, (b, s, c) -> {
          b.taskDone(SessionTasks.SPEAK + c.seq());
          b.notifySubscribers(new SessionProblem(SessionProblem.Work.SPEECH, "The interviewer's line could not be spoken: " + c.reason(), true, b.view(s)));
          return b.Effect().none();
        })
        .onCommand(TimeUp.class, (b, s, c) -> b.Effect().none())
        .onCommand(TellTime.class, (b, s, c) -> b.Effect().none())
        .onCommand(ChooseVoice.class, SessionBehavior::refuseVoice);

    return table.build();
  }

  private Effect<Event, State> onStart(State state, Start command) {
    touch();
    if (!runningTasks.admitsNewInterviews()) {
      return reject(command.replyTo(), Rejection.BUSY,
          "The server is at capacity and is not starting new interviews; try again in a few seconds");
    }
    return Effect().persist(new ContextSet(command.context(), clock.instant()))
        .thenRun(newState -> {
          publish(newState, 1);
          if (newState.status() == Status.PLANNING) {
            startTask(newState, SessionTasks.PLAN);
          }
        })
        .thenReply(command.replyTo(), newState -> new Accepted(view(newState)));
  }

  /** A client reconnecting to a running interview starts it again: it gets the interview as it stands. */
  private Effect<Event, State> onStartAgain(State state, Start command) {
    return startAgainOrMismatch(state, command, () -> {
      resumeWork(state);
      return Effect().reply(command.replyTo(), new Accepted(view(state)));
    });
  }

  private Effect<Event, State> startAgainOrMismatch(State state, Start command, Supplier<Effect<Event, State>> same) {
    touch();
    SessionContext existing = state.context();
    SessionContext asked = command.context();
    if (!Objects.equals(existing.jobId(), asked.jobId()) || !Objects.equals(existing.candidateId(), asked.candidateId())) {
      return reject(command.replyTo(), Rejection.CONTEXT_MISMATCH,
          "Session " + sessionId + " is an interview of candidate " + existing.candidateId() + " for job "
              + existing.jobId() + "; use a new session id for another one");
    }
    return same.get();
  }

  private Effect<Event, State> lateResult(String task) {
    taskDone(task);
    return Effect().none();
  }

  private Effect<Event, State> onPlanReady(State state, PlanReady command) {
    List<Question> questions = command.questions();
    if (questions == null || questions.isEmpty()
        || questions.stream().map(Question::id).distinct().count() != questions.size()) {
      // A plan the session cannot hold (an interviewer that returned nothing, or twice the same id) is a failure to retry.
      return onWorkFailed(state, new WorkFailed(SessionTasks.PLAN, "the interviewer returned no usable questions"));
    }
    taskDone(SessionTasks.PLAN);
    Instant now = clock.instant();
    List<Event> events = new ArrayList<>();
    events.add(new QuestionsPlanned(command.questions(), command.engine(), now));
    if (!state.context().clientPaced()) {
      events.add(new QuestionAsked(0, questions.get(0).id(), null, now));
    }
    return Effect().persist(events)
        .thenRun(newState -> {
          publish(newState, events.size());
          armClocks(newState);
        });
  }

  private Effect<Event, State> onPlan(Plan command) {
    touch();
    return Effect().persist(new PlanningRequested(clock.instant()))
        .thenRun(newState -> {
          publish(newState, 1);
          startTask(newState, SessionTasks.PLAN);
        })
        .thenReply(command.replyTo(), newState -> new Accepted(view(newState)));
  }

  private Effect<Event, State> onBegin(State state, Begin command) {
    touch();
    Instant now = clock.instant();
    return Effect().persist(List.of(new InterviewBegun(command.voice(), now),
            new QuestionAsked(0, state.questions().get(0).id(), null, now)))
        .thenRun(newState -> {
          publish(newState, 2);
          armClocks(newState);
        })
        .thenReply(command.replyTo(), newState -> new Accepted(view(newState)));
  }

  /** The client moves on from its current question: the next one is asked, or after the last the interview ends. */
  private Effect<Event, State> onAdvance(State state, Advance command) {
    touch();
    if (!state.context().clientPaced()) {
      return refuseStep(state, command, command.replyTo());
    }
    Question current = state.currentQuestion();
    if (command.questionId() != null && !command.questionId().equals(current.id())) {
      return reject(command.replyTo(), state.question(command.questionId()) == null ? Rejection.UNKNOWN_QUESTION
          : Rejection.NOT_CURRENT_QUESTION, "Question " + command.questionId() + " is not the current question; the current question is "
          + current.id());
    }
    Instant now = clock.instant();
    Event next = state.askedCount() < state.questions().size()
        ? new QuestionAsked(state.askedCount(), state.questions().get(state.askedCount()).id(), null, now)
        : new InterviewEnding(EndReason.ALL_ANSWERED, now);
    return Effect().persist(next)
        .thenRun(newState -> {
          publish(newState, 1);
          if (newState.status() == Status.FINISHING) {
            stopClocks();
            startReportWhenReady(newState);
          }
        })
        .thenReply(command.replyTo(), newState -> new Accepted(view(newState)));
  }

  private Effect<Event, State> onChooseVoice(State state, ChooseVoice command) {
    touch();
    if (state.context().clientPaced()) {
      return reject(command.replyTo(), Rejection.ALREADY_BEGUN, "A client-paced interview's voice is chosen when it begins");
    }
    if (Objects.equals(state.context().voice(), command.voice())) {
      return Effect().reply(command.replyTo(), new Accepted(view(state)));
    }
    return Effect().persist(new VoiceChosen(command.voice(), clock.instant()))
        .thenRun(newState -> {
          publish(newState, 1);
          taskWork.owed(newState).forEach(task -> startTask(newState, task));
        })
        .thenReply(command.replyTo(), newState -> new Accepted(view(newState)));
  }

  /** A voice chosen in a state that takes none. */
  private Effect<Event, State> refuseVoice(State state, ChooseVoice command) {
    return switch (state.status()) {
      case NEW -> reject(command.replyTo(), Rejection.NOT_STARTED, "The interview has not started: start it before choosing a voice");
      case CREATED, READY -> reject(command.replyTo(), Rejection.NOT_STARTED,
          "A client-paced interview's voice is chosen when it begins");
      case ABANDONED -> reject(command.replyTo(), Rejection.ABANDONED, "This interview was abandoned; its voice can no longer change");
      default -> reject(command.replyTo(), Rejection.FINISHED, "The interview is over; its voice can no longer change");
    };
  }

  /** A client-paced step (plan, begin, advance) asked for in a state that does not take it. */
  private Effect<Event, State> refuseStep(State state, Command command, ActorRef<Reply> replyTo) {
    touch();
    Status status = state.status();
    if (status == Status.NEW) {
      return reject(replyTo, Rejection.NOT_STARTED, "There is no such interview yet: create it first");
    }
    if (status == Status.ABANDONED) {
      return reject(replyTo, Rejection.ABANDONED, "This interview was abandoned after a period of inactivity; start a new session");
    }
    if (status == Status.FINISHING || status == Status.COMPLETED) {
      return reject(replyTo, Rejection.FINISHED, "The interview has already ended");
    }
    if (!state.context().clientPaced()) {
      return reject(replyTo, Rejection.NOT_CLIENT_PACED, "This interview moves on by itself; it takes no setup, start or advance steps");
    }
    if (command instanceof Plan) {
      return reject(replyTo, Rejection.ALREADY_PLANNED,
          status == Status.PLANNING ? "AI setup is already under way" : "AI setup already completed");
    }
    if (command instanceof Begin && status == Status.IN_PROGRESS) {
      return reject(replyTo, Rejection.ALREADY_BEGUN, "The interview has already started");
    }
    if (command instanceof Begin) {
      return reject(replyTo, Rejection.NOT_PLANNED, status == Status.PLANNING
          ? "The interview is not ready to start: its questions are still being generated"
          : "The interview is not ready to start: run the AI setup first");
    }
    return reject(replyTo, Rejection.NOT_STARTED, "The interview is not in progress: start it first");
  }


  private Effect<Event, State> onAnswer(State state, SubmitAnswer command) {
    return duplicateOr(state, command, () -> {
      Question current = state.currentQuestion();
      String questionId = command.questionId() == null ? current.id() : command.questionId();
      if (state.question(questionId) == null) {
        return reject(command.replyTo(), Rejection.UNKNOWN_QUESTION, "There is no question '" + questionId + "' in this interview");
      }
      RecordedAnswer earlier = state.answers().get(questionId);
      if (earlier != null) {
        return reject(command.replyTo(), Rejection.ALREADY_ANSWERED, "Question " + questionId + " has already been answered"
            + (state.analyses().containsKey(questionId) ? "" : "; its analysis is on the way"));
      }
      if (!questionId.equals(current.id())) {
        return reject(command.replyTo(), Rejection.NOT_CURRENT_QUESTION,
            "Question " + questionId + " has not been asked yet; the current question is " + current.id());
      }
      String answerId = command.recordedId() != null ? command.recordedId() : UUID.randomUUID().toString();
      Instant now = clock.instant();
      RecordedAnswer answer = new RecordedAnswer(answerId, questionId, Objects.requireNonNullElse(command.text(), ""),
          command.durationSeconds(), now);
      PersistStep step = PersistStep.begin("answer");
      return Effect().persist(new AnswerRecorded(answer, now))
          .thenRun(newState -> {
            step.commit();
            publish(newState, 1);
            startTask(newState, SessionTasks.ANALYSE + questionId);
          })
          .thenReply(command.replyTo(), newState -> new AnswerAccepted(answerId, questionId, false));
    });
  }

  private Effect<Event, State> onRecording(State state, SubmitRecording command) {
    touch();
    if (speech == null || speech.ears() == null) {
      return reject(command.replyTo(), Rejection.NOT_SPOKEN, "This node has no speech recogniser; answer in text");
    }
    Question current = state.currentQuestion();
    String questionId = command.questionId() == null ? current.id() : command.questionId();
    PendingRecording pending = state.recordings().get(questionId);
    if (pending != null && pending.recordingId().equals(command.recordingId())) {
      return Effect().reply(command.replyTo(), new RecordingAccepted(command.recordingId(), questionId));
    }
    if (state.question(questionId) == null) {
      return reject(command.replyTo(), Rejection.UNKNOWN_QUESTION, "There is no question '" + questionId + "' in this interview");
    }
    if (state.answers().containsKey(questionId)) {
      return reject(command.replyTo(), Rejection.ALREADY_ANSWERED, "Question " + questionId + " has already been answered");
    }
    // A client-paced client may send an earlier question's recording late: it was asked, and it is still open.
    if (!questionId.equals(current.id()) && !(state.context().clientPaced() && state.asked(questionId))) {
      return reject(command.replyTo(), Rejection.NOT_CURRENT_QUESTION,
          "Question " + questionId + " has not been asked yet; the current question is " + current.id());
    }
    PendingRecording recording = new PendingRecording(command.recordingId(), questionId, command.format());
    PersistStep step = PersistStep.begin("recording");
    return Effect().persist(new RecordingReceived(recording, clock.instant()))
        .thenRun(newState -> {
          step.commit();
          publish(newState, 1);
          startTask(newState, SessionTasks.TRANSCRIBE + recording.recordingId());
        })
        .thenReply(command.replyTo(), newState -> new RecordingAccepted(recording.recordingId(), questionId));
  }

  /** A transcript becomes the answer, unless a newer recording replaced its own or the question was answered. */
  private Effect<Event, State> onTranscript(State state, TranscriptReady command) {
    taskDone(SessionTasks.TRANSCRIBE + command.recordingId());
    PendingRecording pending = state.recordings().get(command.questionId());
    if (pending == null || !pending.recordingId().equals(command.recordingId())) {
      return Effect().none();
    }
    if (command.text().isBlank()) {
      return onRecordingFailed(state, new RecordingFailed(command.recordingId(), command.questionId(), RecordingProblem.EMPTY,
          "No words could be made out in the recording"));
    }
    Instant now = clock.instant();
    RecordedAnswer answer = new RecordedAnswer(command.recordingId(), command.questionId(), command.text().strip(),
        command.durationSeconds(), now);
    PersistStep step = PersistStep.begin("transcript");
    return Effect().persist(new AnswerRecorded(answer, now))
        .thenRun(newState -> {
          step.commit();
          publish(newState, 1);
          startTask(newState, SessionTasks.ANALYSE + command.questionId());
        });
  }

  private Effect<Event, State> onRecordingFailed(State state, RecordingFailed command) {
    taskDone(SessionTasks.TRANSCRIBE + command.recordingId());
    PendingRecording pending = state.recordings().get(command.questionId());
    if (pending == null || !pending.recordingId().equals(command.recordingId())) {
      return Effect().none();
    }
    return Effect().persist(new RecordingUnusable(command.recordingId(), command.questionId(), command.problem(),
            command.message(), clock.instant()))
        .thenRun(newState -> {
          publish(newState, 1);
          startReportWhenReady(newState);
        });
  }

  private Effect<Event, State> onSpeechReady(State state, SpeechReady command) {
    taskDone(SessionTasks.SPEAK + command.seq());
    if (state.spoken().containsKey(command.seq()) || command.seq() < 1 || command.seq() > state.lastSeq()) {
      return Effect().none();
    }
    PersistStep step = PersistStep.begin("utterance");
    return Effect().persist(new UtteranceSpoken(command.seq(), command.audioId(), command.contentType(), clock.instant()))
        .thenRun(newState -> {
          step.commit();
          publish(newState, 1);
          taskWork.upcoming(newState).ifPresent(task -> startTask(newState, task));
        });
  }

  /**
   * An answer already taken, sent again by a client that never heard it was, is acknowledged again and changes
   * nothing, whatever the interview has moved on to since: see {@link #earlierTake}.
   */
  private Effect<Event, State> duplicateOr(State state, SubmitAnswer command, Supplier<Effect<Event, State>> otherwise) {
    touch();
    RecordedAnswer earlier = command.recordedId() == null ? null : resentDeliveries.get(command.recordedId());
    if (earlier == null) {
      earlier = earlierTake(state, command);
    }
    if (earlier != null) {
      if (command.recordedId() != null && !command.recordedId().equals(earlier.answerId())) {
        resentDeliveries.put(command.recordedId(), earlier);
      }
      return Effect().reply(command.replyTo(), new AnswerAccepted(earlier.answerId(), earlier.questionId(), true));
    }
    return otherwise.get();
  }

  /**
   * The recorded answer this one repeats, or null: the same answer id (the client's, or the node's for a second
   * delivery of one request); the same words for the question the client was shown; or, from a client shown no
   * question since it connected, the last answer's words: a resend after a reconnect, which taken for the current
   * question would answer one the client has not seen with words meant for the one before.
   */
  private static RecordedAnswer earlierTake(State state, SubmitAnswer command) {
    if (command.recordedId() != null && state.hasAnswerId(command.recordedId())) {
      return state.answerById(command.recordedId());
    }
    Question current = state.currentQuestion();
    String questionId = command.questionId() != null ? command.questionId() : current == null ? null : current.id();
    RecordedAnswer forQuestion = questionId == null ? null : state.answers().get(questionId);
    if (forQuestion != null && forQuestion.text().equals(command.text())) {
      return forQuestion;
    }
    RecordedAnswer last = state.lastAnswer();
    boolean shownNothing = command.answerId() == null && command.questionId() == null;
    return shownNothing && last != null && last.text().equals(command.text()) ? last : null;
  }

  /**
   * A recording already transcribed into an answer (its id is the answer's), delivered again: acknowledged as it was
   * the first time.
   */
  private Effect<Event, State> recordingTakenOr(State state, SubmitRecording command, Supplier<Effect<Event, State>> otherwise) {
    RecordedAnswer transcribed = state.answerById(command.recordingId());
    if (transcribed != null) {
      return Effect().reply(command.replyTo(), new RecordingAccepted(command.recordingId(), transcribed.questionId()));
    }
    return otherwise.get();
  }

  private Effect<Event, State> onAnalysisReady(State state, AnalysisReady command) {
    taskDone(SessionTasks.ANALYSE + command.questionId());
    if (state.analyses().containsKey(command.questionId()) || !state.answers().containsKey(command.questionId())) {
      return Effect().none();
    }
    Instant now = clock.instant();
    List<Event> events = new ArrayList<>();
    events.add(new AnswerAnalysed(command.questionId(), command.analysis(), command.engine(), now));
    // A client-paced interview has moved on already, or will when its client says so.
    boolean answeredCurrent = state.status() == Status.IN_PROGRESS && !state.context().clientPaced()
        && state.currentQuestion().id().equals(command.questionId());
    Question followUp = answeredCurrent ? followUp(state, command.analysis()) : null;
    if (followUp != null) {
      events.add(new FollowUpAdded(followUp, command.analysis().followUpReason(), now));
      events.add(new QuestionAsked(state.askedCount(), followUp.id(), command.acknowledgement(), now));
    } else if (answeredCurrent && state.askedCount() < state.questions().size()) {
      Question next = state.questions().get(state.askedCount());
      events.add(new QuestionAsked(state.askedCount(), next.id(), command.acknowledgement(), now));
    } else if (answeredCurrent) {
      events.add(new InterviewEnding(EndReason.ALL_ANSWERED, now));
    }
    PersistStep step = PersistStep.begin("analysis");
    return Effect().persist(events).thenRun(newState -> {
      step.commit();
      publish(newState, events.size());
      if (newState.status() == Status.FINISHING) {
        stopClocks();
        startReportWhenReady(newState);
      }
    });
  }

  /** The follow-up a thin answer to a planned question earns, when the session asks follow-ups at all. */
  private static Question followUp(State state, AnswerAnalysis analysis) {
    Question current = state.currentQuestion();
    long asked = state.questions().stream().filter(q -> q.id().endsWith(FOLLOW_UP_SUFFIX)).count();
    if (!state.context().followUps() || analysis.followUp() == null || analysis.followUp().isBlank()
        || current.id().endsWith(FOLLOW_UP_SUFFIX) || asked >= state.context().followUpLimit()) {
      return null;
    }
    return new Question(current.id() + FOLLOW_UP_SUFFIX, analysis.followUp(), current.type(), current.difficulty(),
        current.estimatedTime(), current.topic());
  }

  private Effect<Event, State> beginEnding(State state, EndReason reason, ActorRef<Reply> replyTo) {
    touch();
    // A session reloaded after its deadline ends at the deadline, not at the moment it was reloaded.
    Instant at = reason == EndReason.TIME_UP ? earliest(clock.instant(), deadline(state)) : clock.instant();
    var persisted = Effect().persist(new InterviewEnding(reason, at))
        .thenRun(newState -> {
          stopClocks();
          publish(newState, 1);
          startReportWhenReady(newState);
        });
    return replyTo == null ? persisted : persisted.thenReply(replyTo, newState -> new Accepted(view(newState)));
  }

  private Effect<Event, State> onReportReady(State state, ReportReady command) {
    taskDone(SessionTasks.REPORT);
    return Effect().persist(new InterviewCompleted(command.report(), command.engine(), clock.instant()))
        .thenRun(newState -> {
          publish(newState, 1);
          passivateSoonIfEnded(newState);
        });
  }

  private Effect<Event, State> onSubscribe(State state, Subscribe command) {
    touch();
    Long subscribedAt = subscribers.putIfAbsent(command.subscriber(), state.lastSeq());
    if (subscribedAt == null) {
      subscribedAt = state.lastSeq();
      context.watchWith(command.subscriber(), new SubscriberGone(command.subscriber()));
    }
    if (command.afterSeq() != null) {
      updatesAfter(state, command.afterSeq(), command.subscriber()::tell);
    }
    // A subscriber subscribed already (a copy of a retried ask, a connection subscribing again) has been sent the
    // updates since, and the reply can overtake them on the way: Pekko keeps the order of one sender's messages to
    // one receiver, and the reply goes to another. Were it told of the newest event, it would drop those.
    return Effect().reply(command.replyTo(), new Subscription(subscribedAt, context.getSelf()));
  }

  private Effect<Event, State> onWorkFailed(State state, WorkFailed command) {
    runningTasks.remove(command.task());
    if (!taskWork.owed(state).contains(command.task())) {
      // Work nobody waits for any more (a replaced recording, a line already past): no retry, no notice.
      failures.remove(command.task());
      return Effect().none();
    }
    int failed = failures.merge(command.task(), 1, Integer::sum);
    context.getLog().warn("Session {}: {} failed ({} of {} attempts): {}", sessionId, command.task(), failed,
        settings.workerRetries() + 1, command.reason());
    if (failed <= settings.workerRetries()) {
      Duration backoff = settings.workerBackoff().multipliedBy(1L << Math.min(failed - 1, 6));
      timers.startSingleTimer("retry-" + command.task(), new RetryWork(command.task()), backoff);
    } else {
      String retry = command.task().startsWith(SessionTasks.TRANSCRIBE)
          ? "Please record your answer again." : "It is tried again when you reconnect or ask for the status.";
      SessionProblem.Work work = SessionTasks.workOf(command.task());
      notifySubscribers(new SessionProblem(work, "Candor could not finish " + work.description() + ": " + command.reason()
          + ". " + retry, true, view(state)));
      failures.remove(command.task());
    }
    return Effect().none();
  }

  private Effect<Event, State> onTick(State state, Tick tick) {
    Instant now = clock.instant();
    if (idleLimitPassed(state, now)) {
      Instant at = earliest(now, state.lastEventAt().plus(settings.idleTimeout()));
      return Effect().persist(new SessionAbandoned(at)).thenRun(newState -> {
        stopClocks();
        publish(newState, 1);
        passivateSoonIfEnded(newState);
      });
    }
    if (subscribers.isEmpty() && runningTasks.isEmpty() && shard != null) {
      if (!now.isBefore(lastTouched.plus(passivateAfter(state)))) {
        shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
      } else {
        passivateSoonIfEnded(state);
      }
    }
    return Effect().none();
  }

  private Duration passivateAfter(State state) {
    return ended(state) ? settings.passivateEndedAfter() : settings.passivateAfter();
  }

  private static boolean ended(State state) {
    return state.status() == Status.COMPLETED || state.status() == Status.ABANDONED;
  }

  /**
   * An ended interview has nothing left to do. Alone, it leaves memory soon rather than at the next idle tick,
   * which also has its shard forget it: a remembered session is started again wherever its shard goes when a node
   * dies, and the ended ones would be recovered there beside the interviews still running.
   */
  private void passivateSoonIfEnded(State state) {
    if (ended(state) && subscribers.isEmpty() && shard != null) {
      Duration wait = Duration.between(clock.instant(), lastTouched.plus(settings.passivateEndedAfter()));
      timers.startSingleTimer(PASSIVATE_WHEN_ENDED, Tick.INSTANCE, wait.isNegative() ? Duration.ZERO : wait);
    }
  }

  private Effect<Event, State> unload() {
    if (shard == null) {
      return Effect().stop();
    }
    shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
    return Effect().none();
  }

  private Effect<Event, State> reject(ActorRef<Reply> replyTo, Rejection reason, String message) {
    return Effect().reply(replyTo, new Rejected(reason, message));
  }

  // ---- events ----

  @Override
  public EventHandler<State, Event> eventHandler() {
    return newEventHandlerBuilder().forAnyState().onAnyEvent(State::apply);
  }

  // ---- side effects ----

  private SessionView view(State state) {
    return SessionView.of(sessionId, state, taskWork.voiced(state));
  }

  /** Tells subscribers of the newest events, and has the spoken ones (questions, the closing) voiced. */
  private void publish(State state, int newEvents) {
    long total = state.lastSeq();
    tellSubscribers(state, total - newEvents);
    if (taskWork.voiced(state) && state.lastSpokenSeq() > total - newEvents) {
      startTask(state, SessionTasks.SPEAK + state.lastSpokenSeq());
    }
  }

  private void tellSubscribers(State state, long afterSeq) {
    if (!subscribers.isEmpty()) {
      updatesAfter(state, afterSeq, this::notifySubscribers);
    }
    toldSeq = state.lastSeq();
  }

  /**
   * The updates numbered above {@code afterSeq}. Only the recent events are kept: one further behind gets those, and
   * each carries the view as it stands now, which is what every dialect renders from.
   */
  private void updatesAfter(State state, long afterSeq, Consumer<SessionUpdate> to) {
    if (afterSeq >= state.lastSeq()) {
      return;
    }
    SessionView view = view(state);
    for (long seq = Math.max(afterSeq + 1, state.firstRecentSeq()); seq <= state.lastSeq(); seq++) {
      to.accept(new SessionUpdate(seq, state.recentEvent(seq), view));
    }
  }

  private void notifySubscribers(Notification notification) {
    subscribers.keySet().forEach(s -> s.tell(notification));
  }

  private void touch() {
    lastTouched = clock.instant();
  }

  /**
   * After recovery, a reconnect or a status request: restart whatever has no result yet, and re-arm the
   * time budget. A session reloaded after both limits passed gets the one that came first.
   */
  private void resumeWork(State state) {
    taskWork.owed(state).forEach(task -> startTask(state, task));
    if (state.status() != Status.IN_PROGRESS) {
      return;
    }
    Instant now = clock.instant();
    if (idleLimitPassed(state, now) && state.lastEventAt().plus(settings.idleTimeout()).isBefore(deadline(state))) {
      context.getSelf().tell(Tick.INSTANCE);
    } else {
      armClocks(state);
    }
  }

  private boolean idleLimitPassed(State state, Instant now) {
    // A client-paced interview left after its creation or setup is abandoned like one left mid-way.
    boolean running = state.status() == Status.CREATED || state.status() == Status.PLANNING
        || state.status() == Status.READY || state.status() == Status.IN_PROGRESS;
    return running && state.lastEventAt() != null && !now.isBefore(state.lastEventAt().plus(settings.idleTimeout()));
  }

  private static Instant deadline(State state) {
    Duration budget = Duration.ofMillis(Math.round(state.context().preferences().maxDurationMinutes() * 60_000));
    return state.startedAt().plus(budget);
  }

  /** The time budget's end, and the next time the subscribers are told the time left, when the context asks for it. */
  private void armClocks(State state) {
    if (state.startedAt() == null) {
      return;
    }
    Duration left = Duration.between(clock.instant(), deadline(state));
    timers.startSingleTimer(TimeUp.INSTANCE, left.isNegative() ? Duration.ZERO : left);
    armTelling(state);
  }

  /** The ticks fall on whole multiples of the interval after the start, so late timers never add up to drift. */
  private void armTelling(State state) {
    Integer every = state.context().clockSeconds();
    if (every == null || every <= 0 || state.status() != Status.IN_PROGRESS) {
      return;
    }
    long intervalMillis = every * 1000L;
    long elapsed = Math.max(0, Duration.between(state.startedAt(), clock.instant()).toMillis());
    long next = (elapsed / intervalMillis + 1) * intervalMillis;
    timers.startSingleTimer(TellTime.INSTANCE, Duration.ofMillis(next - elapsed));
  }

  private Effect<Event, State> onTellTime(State state, TellTime tell) {
    if (!subscribers.isEmpty()) {
      long left = Math.max(0, Math.round(Duration.between(clock.instant(), deadline(state)).toMillis() / 1000.0));
      notifySubscribers(new ClockTick(left, view(state)));
    }
    armTelling(state);
    return Effect().none();
  }

  private void stopClocks() {
    timers.cancel(TimeUp.INSTANCE);
    timers.cancel(TellTime.INSTANCE);
  }

  private void startReportWhenReady(State state) {
    if (SessionTasks.reportDue(state)) {
      startTask(state, SessionTasks.REPORT);
    }
  }

  /** Spawns the worker for a task unless one is already running; its result comes back as a command. */
  private void startTask(State state, String task) {
    if (!runningTasks.add(task)) {
      return;
    }
    Supplier<Command> work = taskWork.work(state, task);
    boolean speechTask = SessionTasks.isSpeech(task);
    context.spawnAnonymous(InterviewerWorker.create(context.getSelf(), task, work,
        speechTask ? settings.speechTimeout() : settings.workerTimeout(),
        speechTask ? InterviewerWorker.SPEECH_DISPATCHER : InterviewerWorker.DISPATCHER));
  }

  private void taskDone(String task) {
    runningTasks.remove(task);
    failures.remove(task);
    timers.cancel("retry-" + task);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Instant earliest(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

}
