package dev.candor.session;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.AnsweredQuestion;
import dev.candor.interview.Attributed;
import dev.candor.interview.Interviewer;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.session.InterviewSession.AnalysisReady;
import dev.candor.session.InterviewSession.Command;
import dev.candor.session.InterviewSession.PendingRecording;
import dev.candor.session.InterviewSession.PlanReady;
import dev.candor.session.InterviewSession.RecordedAnswer;
import dev.candor.session.InterviewSession.ReportReady;
import dev.candor.session.InterviewSession.SessionContext;
import dev.candor.session.InterviewSession.State;
import dev.candor.session.InterviewSession.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The work behind a session's tasks. A task is named by a string the entity tracks (running, failed, retried);
 * its work is built here from the state at the moment it starts, so the worker that runs it reads nothing the
 * entity may change meanwhile.
 */
final class SessionTasks {

  static final String PLAN = "plan";
  static final String REPORT = "report";
  static final String ANALYSE = "analyse:";
  static final String TRANSCRIBE = "transcribe:";
  static final String SPEAK = "speak:";
  /** The next planned question spoken into the audio store while the candidate answers the current one. */
  static final String PREPARE = "prepare:";

  private final String sessionId;
  private final Interviewer interviewer;
  private final SpeechServices speech;
  private final int questionCount;

  SessionTasks(String sessionId, Interviewer interviewer, SpeechServices speech, int questionCount) {
    this.sessionId = sessionId;
    this.interviewer = interviewer;
    this.speech = speech;
    this.questionCount = questionCount;
  }

  static boolean isSpeech(String task) {
    return task.startsWith(TRANSCRIBE) || task.startsWith(SPEAK) || task.startsWith(PREPARE);
  }

  static SessionProblem.Work workOf(String task) {
    if (task.equals(PLAN)) {
      return SessionProblem.Work.PLANNING;
    }
    if (task.equals(REPORT)) {
      return SessionProblem.Work.REPORT;
    }
    if (task.startsWith(ANALYSE)) {
      return SessionProblem.Work.ANALYSIS;
    }
    if (task.startsWith(TRANSCRIBE)) {
      return SessionProblem.Work.TRANSCRIPTION;
    }
    return SessionProblem.Work.SPEECH;
  }

  /**
   * Whether the session speaks its lines: this node has a voice and the interview asked for one (a client-paced
   * interview's client has each line spoken on request instead).
   */
  boolean voiced(State state) {
    return speech != null && speech.voice() != null && state.context() != null && state.context().voice() != null
        && !state.context().clientPaced();
  }

  /** Every answer is analysed and no recording waits: the report can be written. */
  static boolean reportDue(State state) {
    return state.status() == Status.FINISHING && state.pendingAnalyses().isEmpty() && state.recordings().isEmpty();
  }

  /** The tasks whose results the state is waiting for. */
  List<String> owed(State state) {
    Status status = state.status();
    boolean running = status == Status.IN_PROGRESS || status == Status.FINISHING;
    List<String> tasks = new ArrayList<>();
    if (status == Status.PLANNING) {
      tasks.add(PLAN);
    }
    if (running) {
      state.pendingAnalyses().forEach(id -> tasks.add(ANALYSE + id));
    }
    if (reportDue(state)) {
      tasks.add(REPORT);
    }
    if (running) {
      state.recordings().values().forEach(r -> tasks.add(TRANSCRIBE + r.recordingId()));
    }
    // Only the latest spoken line is worth voicing after a restart; the earlier ones are past. The closing
    // line is still owed once the report is written (the report is usually quicker than the voice).
    long lastSpoken = state.lastSpokenSeq();
    if (voiced(state) && lastSpoken > 0 && !state.spoken().containsKey(lastSpoken)
        && (running || status == Status.COMPLETED)) {
      tasks.add(SPEAK + lastSpoken);
    }
    return tasks;
  }

  /**
   * The question after the one just asked, to be spoken ahead while the candidate answers; empty when the session
   * is not voiced, or the line just spoken asks no question or the last one. A follow-up may come first: its words
   * depend on the answer, so it is spoken when asked; the planned question then waits in the store.
   */
  Optional<String> upcoming(State state) {
    if (!voiced(state) || !(state.lastSpoken() instanceof InterviewSession.QuestionAsked)
        || state.askedCount() >= state.questions().size()) {
      return Optional.empty();
    }
    return Optional.of(PREPARE + state.questions().get(state.askedCount()).id());
  }

  /** What runs in the worker of {@code task}, with what it needs taken from {@code state} now. */
  Supplier<Command> work(State state, String task) {
    SessionContext context = state.context();
    if (task.equals(PLAN)) {
      return () -> {
        Attributed<List<Question>> plan = interviewer.planAttributed(context.resume(), context.job(),
            context.preferences(), context.questionCount() == null ? questionCount : context.questionCount());
        return new PlanReady(plan.value(), plan.engine());
      };
    }
    if (task.equals(REPORT)) {
      List<AnsweredQuestion> answered = state.questions().stream().map(q -> {
        RecordedAnswer answer = state.answers().get(q.id());
        return new AnsweredQuestion(q, answer == null ? null : answer.text(), state.analyses().get(q.id()));
      }).toList();
      return () -> {
        Attributed<Report> report = interviewer.reportAttributed(answered, context.resume(), context.job());
        return new ReportReady(report.value(), report.engine());
      };
    }
    if (task.startsWith(TRANSCRIBE)) {
      PendingRecording recording = state.recordings().values().stream()
          .filter(r -> task.equals(TRANSCRIBE + r.recordingId())).findFirst().orElseThrow();
      return () -> SpeechWork.transcribe(speech, recording);
    }
    if (task.startsWith(SPEAK)) {
      long seq = Long.parseLong(task.substring(SPEAK.length()));
      List<String> pieces = SpokenText.pieces(state.lastSpoken(), SessionView.of(sessionId, state, voiced(state)));
      String voice = context.voice();
      return () -> SpeechWork.speak(speech, seq, pieces, voice);
    }
    if (task.startsWith(PREPARE)) {
      String text = state.question(task.substring(PREPARE.length())).text();
      String voice = context.voice();
      return () -> SpeechWork.prepare(speech, task, text, voice);
    }
    String questionId = task.substring(ANALYSE.length());
    Question question = state.question(questionId);
    RecordedAnswer answer = state.answers().get(questionId);
    return () -> {
      Attributed<AnswerAnalysis> analysis = interviewer.analyseAttributed(question, answer.text(), context.job(),
          answer.durationSeconds());
      return new AnalysisReady(questionId, analysis.value(), interviewer.acknowledge(analysis.value()), analysis.engine());
    };
  }
}
