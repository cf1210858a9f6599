package dev.candor.interview;

import java.util.List;

/**
 * The end-of-interview report: every field of seed 000's {@code interview_complete}, a
 * recommendation, and a short spoken-style summary for contracts that end with a closing remark.
 */
public record Report(
    int overallScore,
    List<QuestionResult> questions,
    List<String> strengths,
    List<String> improvements,
    List<String> microDrills,
    String followUpQuestion,
    String recommendation,
    String summary) {

  public Report {
    questions = List.copyOf(Resume.nullToEmpty(questions));
    strengths = List.copyOf(Resume.nullToEmpty(strengths));
    improvements = List.copyOf(Resume.nullToEmpty(improvements));
    microDrills = List.copyOf(Resume.nullToEmpty(microDrills));
  }

  public record QuestionResult(
      String questionId,
      String question,
      String answer,
      int score,
      Star star,
      List<String> keywordsFound,
      int fillerWords,
      double timeSpent,
      String feedback) {
    public QuestionResult {
      keywordsFound = List.copyOf(Resume.nullToEmpty(keywordsFound));
    }
  }
}
