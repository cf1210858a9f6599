package dev.candor.interview;

import java.util.List;
import java.util.Objects;

/**
 * Three scores of an answer (seed 003's), and a hiring decision on them, from the analysis every contract shares:
 *
 * <pre>
 * accuracy       the answer's score (content, relevance to the job and question, specificity, structure)
 * communication  100 - 5 per filler word per 100 words above 2 (at most 40)
 *                    - 2 per 5 words a minute outside 110-180, when the pace is known (at most 30)
 *                    - 30 under 20 words
 * behavior       25 for each STAR part the answer has (situation, task, action, result)
 * an empty answer scores 0 on all three
 *
 * technical / communication / behavior of the report: the means over every question asked, a skipped one
 * counting 0; decision on their mean: HIRE from 70, BORDERLINE from 50, else REJECT
 * </pre>
 *
 * {@code confidence} reads the same delivery: "high" with few fillers, a known pace inside 110-180 words a minute
 * and at least 40 words; "low" for an empty answer, more than 6 fillers per 100 words, or under 20 words; else "medium".
 */
public record HiringScores(int accuracy, int communication, int behavior) {

  public static final HiringScores NONE = new HiringScores(0, 0, 0);

  private static final int HIRE_FROM = 70;
  private static final int BORDERLINE_FROM = 50;

  private static final double TOLERATED_FILLERS = 2;
  private static final double SLOWEST = 110;
  private static final double FASTEST = 180;
  private static final int SHORT = 20;

  public static HiringScores of(AnswerAnalysis analysis) {
    if (analysis == null || analysis.noAnswer()) {
      return NONE;
    }
    double fillerRate = fillerRate(analysis);
    int fillerPenalty = (int) Math.min(40, Math.round(5 * Math.max(0, fillerRate - TOLERATED_FILLERS)));
    int pacePenalty = 0;
    Double wpm = analysis.wordsPerMinute();
    if (wpm != null) {
      double outside = wpm < SLOWEST ? SLOWEST - wpm : wpm > FASTEST ? wpm - FASTEST : 0;
      pacePenalty = (int) Math.min(30, 2 * Math.round(outside / 5));
    }
    int shortPenalty = analysis.wordCount() < SHORT ? 30 : 0;
    int communication = Math.max(0, 100 - fillerPenalty - pacePenalty - shortPenalty);
    return new HiringScores(analysis.score(), communication, 25 * analysis.star().count());
  }

  public static String confidence(AnswerAnalysis analysis) {
    if (analysis == null || analysis.noAnswer() || fillerRate(analysis) > 6 || analysis.wordCount() < SHORT) {
      return "low";
    }
    Double wpm = analysis.wordsPerMinute();
    boolean steadyPace = wpm != null && wpm >= SLOWEST && wpm <= FASTEST;
    return fillerRate(analysis) <= TOLERATED_FILLERS && steadyPace && analysis.wordCount() >= 40 ? "high" : "medium";
  }

  /** The report's three means over {@code perQuestion}: one entry per question asked, null for one not answered. */
  public static double[] means(List<HiringScores> perQuestion) {
    if (perQuestion.isEmpty()) {
      return new double[] {0, 0, 0};
    }
    List<HiringScores> scores = perQuestion.stream().map(s -> Objects.requireNonNullElse(s, NONE)).toList();
    return new double[] {
        round(scores.stream().mapToInt(HiringScores::accuracy).average().orElse(0)),
        round(scores.stream().mapToInt(HiringScores::communication).average().orElse(0)),
        round(scores.stream().mapToInt(HiringScores::behavior).average().orElse(0))};
  }

  public static String decision(double[] means) {
    double mean = (means[0] + means[1] + means[2]) / 3;
    return mean >= HIRE_FROM ? "HIRE" : mean >= BORDERLINE_FROM ? "BORDERLINE" : "REJECT";
  }

  private static double fillerRate(AnswerAnalysis analysis) {
    return analysis.wordCount() == 0 ? 0 : 100.0 * analysis.fillerWords() / analysis.wordCount();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
