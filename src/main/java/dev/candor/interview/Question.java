package dev.candor.interview;

/**
 * One planned interview question. The id follows seed 000's pattern {@code q{n}_{type}_{topic}}; the
 * text is 50-200 characters; {@code estimatedTime} is the expected answer length in seconds.
 */
public record Question(String id, String text, QuestionType type, Difficulty difficulty, int estimatedTime, String topic) {}
