package dev.candor.interview;

import java.util.List;

/**
 * The interviewer port: plans questions, analyses answers and writes the report. The offline default is
 * {@link RuleBasedInterviewer}; hosted language models plug in behind the same interface. Calls may
 * block (a model call), so callers run them off the actor threads.
 */
public interface Interviewer {

  /** The fewest questions that still hold the mix every contract needs (2 behavioral, 2 technical, 1 leadership). */
  int MIN_QUESTIONS = 5;
  int MAX_QUESTIONS = 20;

  List<Question> plan(Resume resume, JobPosting job, InterviewPreferences preferences, int questionCount);

  /**
   * @param durationSeconds the measured length of a spoken answer, or null for a typed one
   */
  AnswerAnalysis analyse(Question question, String answer, JobPosting job, Double durationSeconds);

  /** A short conversational remark on an analysed answer, said before the next question. */
  String acknowledge(AnswerAnalysis analysis);

  Report report(List<AnsweredQuestion> questions, Resume resume, JobPosting job);

  /**
   * Remarks and follow-ups this interviewer says word for word in many interviews, so a voice can speak them once,
   * ahead of the first interview that needs them; empty when its words are new each time.
   */
  default List<String> cannedLines() {
    return List.of();
  }

  /** The engine this interviewer is, as events record it. */
  default String engine() {
    return "rule-based";
  }

  /** {@link #plan}, with the engine that answered (an interviewer with a fallback names the one that did). */
  default Attributed<List<Question>> planAttributed(Resume resume, JobPosting job, InterviewPreferences preferences,
      int questionCount) {
    return new Attributed<>(plan(resume, job, preferences, questionCount), engine());
  }

  default Attributed<AnswerAnalysis> analyseAttributed(Question question, String answer, JobPosting job,
      Double durationSeconds) {
    return new Attributed<>(analyse(question, answer, job, durationSeconds), engine());
  }

  default Attributed<Report> reportAttributed(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return new Attributed<>(report(questions, resume, job), engine());
  }
}
