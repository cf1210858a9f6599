package dev.candor.session;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Interviewer;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.Resume;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.apache.pekko.persistence.typed.PersistenceId;
import org.apache.pekko.persistence.typed.RecoveryCompleted;
import org.apache.pekko.persistence.typed.javadsl.CommandHandler;
import org.apache.pekko.persistence.typed.javadsl.CommandHandlerBuilder;
import org.apache.pekko.persistence.typed.javadsl.Effect;
import org.apache.pekko.persistence.typed.javadsl.EventHandler;
import org.apache.pekko.persistence.typed.javadsl.EventSourcedBehavior;
import org.apache.pekko.persistence.typed.javadsl.RetentionCriteria;
import org.apache.pekko.persistence.typed.javadsl.SignalHandler;

/**
 * One interview, as a sharded event-sourced actor. It owns the questions, the answers and their
 * analyses; every contract's connection talks to it and renders what it pushes. Work that may block
 * (planning, analysis, the report) runs in child workers whose results come back as commands and are
 * persisted before anyone hears of them.
 *
 * <p>Lifecycle: NEW → (Start) PLANNING → (plan ready) IN_PROGRESS, one question asked at a time →
 * (all answered, candidate ends, or time up) FINISHING → (report ready) COMPLETED. An interview with no
 * events for {@code idle-timeout} becomes ABANDONED. A client-paced interview (seed 003) waits for its client at
 * each step: NEW → (Start) CREATED → (Plan) PLANNING → (plan ready) READY → (Begin) IN_PROGRESS, where each
 * question follows the client's Advance rather than the previous answer's analysis.
 */
public final class InterviewSession extends EventSourcedBehavior<InterviewSession.Command, InterviewSession.Event, InterviewSession.State> {

  public static final EntityTypeKey<Command> TYPE_KEY = EntityTypeKey.create(Command.class, "InterviewSession");

  public enum Status { NEW, CREATED, PLANNING, READY, IN_PROGRESS, FINISHING, COMPLETED, ABANDONED }

  public enum EndReason { ALL_ANSWERED, ENDED_BY_CANDIDATE, TIME_UP }

  public enum RecordingProblem { EMPTY, INVALID, UNSUPPORTED, TOO_LARGE }

  public enum Rejection {
    NOT_STARTED, STILL_PLANNING, CONTEXT_MISMATCH, FINISHED, ABANDONED,
    UNKNOWN_QUESTION, NOT_CURRENT_QUESTION, ALREADY_ANSWERED, NOT_SPOKEN,
    /** A new interview refused because the node that holds it is at capacity ({@link Admission}). */
    BUSY,
    /** Client-paced steps out of order: planned twice, begun before its plan or twice, advanced by another client. */
    ALREADY_PLANNED, NOT_PLANNED, ALREADY_BEGUN, NOT_CLIENT_PACED
  }

  /**
   * Everything an interview is planned from; fixed once the session has started.
   *
   * @param voice the voice the interviewer speaks in ("female", "male", or a provider's voice); null for an
   *     interview held in text only
   * @param followUps whether a thin answer to a planned question gets a follow-up question (the
   *     conversational voice loop); contracts with a fixed list of questions leave it off
   * @param questionCount how many questions to plan; null for the node's setting
   * @param clientPaced whether the client moves the interview on (see the lifecycle above); the voice is then the
   *     one the client chose at Begin, and the client fetches each line's audio itself, so the session speaks nothing
   */
  public record SessionContext(String candidateId, String jobId, Resume resume, JobPosting job,
      InterviewPreferences preferences, String voice, boolean followUps, Integer questionCount, boolean clientPaced) {

    public SessionContext(String candidateId, String jobId, Resume resume, JobPosting job, InterviewPreferences preferences) {
      this(candidateId, jobId, resume, job, preferences, null, false);
    }

    public SessionContext(String candidateId, String jobId, Resume resume, JobPosting job, InterviewPreferences preferences,
        String voice, boolean followUps) {
      this(candidateId, jobId, resume, job, preferences, voice, followUps, null, false);
    }

    /** An interview that its client paces, of {@code questionCount} questions. */
    public static SessionContext clientPaced(String candidateId, String jobId, Resume resume, JobPosting job,
        InterviewPreferences preferences, int questionCount) {
      return new SessionContext(candidateId, jobId, resume, job, preferences, null, false, questionCount, true);
    }

    SessionContext withVoice(String newVoice) {
      return new SessionContext(candidateId, jobId, resume, job, preferences, newVoice, followUps, questionCount, clientPaced);
    }
  }

  /** Follow-up questions are numbered after the question they follow, so they are told apart by id. */
  public static final String FOLLOW_UP_SUFFIX = "_followup";

  /** A long interview of thin answers is not turned into twice as many questions. */
  static final int MAX_FOLLOW_UPS = 3;

