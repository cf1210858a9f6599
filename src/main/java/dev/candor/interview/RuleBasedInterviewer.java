package dev.candor.interview;

import java.util.List;

/**
 * The offline default interviewer: deterministic rules, no model, no network, no clock, no
 * randomness, so the same input always gives the same interview. Planning is done by
 * {@link QuestionPlanner}, analysis by {@link AnswerAnalyser} (scored by the formula on
 * {@link AnswerScore}), the report by {@link ReportWriter}.
 */
public final class RuleBasedInterviewer implements Interviewer {

  @Override
  public List<Question> plan(Resume resume, JobPosting job, InterviewPreferences preferences, int questionCount) {
    return QuestionPlanner.plan(resume, job, preferences, questionCount);
  }

  @Override
  public AnswerAnalysis analyse(Question question, String answer, JobPosting job, Double durationSeconds) {
    return AnswerAnalyser.analyse(question, answer, job, durationSeconds);
  }

  @Override
  public String acknowledge(AnswerAnalysis analysis) {
    return AnswerFeedback.acknowledge(analysis);
  }

  @Override
  public List<String> cannedLines() {
    return AnswerFeedback.cannedLines();
  }

  @Override
  public Report report(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return ReportWriter.write(questions, resume, job);
  }
}
