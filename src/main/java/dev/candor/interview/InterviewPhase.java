package dev.candor.interview;

import java.util.Locale;

/**
 * The phase of a running interview as seed 002 reports it. It is derived from the position of the
 * current question, which works because {@link RuleBasedInterviewer} plans a warm-up first, the
 * technical questions next and leadership last.
 */
public enum InterviewPhase {
  INTRODUCTION,
  TECHNICAL,
  BEHAVIORAL,
  CONCLUSION;

  /**
   * @param questionIndex the 0-based index of the current question
   * @param completed whether the interview has ended
   */
  public static InterviewPhase of(int questionIndex, int questionCount, QuestionType type, boolean completed) {
    if (completed) {
      return CONCLUSION;
    }
    if (questionIndex == 0) {
      return INTRODUCTION;
    }
    if (questionIndex == questionCount - 1) {
      return CONCLUSION;
    }
    return type == QuestionType.TECHNICAL ? TECHNICAL : BEHAVIORAL;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