  /** A recording waiting to be transcribed; its bytes are in the audio store under {@code recordingId}. */
  public record PendingRecording(String recordingId, String questionId, String format) {}

  public record RecordedAnswer(String answerId, String questionId, String text, Double durationSeconds, Instant at) {}

  // ---- commands ----

  public sealed interface Command extends CborSerializable {}

  public record Start(SessionContext context, ActorRef<Reply> replyTo) implements Command {}

  /** {@code answerId} may be null (the session assigns one); {@code questionId} null means the current question. */
  public record SubmitAnswer(String answerId, String questionId, String text, Double durationSeconds, ActorRef<Reply> replyTo)
      implements Command {}

  /**
   * A spoken answer, already in the audio store under {@code recordingId}; {@code questionId} null means the
   * current question. A newer recording for the same question replaces one still being transcribed.
   */
  public record SubmitRecording(String recordingId, String questionId, String format, ActorRef<Reply> replyTo)
      implements Command {}

  public record End(ActorRef<Reply> replyTo) implements Command {}

  /** A client-paced interview's setup: its questions are planned; replied once planning has begun. */
  public record Plan(ActorRef<Reply> replyTo) implements Command {}

  /** A client-paced interview's first question is asked, by the interviewer speaking in {@code voice}. */
  public record Begin(String voice, ActorRef<Reply> replyTo) implements Command {}

  /**
   * A client-paced interview moves past its current question, answered or not (the client's "answer complete" or
   * "skip"); {@code questionId} null means the current one. Its answer, if any, is analysed whenever it is ready.
   */
  public record Advance(String questionId, ActorRef<Reply> replyTo) implements Command {}

  public record GetStatus(ActorRef<SessionView> replyTo) implements Command {}

  /** Every answer so far, with its analysis: what a contract that shows answers one by one reads. */
  public record GetAnswers(ActorRef<Answers> replyTo) implements Command {}

  /**
   * @param answers by question id
   * @param analyses by question id, for the answers analysed so far
   * @param transcribing the ids of questions whose recording is still being transcribed
   */
  public record Answers(Map<String, RecordedAnswer> answers, Map<String, AnswerAnalysis> analyses, Set<String> transcribing)
      implements CborSerializable {

    public Answers {
      answers = Map.copyOf(answers);
      analyses = Map.copyOf(analyses);
      transcribing = Set.copyOf(transcribing);
    }
  }

  /**
   * Registers a subscriber for notifications. With {@code afterSeq} set, every update numbered above it is
   * sent first; with null, only updates from now on.
   */
  public record Subscribe(ActorRef<Notification> subscriber, Long afterSeq, ActorRef<Subscription> replyTo) implements Command {}

  /**
   * The answer to a subscription: the number of the session's newest event, which the subscriber has now seen,
   * and the session itself, to watch: subscriptions live as long as the session's incarnation does.
   */
  public record Subscription(long lastSeq, ActorRef<Command> session) implements CborSerializable {}

  public record Unsubscribe(ActorRef<Notification> subscriber) implements Command {}

  /** {@code engine}: who did the work (see {@link dev.candor.interview.Attributed}); it is persisted with the result. */
  public record PlanReady(List<Question> questions, String engine) implements Command {}

  public record AnalysisReady(String questionId, AnswerAnalysis analysis, String acknowledgement, String engine)
      implements Command {}

  public record ReportReady(Report report, String engine) implements Command {}

  public record TranscriptReady(String recordingId, String questionId, String text, double durationSeconds) implements Command {}

  /** A recording that cannot become an answer (nothing audible, not audio, unsupported); the question stays open. */
  public record RecordingFailed(String recordingId, String questionId, RecordingProblem problem, String message)
      implements Command {}

  public record SpeechReady(long seq, String audioId, String contentType) implements Command {}

  /** The voice refused a line (a bad voice name, a refused key): retrying will not help; the text stands. */
  public record SpeechRefused(long seq, String reason) implements Command {}

  public record WorkFailed(String task, String reason) implements Command {}

  public record RetryWork(String task) implements Command {}

  public record SubscriberGone(ActorRef<Notification> subscriber) implements Command {}

  public enum TimeUp implements Command { INSTANCE }

  /** Periodic check for abandonment and passivation. */
  public enum Tick implements Command { INSTANCE }

  /** Sharding's stop message after a passivation request. */
  public enum Passivate implements Command { INSTANCE }

  // ---- replies ----

  public sealed interface Reply extends CborSerializable {}

  public record Accepted(SessionView view) implements Reply {}

  public record AnswerAccepted(String answerId, String questionId, boolean duplicate) implements Reply {}

  public record RecordingAccepted(String recordingId, String questionId) implements Reply {}

  public record Rejected(Rejection reason, String message) implements Reply {}

