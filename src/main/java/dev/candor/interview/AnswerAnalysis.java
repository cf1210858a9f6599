package dev.candor.interview;

import java.util.List;

/**
 * The analysis of one answer: every field of seed 000's {@code answer_analyzed} plus what the other
 * contracts need. {@code questionId} is null when the answer was analysed on its own.
 *
 * @param noAnswer true when the answer was empty or near-empty: scored 0, never praised
 * @param wordsPerMinute null when the duration of the answer is unknown
 * @param timeSpent the answer's duration in seconds; estimated from its length when not measured
 * @param followUp a follow-up question when the answer was thin, else null
 * @param followUpReason why the answer earns its follow-up, in words for the candidate; null when it earns none.
 *     Analyses made before the reason was recorded (and a language model's) get the reason STAR suggests.
 */
public record AnswerAnalysis(
    String questionId,
    int score,
    Star star,
    List<String> keywordsFound,
    int fillerWords,
    double timeSpent,
    String feedback,
    List<String> suggestions,
    boolean noAnswer,
    int wordCount,
    Double wordsPerMinute,
    ComfortLevel comfortLevel,
    String followUp,
    String followUpReason) {

  public AnswerAnalysis {
    keywordsFound = List.copyOf(Resume.nullToEmpty(keywordsFound));
    suggestions = List.copyOf(Resume.nullToEmpty(suggestions));
    if (followUp == null) {
      followUpReason = null;
    } else if (followUpReason == null) {
      followUpReason = storyReason(noAnswer, star, suggestions, score);
    }
  }

  /** An analysis whose follow-up reason is the one STAR suggests. */
  public AnswerAnalysis(String questionId, int score, Star star, List<String> keywordsFound, int fillerWords,
      double timeSpent, String feedback, List<String> suggestions, boolean noAnswer, int wordCount,
      Double wordsPerMinute, ComfortLevel comfortLevel, String followUp) {
    this(questionId, score, star, keywordsFound, fillerWords, timeSpent, feedback, suggestions, noAnswer, wordCount,
        wordsPerMinute, comfortLevel, followUp, null);
  }

  /**
   * Why a story earns its follow-up, in the order the follow-up is chosen: the first missing STAR part, then a
   * missing number, then a low score.
   */
  private static String storyReason(boolean noAnswer, Star star, List<String> suggestions,
      int score) {
    if (noAnswer) {
      return "No answer was given to the question";
    }
    if (star != null && !star.situation()) {
      return "The answer named no specific situation";
    }
    if (star != null && !star.task()) {
      return "The answer did not say what you were responsible for";
    }
    if (star != null && !star.action()) {
      return "The answer did not say what you did yourself";
    }
    if (star != null && !star.result()) {
      return "The answer did not say how it turned out";
    }
    if (suggestions.contains(AnswerFeedback.QUANTIFY)) {
      return "The answer put no number on the impact";
    }
    return "The answer stayed general (" + score + " of 100)";
  }

  public AnswerAnalysis withQuestionId(String id) {
    return new AnswerAnalysis(id, score, star, keywordsFound, fillerWords, timeSpent, feedback, suggestions,
        noAnswer, wordCount, wordsPerMinute, comfortLevel, followUp, followUpReason);
  }
}
