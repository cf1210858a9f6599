package dev.candor.interview;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Analyses one answer: words, fillers, STAR parts, keywords, pace, score, feedback and comfort.
 * Scoring follows the formula documented on {@link AnswerScore}. An answer with fewer than
 * {@value #MIN_MEANINGFUL_WORDS} words that are not fillers is a state of its own, "no answer": it
 * scores 0, is never praised and is asked again.
 */
final class AnswerAnalyser {

  static final int MIN_MEANINGFUL_WORDS = 5;

  /** A reply this short that declines is not an answer; a longer one may decline and then answer. */
  static final int MAX_DECLINE_WORDS = 12;

  private static final Pattern DECLINE = Pattern.compile(
      "\\b(?:(?:i )?(?:don'?t|do not) know|no idea|not sure|(?:can'?t|cannot|don'?t) (?:remember|recall|think of)"
          + "|skip|pass on this|next question)\\b",
      Pattern.CASE_INSENSITIVE);

  /** The speaking rate assumed to estimate the length of a typed answer. */
  static final double ASSUMED_WPM = 150;

  /** Fewer words than this reads as a candidate who froze, not one who was concise. */
  static final int VERY_SHORT_WORDS = 20;

  static final double NERVOUS_FILLER_RATE = 6;
  static final double CONFIDENT_FILLER_RATE = 3;
  static final int CONFIDENT_SCORE = 70;

  private AnswerAnalyser() {}

  static AnswerAnalysis analyse(Question question, String answer, JobPosting job, Double durationSeconds) {
    Transcript transcript = Transcript.of(answer);
    FillerWords.Count fillers = FillerWords.in(transcript);
    int words = transcript.wordCount();
    boolean timed = durationSeconds != null && durationSeconds > 0;
    Double wpm = timed ? Phrases.roundToTenth(words / (durationSeconds / 60.0)) : null;
    double timeSpent = Phrases.roundToTenth(timed ? durationSeconds : words / ASSUMED_WPM * 60.0);
    String questionId = question == null ? null : question.id();

    if (isNoAnswer(transcript, fillers)) {
      return new AnswerAnalysis(questionId, 0, Star.NONE, List.of(), fillers.total(), timeSpent,
          AnswerFeedback.noAnswerFeedback(), AnswerFeedback.noAnswerSuggestions(), true, words, wpm,
          ComfortLevel.NERVOUS, AnswerFeedback.noAnswerFollowUp(question));
    }

    Star star = StarDetector.detect(answer);
    AnswerKeywords.Found keywords = AnswerKeywords.find(transcript, question, JobTerms.of(job));
    AnswerScore score = AnswerScore.of(star, keywords, transcript, fillers, wpm);
    AnswerFeedback.Evidence evidence = new AnswerFeedback.Evidence(question, star, keywords,
        AnswerScore.mentionsNumbers(answer), words, fillers, wpm, score);
    return new AnswerAnalysis(
        questionId,
        score.total(),
        star,
        keywords.keywords(),
        fillers.total(),
        timeSpent,
        AnswerFeedback.feedback(evidence),
        AnswerFeedback.suggestions(evidence),
        false,
        words,
        wpm,
        comfort(score.total(), fillers.rate(words), words),
        AnswerFeedback.followUp(evidence));
  }

  /**
   * Fewer than {@value #MIN_MEANINGFUL_WORDS} words besides fillers, or a short reply that only
   * declines ("I don't know, sorry", "can I skip this one"): neither tells the interviewer anything.
   */
  private static boolean isNoAnswer(Transcript transcript, FillerWords.Count fillers) {
    int meaningful = transcript.wordCount() - fillers.tokens();
    return meaningful < MIN_MEANINGFUL_WORDS
        || (meaningful < MAX_DECLINE_WORDS && DECLINE.matcher(transcript.text()).find());
  }

  private static ComfortLevel comfort(int score, double fillerRate, int words) {
    if (fillerRate > NERVOUS_FILLER_RATE || words < VERY_SHORT_WORDS) {
      return ComfortLevel.NERVOUS;
    }
    if (score >= CONFIDENT_SCORE && fillerRate < CONFIDENT_FILLER_RATE) {
      return ComfortLevel.CONFIDENT;
    }
    return ComfortLevel.NEUTRAL;
  }
}