  // ---- events ----

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "event")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = ContextSet.class, name = "context-set"),
      @JsonSubTypes.Type(value = QuestionsPlanned.class, name = "questions-planned"),
      @JsonSubTypes.Type(value = QuestionAsked.class, name = "question-asked"),
      @JsonSubTypes.Type(value = AnswerRecorded.class, name = "answer-recorded"),
      @JsonSubTypes.Type(value = AnswerAnalysed.class, name = "answer-analysed"),
      @JsonSubTypes.Type(value = InterviewEnding.class, name = "interview-ending"),
      @JsonSubTypes.Type(value = InterviewCompleted.class, name = "interview-completed"),
      @JsonSubTypes.Type(value = SessionAbandoned.class, name = "session-abandoned"),
      @JsonSubTypes.Type(value = RecordingReceived.class, name = "recording-received"),
      @JsonSubTypes.Type(value = RecordingUnusable.class, name = "recording-unusable"),
      @JsonSubTypes.Type(value = UtteranceSpoken.class, name = "utterance-spoken"),
      @JsonSubTypes.Type(value = FollowUpAdded.class, name = "follow-up-added"),
      @JsonSubTypes.Type(value = PlanningRequested.class, name = "planning-requested"),
      @JsonSubTypes.Type(value = InterviewBegun.class, name = "interview-begun")
  })
  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  public record ContextSet(SessionContext context, Instant at) implements Event {}

  /** A client-paced interview's client asked for its questions. */
  public record PlanningRequested(Instant at) implements Event {}

  /** A client-paced interview's client began it, choosing the interviewer's voice. */
  public record InterviewBegun(String voice, Instant at) implements Event {}

  /** {@code engine}: who wrote the questions; null in events from before it was recorded. */
  public record QuestionsPlanned(List<Question> questions, String engine, Instant at) implements Event {}

  /** {@code acknowledgement} is the interviewer's remark on the previous answer; null for the first question. */
  public record QuestionAsked(int index, String questionId, String acknowledgement, Instant at) implements Event {}

  public record AnswerRecorded(RecordedAnswer answer, Instant at) implements Event {}

  public record AnswerAnalysed(String questionId, AnswerAnalysis analysis, String engine, Instant at) implements Event {}

  public record InterviewEnding(EndReason reason, Instant at) implements Event {}

  public record InterviewCompleted(Report report, String engine, Instant at) implements Event {}

  public record SessionAbandoned(Instant at) implements Event {}

  public record RecordingReceived(PendingRecording recording, Instant at) implements Event {}

  public record RecordingUnusable(String recordingId, String questionId, RecordingProblem problem, String message, Instant at)
      implements Event {}

  /** A follow-up question, put right after the current one (and asked next). */
  public record FollowUpAdded(Question question, Instant at) implements Event {}

  /** The words of event number {@code seq} (see {@link SpokenText}) are spoken in audio {@code audioId}. */
  public record UtteranceSpoken(long seq, String audioId, String contentType, Instant at) implements Event {}

  // ---- state ----

  /** How many of the newest events a session keeps to replay to a client that missed them. */
  static final int REPLAY_WINDOW = 16;

  /**
   * @param askedCount how many questions have been asked; the current question is the last one asked
   * @param lastSeq the number of the newest event (events are numbered from 1 in the journal's order)
   * @param recent the newest events, at most {@link #REPLAY_WINDOW}, the last one numbered {@code lastSeq}:
   *     what a reconnecting subscriber is sent (the journal keeps the rest)
   * @param lastSpokenSeq the number of the newest event that is spoken aloud (a question asked, the ending), or 0
   * @param lastSpoken that event, or null
   */
  public record State(
      Status status,
      SessionContext context,
      List<Question> questions,
      int askedCount,
      Map<String, RecordedAnswer> answers,
      Map<String, AnswerAnalysis> analyses,
      String lastAcknowledgement,
      EndReason endReason,
      Report report,
      Instant startedAt,
      Instant endedAt,
      Instant lastEventAt,
      long lastSeq,
      List<Event> recent,
      long lastSpokenSeq,
      Event lastSpoken,
      Map<String, PendingRecording> recordings,
      Map<Long, UtteranceSpoken> spoken) implements CborSerializable {

    public State {
      questions = List.copyOf(questions);
      answers = Map.copyOf(answers);
      analyses = Map.copyOf(analyses);
      recent = recent == null ? List.of() : List.copyOf(recent);
      recordings = recordings == null ? Map.of() : Map.copyOf(recordings);
      spoken = spoken == null ? Map.of() : Map.copyOf(spoken);
    }

    public static State empty() {
      return new State(Status.NEW, null, List.of(), 0, Map.of(), Map.of(), null, null, null, null, null, null, 0, List.of(),
          0, null, Map.of(), Map.of());
    }

    /** Event number {@code seq} while it is among the recent ones, else null. */
    public Event recentEvent(long seq) {
      long first = lastSeq - recent.size() + 1;
      return seq < first || seq > lastSeq ? null : recent.get((int) (seq - first));
    }

    /** The number of the oldest event still kept for replay. */
    public long firstRecentSeq() {
      return lastSeq - recent.size() + 1;
    }

    public Question currentQuestion() {
      return askedCount == 0 ? null : questions.get(askedCount - 1);
    }

    public Question question(String id) {
      return questions.stream().filter(q -> q.id().equals(id)).findFirst().orElse(null);
    }

    /** Whether question {@code id} has been put to the candidate (the current one included). */
    public boolean asked(String id) {
      return questions.subList(0, askedCount).stream().anyMatch(q -> q.id().equals(id));
    }

    public boolean hasAnswerId(String answerId) {
      return answers.values().stream().anyMatch(a -> a.answerId().equals(answerId));
    }

    public RecordedAnswer answerById(String answerId) {
      return answers.values().stream().filter(a -> a.answerId().equals(answerId)).findFirst().orElse(null);
    }

    /** Answers recorded but not yet analysed, in question order. */
    public List<String> pendingAnalyses() {
      return questions.stream().map(Question::id)
          .filter(id -> answers.containsKey(id) && !analyses.containsKey(id)).toList();
    }

    public List<AnswerAnalysis> analysesInOrder() {
      return questions.stream().map(q -> analyses.get(q.id())).filter(Objects::nonNull).toList();
    }

    State apply(Event event) {
      State next = numbered(event);
      if (event instanceof ContextSet e) {
        return next.withStatus(e.context().clientPaced() ? Status.CREATED : Status.PLANNING).withContext(e.context());
      }
      if (event instanceof PlanningRequested) {
        return next.withStatus(Status.PLANNING);
      }
      if (event instanceof QuestionsPlanned e) {
        return next.withStatus(context.clientPaced() ? Status.READY : Status.IN_PROGRESS).withQuestions(e.questions());
      }
      if (event instanceof InterviewBegun e) {
        return next.withStatus(Status.IN_PROGRESS).withContext(context.withVoice(e.voice()));
      }
      if (event instanceof QuestionAsked e) {
        return next.withAsked(e).withSpoken(event);
      }
      if (event instanceof AnswerRecorded e) {
        return next.withAnswer(e.answer()).withoutRecording(e.answer().questionId());
      }
      if (event instanceof FollowUpAdded e) {
        List<Question> newQuestions = new ArrayList<>(questions);
        newQuestions.add(askedCount, e.question());
        return next.withQuestions(newQuestions);
      }
      if (event instanceof RecordingReceived e) {
        return next.withRecording(e.recording());
      }
      if (event instanceof RecordingUnusable e) {
        return next.withoutRecording(e.questionId());
      }
      if (event instanceof UtteranceSpoken e) {
        return next.withUtterance(e);
      }
      if (event instanceof AnswerAnalysed e) {
        return next.withAnalysis(e.questionId(), e.analysis());
      }
      if (event instanceof InterviewEnding e) {
        return next.withStatus(Status.FINISHING).withEnd(e.reason(), e.at()).withSpoken(event);
      }
      if (event instanceof InterviewCompleted e) {
        return next.withStatus(Status.COMPLETED).withReport(e.report());
      }
      if (event instanceof SessionAbandoned e) {
        return next.withStatus(Status.ABANDONED).withEnd(endReason, e.at());
      }
      throw new IllegalArgumentException("Unknown event " + event);
    }

    /** The state with {@code event} numbered as the newest one and kept for replay. */
    private State numbered(Event event) {
      List<Event> newRecent = new ArrayList<>(Math.min(recent.size() + 1, REPLAY_WINDOW));
      newRecent.addAll(recent.size() < REPLAY_WINDOW ? recent : recent.subList(1, recent.size()));
      newRecent.add(event);
      return change(c -> {
        c.lastEventAt = event.at();
        c.lastSeq = lastSeq + 1;
        c.recent = newRecent;
      });
    }

    private State withStatus(Status newStatus) {
      return change(c -> c.status = newStatus);
    }

    private State withContext(SessionContext newContext) {
      return change(c -> c.context = newContext);
    }

    private State withQuestions(List<Question> newQuestions) {
      return change(c -> c.questions = newQuestions);
    }

    private State withAsked(QuestionAsked asked) {
      return change(c -> {
        c.askedCount = asked.index() + 1;
        c.lastAcknowledgement = asked.acknowledgement();
        c.startedAt = asked.index() == 0 ? asked.at() : startedAt;
      });
    }

    /** {@code event} is the newest spoken line (it must be the newest event). */
    private State withSpoken(Event event) {
      return change(c -> {
        c.lastSpokenSeq = lastSeq;
        c.lastSpoken = event;
      });
    }

    private State withAnswer(RecordedAnswer answer) {
      return change(c -> c.answers = with(answers, answer.questionId(), answer));
    }

    private State withAnalysis(String questionId, AnswerAnalysis analysis) {
      return change(c -> c.analyses = with(analyses, questionId, analysis));
    }

    private State withRecording(PendingRecording recording) {
      return change(c -> c.recordings = with(recordings, recording.questionId(), recording));
    }

    private State withoutRecording(String questionId) {
      if (!recordings.containsKey(questionId)) {
        return this;
      }
      Map<String, PendingRecording> newRecordings = new HashMap<>(recordings);
      newRecordings.remove(questionId);
      return change(c -> c.recordings = newRecordings);
    }

    private State withUtterance(UtteranceSpoken utterance) {
      return change(c -> c.spoken = with(spoken, utterance.seq(), utterance));
    }

    private State withEnd(EndReason reason, Instant at) {
      return change(c -> {
        c.endReason = reason;
        c.endedAt = at;
      });
    }

    private State withReport(Report newReport) {
      return change(c -> c.report = newReport);
    }

    private static <K, V> Map<K, V> with(Map<K, V> map, K key, V value) {
      Map<K, V> copy = new HashMap<>(map);
      copy.put(key, value);
      return copy;
    }

    /** This state with the fields {@code edit} sets changed: the one place the record is rebuilt. */
    private State change(Consumer<Change> edit) {
      Change c = new Change(this);
      edit.accept(c);
      return new State(c.status, c.context, c.questions, c.askedCount, c.answers, c.analyses, c.lastAcknowledgement,
          c.endReason, c.report, c.startedAt, c.endedAt, c.lastEventAt, c.lastSeq, c.recent, c.lastSpokenSeq,
          c.lastSpoken, c.recordings, c.spoken);
    }

    /** The fields of a state being changed, starting from those of {@code from}. */
    private static final class Change {
      Status status;
      SessionContext context;
      List<Question> questions;
      int askedCount;
      Map<String, RecordedAnswer> answers;
      Map<String, AnswerAnalysis> analyses;
      String lastAcknowledgement;
      EndReason endReason;
      Report report;
      Instant startedAt;
      Instant endedAt;
      Instant lastEventAt;
      long lastSeq;
      List<Event> recent;
      long lastSpokenSeq;
      Event lastSpoken;
      Map<String, PendingRecording> recordings;
      Map<Long, UtteranceSpoken> spoken;

      Change(State from) {
        status = from.status;
        context = from.context;
        questions = from.questions;
        askedCount = from.askedCount;
        answers = from.answers;
        analyses = from.analyses;
        lastAcknowledgement = from.lastAcknowledgement;
        endReason = from.endReason;
        report = from.report;
        startedAt = from.startedAt;
        endedAt = from.endedAt;
        lastEventAt = from.lastEventAt;
        lastSeq = from.lastSeq;
        recent = from.recent;
        lastSpokenSeq = from.lastSpokenSeq;
        lastSpoken = from.lastSpoken;
        recordings = from.recordings;
        spoken = from.spoken;
      }
    }
  }

  // ---- wiring ----

  /**
   * Registers the entity with cluster sharding on this node.
   *
   * @param speech null on a node that holds interviews in text only
   */
  public static void init(ActorSystem<?> system, Interviewer interviewer, SpeechServices speech, SessionSettings settings) {
    ClusterSharding.get(system).init(
        Entity.of(TYPE_KEY, entityContext -> create(entityContext.getEntityId(), interviewer, speech, settings,
                Clock.systemUTC(), entityContext.getShard()))
            .withStopMessage(Passivate.INSTANCE));
  }

  /** A session without speech. */
  public static Behavior<Command> create(String sessionId, Interviewer interviewer, SessionSettings settings, Clock clock,
      ActorRef<ClusterSharding.ShardCommand> shard) {
    return create(sessionId, interviewer, null, settings, clock, shard);
  }

  /** @param shard where passivation is requested; null outside sharding (tests) */
  public static Behavior<Command> create(String sessionId, Interviewer interviewer, SpeechServices speech,
      SessionSettings settings, Clock clock, ActorRef<ClusterSharding.ShardCommand> shard) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers ->
        new InterviewSession(sessionId, interviewer, speech, settings, clock, shard, context, timers)));
  }

  private final String sessionId;
  /** Null on a node without speech: recordings are refused and nothing is spoken. */
  private final SpeechServices speech;
  private final SessionSettings settings;
  private final Clock clock;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final ActorContext<Command> context;
  private final TimerScheduler<Command> timers;
  // Runtime only, never persisted: who listens, which workers run, and how often each task has failed.
  private final Set<ActorRef<Notification>> subscribers = new HashSet<>();
  private final RunningTasks runningTasks;
  private final SessionTasks taskWork;
  private final Map<String, Integer> failures = new HashMap<>();
  private Instant lastTouched;

  private InterviewSession(String sessionId, Interviewer interviewer, SpeechServices speech, SessionSettings settings, Clock clock,
      ActorRef<ClusterSharding.ShardCommand> shard, ActorContext<Command> context, TimerScheduler<Command> timers) {
    super(PersistenceId.of(TYPE_KEY.name(), sessionId),
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
          Duration tick = min(settings.idleTimeout(), settings.passivateAfter()).dividedBy(4);
          timers.startTimerWithFixedDelay(Tick.INSTANCE, tick.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : tick);
          resumeWork(state);
        })
        // Workers still running for a stopped session will never be counted back.
        .onSignal(PostStop.instance(), state -> runningTasks.clear())
        .build();
  }

  // ---- command handling ----

  @Override
  public CommandHandler<Command, Event, State> commandHandler() {
    CommandHandlerBuilder<Command, Event, State> builder = newCommandHandlerBuilder();

    // Not begun: a new session, and a client-paced one created or set up but not yet begun.
    builder.forState(s -> s.status() == Status.NEW || s.status() == Status.CREATED || s.status() == Status.READY)
        .onCommand(Start.class, (s, c) -> s.status() == Status.NEW ? onStart(s, c) : onStartAgain(s, c))
        .onCommand(Plan.class, (s, c) -> s.status() == Status.CREATED ? onPlan(c) : refuseStep(s, c, c.replyTo()))
        .onCommand(Begin.class, (s, c) -> s.status() == Status.READY ? onBegin(s, c) : refuseStep(s, c, c.replyTo()))
        .onCommand(SubmitAnswer.class, (s, c) -> reject(c.replyTo(), Rejection.NOT_STARTED,
            "The interview has not started: start it before answering"))
        .onCommand(SubmitRecording.class, (s, c) -> reject(c.replyTo(), Rejection.NOT_STARTED,
            "The interview has not started: start it before answering"))
        .onCommand(End.class, (s, c) -> reject(c.replyTo(), Rejection.NOT_STARTED,
            "The interview has not started, so there is nothing to end"));

    builder.forState(s -> s.status() == Status.PLANNING)
        .onCommand(Start.class, this::onStartAgain)
        .onCommand(PlanReady.class, this::onPlanReady)
        .onCommand(SubmitAnswer.class, (s, c) -> reject(c.replyTo(), Rejection.STILL_PLANNING,
            "The questions are still being prepared; answer once the first question has been asked"))
        .onCommand(SubmitRecording.class, (s, c) -> reject(c.replyTo(), Rejection.STILL_PLANNING,
            "The questions are still being prepared; answer once the first question has been asked"))
        .onCommand(End.class, (s, c) -> reject(c.replyTo(), Rejection.STILL_PLANNING,
            "The questions are still being prepared; the interview can be ended once it has begun"));

    builder.forState(s -> s.status() == Status.IN_PROGRESS)
        .onCommand(Start.class, this::onStartAgain)
        .onCommand(SubmitAnswer.class, this::onAnswer)
        .onCommand(SubmitRecording.class, this::onRecording)
        .onCommand(TranscriptReady.class, this::onTranscript)
        .onCommand(RecordingFailed.class, this::onRecordingFailed)
        .onCommand(AnalysisReady.class, this::onAnalysisReady)
        .onCommand(Advance.class, this::onAdvance)
        .onCommand(End.class, (s, c) -> beginEnding(s, EndReason.ENDED_BY_CANDIDATE, c.replyTo()))
        .onCommand(TimeUp.class, (s, c) -> beginEnding(s, EndReason.TIME_UP, null));

    builder.forState(s -> s.status() == Status.FINISHING)
        .onCommand(Start.class, this::onStartAgain)
        .onCommand(SubmitAnswer.class, (s, c) -> duplicateOr(s, c, () -> reject(c.replyTo(), Rejection.FINISHED,
            "The interview is over; no more answers are taken")))
        .onCommand(SubmitRecording.class, (s, c) -> reject(c.replyTo(), Rejection.FINISHED,
            "The interview is over; no more answers are taken"))
        // An answer recorded before the end still counts: the report waits for it.
        .onCommand(TranscriptReady.class, this::onTranscript)
        .onCommand(RecordingFailed.class, this::onRecordingFailed)
        .onCommand(AnalysisReady.class, this::onAnalysisReady)
        .onCommand(ReportReady.class, this::onReportReady)
        .onCommand(End.class, (s, c) -> Effect().reply(c.replyTo(), new Accepted(view(s))));

    builder.forState(s -> s.status() == Status.COMPLETED)
        .onCommand(Start.class, this::onStartAgain)
        .onCommand(SubmitAnswer.class, (s, c) -> duplicateOr(s, c, () -> reject(c.replyTo(), Rejection.FINISHED,
            "This interview has already ended")))
        .onCommand(SubmitRecording.class, (s, c) -> reject(c.replyTo(), Rejection.FINISHED, "This interview has already ended"))
        .onCommand(End.class, (s, c) -> Effect().reply(c.replyTo(), new Accepted(view(s))));

    builder.forState(s -> s.status() == Status.ABANDONED)
        .onCommand(Start.class, (s, c) -> reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity; start a new session"))
        .onCommand(SubmitAnswer.class, (s, c) -> reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity; start a new session"))
        .onCommand(SubmitRecording.class, (s, c) -> reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity; start a new session"))
        .onCommand(End.class, (s, c) -> reject(c.replyTo(), Rejection.ABANDONED,
            "This interview was abandoned after a period of inactivity"));

    builder.forAnyState()
        .onCommand(GetStatus.class, (s, c) -> {
          touch();
          resumeWork(s);
          return Effect().reply(c.replyTo(), view(s));
        })
        .onCommand(GetAnswers.class, (s, c) -> {
          touch();
          return Effect().reply(c.replyTo(), new Answers(s.answers(), s.analyses(), s.recordings().keySet()));
        })
        .onCommand(Subscribe.class, this::onSubscribe)
        .onCommand(Unsubscribe.class, (s, c) -> {
          subscribers.remove(c.subscriber());
          context.unwatch(c.subscriber());
          return Effect().none();
        })
        .onCommand(SubscriberGone.class, (s, c) -> {
          subscribers.remove(c.subscriber());
          return Effect().none();
        })
        .onCommand(Plan.class, (s, c) -> refuseStep(s, c, c.replyTo()))
        .onCommand(Begin.class, (s, c) -> refuseStep(s, c, c.replyTo()))
        .onCommand(Advance.class, (s, c) -> refuseStep(s, c, c.replyTo()))
        .onCommand(WorkFailed.class, this::onWorkFailed)
        .onCommand(RetryWork.class, (s, c) -> {
          if (taskWork.owed(s).contains(c.task())) {
            startTask(s, c.task());
          }
          return Effect().none();
        })
        .onCommand(Tick.class, this::onTick)
        .onCommand(Passivate.class, (s, c) -> Effect().stop())
        // Results and timers that arrive after the state moved on (late worker, stale timer) change nothing.
        .onCommand(PlanReady.class, (s, c) -> lateResult(SessionTasks.PLAN))
        .onCommand(AnalysisReady.class, (s, c) -> lateResult(SessionTasks.ANALYSE + c.questionId()))
        .onCommand(ReportReady.class, (s, c) -> lateResult(SessionTasks.REPORT))
        .onCommand(TranscriptReady.class, (s, c) -> lateResult(SessionTasks.TRANSCRIBE + c.recordingId()))
        .onCommand(RecordingFailed.class, (s, c) -> lateResult(SessionTasks.TRANSCRIBE + c.recordingId()))
        .onCommand(SpeechReady.class, this::onSpeechReady)
        .onCommand(SpeechRefused.class, (s, c) -> {
          taskDone(SessionTasks.SPEAK + c.seq());
          notifySubscribers(new SessionProblem(SessionProblem.Work.SPEECH, "The interviewer's line could not be spoken: " + c.reason(), true, view(s)));
          return Effect().none();
        })
        .onCommand(TimeUp.class, (s, c) -> Effect().none());

    return builder.build();
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
          armTimeUp(newState);
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
          armTimeUp(newState);
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
            timers.cancel(TimeUp.INSTANCE);
            startReportWhenReady(newState);
          }
        })
        .thenReply(command.replyTo(), newState -> new Accepted(view(newState)));
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
      if (earlier != null && earlier.text().equals(command.text())) {
        // The same words for the same question: a resend from a client that never heard it was taken.
        return Effect().reply(command.replyTo(), new AnswerAccepted(earlier.answerId(), questionId, true));
      }
      if (earlier != null) {
        return reject(command.replyTo(), Rejection.ALREADY_ANSWERED, "Question " + questionId + " has already been answered"
            + (state.analyses().containsKey(questionId) ? "" : "; its analysis is on the way"));
      }
      if (!questionId.equals(current.id())) {
        return reject(command.replyTo(), Rejection.NOT_CURRENT_QUESTION,
            "Question " + questionId + " has not been asked yet; the current question is " + current.id());
      }
      String answerId = command.answerId() != null ? command.answerId() : UUID.randomUUID().toString();
      Instant now = clock.instant();
      RecordedAnswer answer = new RecordedAnswer(answerId, questionId, Objects.requireNonNullElse(command.text(), ""),
          command.durationSeconds(), now);
      return Effect().persist(new AnswerRecorded(answer, now))
          .thenRun(newState -> {
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
    return Effect().persist(new RecordingReceived(recording, clock.instant()))
        .thenRun(newState -> {
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
    return Effect().persist(new AnswerRecorded(answer, now))
        .thenRun(newState -> {
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
    return Effect().persist(new UtteranceSpoken(command.seq(), command.audioId(), command.contentType(), clock.instant()))
        .thenRun(newState -> publish(newState, 1));
  }

  /** A resubmission with a known answer id is acknowledged again and changes nothing. */
  private Effect<Event, State> duplicateOr(State state, SubmitAnswer command, Supplier<Effect<Event, State>> otherwise) {
    touch();
    if (command.answerId() != null && state.hasAnswerId(command.answerId())) {
      RecordedAnswer earlier = state.answerById(command.answerId());
      return Effect().reply(command.replyTo(), new AnswerAccepted(earlier.answerId(), earlier.questionId(), true));
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
      events.add(new FollowUpAdded(followUp, now));
      events.add(new QuestionAsked(state.askedCount(), followUp.id(), command.acknowledgement(), now));
    } else if (answeredCurrent && state.askedCount() < state.questions().size()) {
      Question next = state.questions().get(state.askedCount());
      events.add(new QuestionAsked(state.askedCount(), next.id(), command.acknowledgement(), now));
    } else if (answeredCurrent) {
      events.add(new InterviewEnding(EndReason.ALL_ANSWERED, now));
    }
    return Effect().persist(events).thenRun(newState -> {
      publish(newState, events.size());
      if (newState.status() == Status.FINISHING) {
        timers.cancel(TimeUp.INSTANCE);
        startReportWhenReady(newState);
      }
    });
  }

  /** The follow-up a thin answer to a planned question earns, when the session asks follow-ups at all. */
  private static Question followUp(State state, AnswerAnalysis analysis) {
    Question current = state.currentQuestion();
    long asked = state.questions().stream().filter(q -> q.id().endsWith(FOLLOW_UP_SUFFIX)).count();
    if (!state.context().followUps() || analysis.followUp() == null || analysis.followUp().isBlank()
        || current.id().endsWith(FOLLOW_UP_SUFFIX) || asked >= MAX_FOLLOW_UPS) {
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
          timers.cancel(TimeUp.INSTANCE);
          publish(newState, 1);
          startReportWhenReady(newState);
        });
    return replyTo == null ? persisted : persisted.thenReply(replyTo, newState -> new Accepted(view(newState)));
  }

  private Effect<Event, State> onReportReady(State state, ReportReady command) {
    taskDone(SessionTasks.REPORT);
    return Effect().persist(new InterviewCompleted(command.report(), command.engine(), clock.instant()))
        .thenRun(newState -> publish(newState, 1));
  }

  private Effect<Event, State> onSubscribe(State state, Subscribe command) {
    touch();
    if (subscribers.add(command.subscriber())) {
      context.watchWith(command.subscriber(), new SubscriberGone(command.subscriber()));
    }
    if (command.afterSeq() != null && command.afterSeq() < state.lastSeq()) {
      // Only the recent events are kept; a subscriber further behind gets those, and each carries the view as
      // it stands now, which is what every dialect renders from.
      SessionView view = view(state);
      for (long seq = Math.max(command.afterSeq() + 1, state.firstRecentSeq()); seq <= state.lastSeq(); seq++) {
        command.subscriber().tell(new SessionUpdate(seq, state.recentEvent(seq), view));
      }
    }
    return Effect().reply(command.replyTo(), new Subscription(state.lastSeq(), context.getSelf()));
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
        timers.cancel(TimeUp.INSTANCE);
        publish(newState, 1);
      });
    }
    if (subscribers.isEmpty() && runningTasks.isEmpty() && !now.isBefore(lastTouched.plus(settings.passivateAfter()))
        && shard != null) {
      shard.tell(new ClusterSharding.Passivate<>(context.getSelf()));
    }
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
    if (!subscribers.isEmpty()) {
      SessionView view = view(state);
      for (long seq = Math.max(total - newEvents + 1, state.firstRecentSeq()); seq <= total; seq++) {
        notifySubscribers(new SessionUpdate(seq, state.recentEvent(seq), view));
      }
    }
    if (taskWork.voiced(state) && state.lastSpokenSeq() > total - newEvents) {
      startTask(state, SessionTasks.SPEAK + state.lastSpokenSeq());
    }
  }

  private void notifySubscribers(Notification notification) {
    subscribers.forEach(s -> s.tell(notification));
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
      armTimeUp(state);
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

  private void armTimeUp(State state) {
    if (state.startedAt() == null) {
      return;
    }
    Duration left = Duration.between(clock.instant(), deadline(state));
    timers.startSingleTimer(TimeUp.INSTANCE, left.isNegative() ? Duration.ZERO : left);
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
