package dev.candor.ai.llm;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Attributed;
import dev.candor.interview.AnsweredQuestion;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Interviewer;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An interviewer whose answer scores also weigh how well each answer addresses its question (see
 * {@link AnswerRelevance}): a fluent, well-structured answer to another question no longer scores as if it
 * were on topic. Everything else is the wrapped interviewer's.
 */
public final class RelevanceBlendingInterviewer implements Interviewer {

  /** Below this relevance the candidate is told that the answer drifted. */
  static final int DRIFTED = 25;

  private final Interviewer inner;
  private final Supplier<AnswerRelevance> relevance;
  private final double weight;

  /** @param weight the share of the score that relevance decides, 0-1 */
  public RelevanceBlendingInterviewer(Interviewer inner, Supplier<AnswerRelevance> relevance, double weight) {
    if (weight <= 0 || weight > 1) {
      throw new IllegalArgumentException("the relevance weight must be above 0 and at most 1, was " + weight);
    }
    this.inner = inner;
    this.relevance = relevance;
    this.weight = weight;
  }

  @Override
  public List<Question> plan(Resume resume, JobPosting job, InterviewPreferences preferences, int questionCount) {
    return inner.plan(resume, job, preferences, questionCount);
  }

  @Override
  public String engine() {
    return inner.engine() + " + relevance";
  }

  @Override
  public Attributed<List<Question>> planAttributed(Resume resume, JobPosting job, InterviewPreferences preferences,
      int questionCount) {
    return inner.planAttributed(resume, job, preferences, questionCount);
  }

  @Override
  public Attributed<Report> reportAttributed(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return inner.reportAttributed(questions, resume, job);
  }

  @Override
  public AnswerAnalysis analyse(Question question, String answer, JobPosting job, Double durationSeconds) {
    return analyseAttributed(question, answer, job, durationSeconds).value();
  }

  @Override
  public Attributed<AnswerAnalysis> analyseAttributed(Question question, String answer, JobPosting job,
      Double durationSeconds) {
    Attributed<AnswerAnalysis> inner = this.inner.analyseAttributed(question, answer, job, durationSeconds);
    return new Attributed<>(blend(question, answer, job, inner.value()), inner.engine() + " + relevance");
  }

  private AnswerAnalysis blend(Question question, String answer, JobPosting job, AnswerAnalysis analysis) {
    if (analysis.noAnswer()) {
      return analysis;
    }
    int relevant = relevance.get().score(question.text(), answer, job == null ? List.of() : job.requirements());
    int score = (int) Math.round((1 - weight) * analysis.score() + weight * relevant);
    List<String> suggestions = new ArrayList<>(analysis.suggestions());
    if (relevant < DRIFTED) {
      suggestions.add(0, "Stay with the question that was asked: tie your example back to it in your first sentence.");
    }
    return new AnswerAnalysis(analysis.questionId(), Math.max(0, Math.min(100, score)), analysis.star(),
        analysis.keywordsFound(), analysis.fillerWords(), analysis.timeSpent(), analysis.feedback(), suggestions,
        analysis.noAnswer(), analysis.wordCount(), analysis.wordsPerMinute(), analysis.comfortLevel(), analysis.followUp(),
        analysis.followUpReason());
  }

  @Override
  public String acknowledge(AnswerAnalysis analysis) {
    return inner.acknowledge(analysis);
  }

  @Override
  public List<String> cannedLines() {
    return inner.cannedLines();
  }

  @Override
  public Report report(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return inner.report(questions, resume, job);
  }
}
