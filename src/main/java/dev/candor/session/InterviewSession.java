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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;

/**
 * One interview, as a sharded event-sourced actor. It owns the questions, the answers and their
 * analyses; every contract's connection talks to it and renders what it pushes. Work that may block
 * (planning, analysis, the report) runs in child workers whose results come back as commands and are
 * persisted before anyone hears of them. This class is the protocol (commands, replies, events, state); how the
 * session acts on it is {@link SessionBehavior}.
 *
 * <p>Lifecycle: NEW → (Start) PLANNING → (plan ready) IN_PROGRESS, one question asked at a time →
 * (all answered, candidate ends, or time up) FINISHING → (report ready) COMPLETED. An interview with no
 * events for {@code idle-timeout} becomes ABANDONED. A client-paced interview (seed 003) waits for its client at
 * each step: NEW → (Start) CREATED → (Plan) PLANNING → (plan ready) READY → (Begin) IN_PROGRESS, where each
 * question follows the client's Advance rather than the previous answer's analysis.
 */
public final class InterviewSession {

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
   * @param maxFollowUps how many follow-ups an interview asks at most; null for {@link #MAX_FOLLOW_UPS}
   * @param clockSeconds how often subscribers are told the time left ({@link ClockTick}), counted from the first
   *     question; null for never
   */
  public record SessionContext(String candidateId, String jobId, Resume resume, JobPosting job,
      InterviewPreferences preferences, String voice, boolean followUps, Integer questionCount, boolean clientPaced,
      Integer maxFollowUps, Integer clockSeconds) {

    public SessionContext(String candidateId, String jobId, Resume resume, JobPosting job, InterviewPreferences preferences) {
      this(candidateId, jobId, resume, job, preferences, null, false);
    }

    public SessionContext(String candidateId, String jobId, Resume resume, JobPosting job, InterviewPreferences preferences,
        String voice, boolean followUps) {
      this(candidateId, jobId, resume, job, preferences, voice, followUps, null, false, null, null);
    }

    /** An interview that its client paces, of {@code questionCount} questions. */
    public static SessionContext clientPaced(String candidateId, String jobId, Resume resume, JobPosting job,
        InterviewPreferences preferences, int questionCount) {
      return new SessionContext(candidateId, jobId, resume, job, preferences, null, false, questionCount, true, null, null);
    }

    SessionContext withVoice(String newVoice) {
      return new SessionContext(candidateId, jobId, resume, job, preferences, newVoice, followUps, questionCount, clientPaced,
          maxFollowUps, clockSeconds);
    }

    /** The same interview with up to {@code max} follow-ups, one at most per planned question. */
    public SessionContext withFollowUps(int max) {
      return new SessionContext(candidateId, jobId, resume, job, preferences, voice, max > 0, questionCount, clientPaced,
          max, clockSeconds);
    }

    /** The same interview, telling its subscribers the time left every {@code seconds}. */
    public SessionContext withClock(int seconds) {
      return new SessionContext(candidateId, jobId, resume, job, preferences, voice, followUps, questionCount, clientPaced,
          maxFollowUps, seconds);
    }

    int followUpLimit() {
      return maxFollowUps == null ? MAX_FOLLOW_UPS : maxFollowUps;
    }
  }

  /** Follow-up questions are numbered after the question they follow, so they are told apart by id. */
  public static final String FOLLOW_UP_SUFFIX = "_followup";

  /** A long interview of thin answers is not turned into twice as many questions (unless its context says otherwise). */
  static final int MAX_FOLLOW_UPS = 3;

  /** A recording waiting to be transcribed; its bytes are in the audio store under {@code recordingId}. */
  public record PendingRecording(String recordingId, String questionId, String format) {}

  public record RecordedAnswer(String answerId, String questionId, String text, Double durationSeconds, Instant at) {}

  // ---- commands ----

  public sealed interface Command extends CborSerializable {}

  public record Start(SessionContext context, ActorRef<Reply> replyTo) implements Command {}

  /**
   * @param answerId the client's own id for the answer, or null when it gave none
   * @param deliveryId the node's id for this request, the same on every attempt to deliver it, so an attempt that
   *     arrives after an earlier one was taken is recognised; the answer is recorded under it when the client gave no
   *     id. Null lets the session choose one.
   * @param questionId the question the client was shown; null when it was shown none (the current question)
   */
  public record SubmitAnswer(String answerId, String deliveryId, String questionId, String text, Double durationSeconds,
      ActorRef<Reply> replyTo) implements Command {

    /** The id the answer is (or would be) recorded under. */
    public String recordedId() {
      return answerId != null ? answerId : deliveryId;
    }
  }

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

  /**
   * The interviewer speaks from now on in {@code voice}, or, with null, stops speaking: the open question is spoken
   * at once if it was not yet. Replied with the view.
   */
  public record ChooseVoice(String voice, ActorRef<Reply> replyTo) implements Command {}

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
   * The answer to a subscription: the number of the session's newest event when the subscriber subscribed (every
   * update after it has been or will be sent to it), and the session itself, to watch: subscriptions live as long
   * as the session's incarnation does.
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

