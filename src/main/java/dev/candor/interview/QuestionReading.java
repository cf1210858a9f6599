package dev.candor.interview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.BitSet;

/**
 * What the judge reads off a question, once per question rather than once per answer: its kind, whether it asks about
 * a failure, and its words (lowercase, single-spaced) for the rules that look at how it was put ("to a non-technical
 * person", a salary question that may name pay).
 */
record QuestionReading(QuestionKind kind, boolean aboutFailure, String words) {

  private static final Cache<Question, QuestionReading> READ = Caffeine.newBuilder().maximumSize(16_384).build();

  private static final QuestionReading NONE = new QuestionReading(QuestionKind.of(null), false, "");

  static QuestionReading of(Question question) {
    if (question == null) {
      return NONE;
    }
    return READ.get(question, q -> new QuestionReading(QuestionKind.of(q), QuestionKind.asksAboutFailure(q),
        AnswerAnalyser.plainWords(Transcript.of(q.text()), new BitSet())));
  }
}
