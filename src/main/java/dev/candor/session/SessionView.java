package dev.candor.session;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.ComfortLevel;
import dev.candor.interview.InterviewInsights;
import dev.candor.interview.InterviewPhase;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.SkillScores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A read-only picture of a session, derived from its state: what every contract renders (status
 * messages, the current question, progress). Dialects read it; they never keep interview state of their own.
 *
 * @param questionsAsked how many questions have been put to the candidate, the current one included
 * @param currentQuestion the last question asked, or null before the first
 * @param lastAnalysis the analysis of the most recently analysed answer, or null
 * @param lastAcknowledgement the interviewer's remark on the previous answer, said before the current question
 * @param voice the interviewer's voice, or null in an interview held in text (or not yet begun)
 * @param clientPaced whether the client moves this interview on (see {@link InterviewSession})
 * @param voiced whether this session's lines are spoken (it has a voice and its node a text-to-speech engine)
 * @param currentLineSeq the number of the event whose words the interviewer says last (a question asked, the
 *     ending), or 0 before the first
 * @param lastUtterance the audio of the interviewer's latest spoken line, or null while it is being synthesised
 *     (or in an interview held in text)
 * @param skillScores the means of seed 004's three scores over the answers analysed so far
 */
public record SessionView(
    String sessionId,
    InterviewSession.Status status,
    String candidateId,
    String jobId,
    String jobTitle,
    String company,
    String voice,
    boolean clientPaced,
    double maxDurationMinutes,
    List<Question> questions,
    int questionsAsked,
    int answersRecorded,
    Question currentQuestion,
    boolean currentAnswered,
    InterviewPhase phase,
    Instant startedAt,
    Instant endedAt,
    ComfortLevel comfortLevel,
    List<String> strengthsIdentified,
    List<String> areasToProbe,
    AnswerAnalysis lastAnalysis,
    String lastAcknowledgement,
    InterviewSession.EndReason endReason,
    Report report,
    boolean voiced,
    long currentLineSeq,
    InterviewSession.UtteranceSpoken lastUtterance,
    long lastSeq,
    SkillScores skillScores) implements CborSerializable {

  public SessionView {
    questions = List.copyOf(questions);
    strengthsIdentified = List.copyOf(strengthsIdentified);
    areasToProbe = List.copyOf(areasToProbe);
  }

  static SessionView of(String sessionId, InterviewSession.State state, boolean voiced) {
    InterviewSession.SessionContext context = state.context();
    Question current = state.currentQuestion();
    List<AnswerAnalysis> analyses = state.analysesInOrder();
    boolean over = state.status() == InterviewSession.Status.FINISHING || state.status() == InterviewSession.Status.COMPLETED
        || state.status() == InterviewSession.Status.ABANDONED;
    InterviewPhase phase = current == null
        ? InterviewPhase.INTRODUCTION
        : InterviewPhase.of(state.askedCount() - 1, state.questions().size(), current.type(), over);
    AnswerAnalysis lastAnalysis = analyses.isEmpty() ? null : analyses.get(analyses.size() - 1);
    return new SessionView(
        sessionId,
        state.status(),
        context == null ? null : context.candidateId(),
        context == null ? null : context.jobId(),
        context == null ? null : context.job().title(),
        context == null ? null : context.job().company(),
        context == null ? null : context.voice(),
        context != null && context.clientPaced(),
        context == null ? 0 : context.preferences().maxDurationMinutes(),
        state.questions(),
        state.askedCount(),
        state.answers().size(),
        current,
        current != null && state.answers().containsKey(current.id()),
        phase,
        state.startedAt(),
        state.endedAt(),
        InterviewInsights.comfort(analyses),
        InterviewInsights.strengthsIdentified(analyses),
        context == null ? List.of()
            : InterviewInsights.areasToProbe(state.questions().subList(0, state.askedCount()), analyses, context.job()),
        lastAnalysis,
        state.lastAcknowledgement(),
        state.endReason(),
        state.report(),
        voiced,
        state.lastSpokenSeq(),
        state.spoken().get(state.lastSpokenSeq()),
        state.lastSeq(),
        SkillScores.average(state.questions().subList(0, state.askedCount()), state.analyses()));
  }

  /** The phase the interview is in while question {@code index} (0-based) is asked. */
  public InterviewPhase phaseAt(int index) {
    return InterviewPhase.of(index, questions.size(), questions.get(index).type(), false);
  }

  /** Whole seconds left of the time budget (0 once it is spent); the whole budget before the interview began. */
  public long secondsLeft(Instant now) {
    long budget = Math.round(maxDurationMinutes * 60);
    if (startedAt == null) {
      return budget;
    }
    Instant until = endedAt != null ? endedAt : now;
    return Math.max(0, budget - Duration.between(startedAt, until).toMillis() / 1000);
  }

  /** Minutes since the first question was asked, frozen when the interview ended; 0 before it began. */
  public double minutesElapsed(Instant now) {
    if (startedAt == null) {
      return 0;
    }
    Instant until = endedAt != null ? endedAt : now;
    return Math.max(0, Duration.between(startedAt, until).toMillis() / 60_000.0);
  }
}