  /** A question's audio made ahead of its line (see {@link SessionTasks#PREPARE}); nothing waits for it. */
  public record SpeechPrepared(String task) implements Command {}

  public record WorkFailed(String task, String reason) implements Command {}

  public record RetryWork(String task) implements Command {}

  public record SubscriberGone(ActorRef<Notification> subscriber) implements Command {}

  public enum TimeUp implements Command { INSTANCE }

  /** Time to tell subscribers how long the interview has left ({@link ClockTick}). */
  public enum TellTime implements Command { INSTANCE }

  /** Periodic check for abandonment and passivation. */
  public enum Tick implements Command { INSTANCE }

  /** Sharding's stop message after a passivation request. */
  public enum Passivate implements Command { INSTANCE }

  /**
   * Asked from outside to leave memory (its journal changed underneath it): it asks its shard to passivate it, so
   * a node that remembers its entities does not take the stop for a crash and start it again.
   */
  public enum Unload implements Command { INSTANCE }

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
      @JsonSubTypes.Type(value = InterviewBegun.class, name = "interview-begun"),
      @JsonSubTypes.Type(value = VoiceChosen.class, name = "voice-chosen")
  })
  public sealed interface Event extends CborSerializable {
    Instant at();
  }

  public record ContextSet(SessionContext context, Instant at) implements Event {}

  /** A client-paced interview's client asked for its questions. */
  public record PlanningRequested(Instant at) implements Event {}

  /** A client-paced interview's client began it, choosing the interviewer's voice. */
  public record InterviewBegun(String voice, Instant at) implements Event {}

  /** The interviewer's voice changed during the interview; null: it no longer speaks. */
  public record VoiceChosen(String voice, Instant at) implements Event {}

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

  /**
   * A follow-up question, put right after the current one (and asked next).
   *
   * @param reason why the answer before it earned it; null in events from before it was recorded
   */
  public record FollowUpAdded(Question question, String reason, Instant at) implements Event {}

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

    /** The answer recorded last, or null before the first. */
    public RecordedAnswer lastAnswer() {
      // Only the question being asked takes an answer, so the last answer is the latest asked question's that has one.
      // (Not the latest time: two answers may carry the same instant.)
      for (int i = askedCount - 1; i >= 0; i--) {
        RecordedAnswer answer = answers.get(questions.get(i).id());
        if (answer != null) {
          return answer;
        }
      }
      return null;
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
      if (event instanceof VoiceChosen e) {
        return next.withContext(context.withVoice(e.voice()));
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
        new SessionBehavior(sessionId, interviewer, speech, settings, clock, shard, context, timers)));
  }


  private InterviewSession() {}
}
