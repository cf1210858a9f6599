package dev.candor.interview;

/** A question with the candidate's answer and its analysis; answer and analysis are null when unanswered. */
public record AnsweredQuestion(Question question, String answer, AnswerAnalysis analysis) {}
