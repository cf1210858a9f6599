package dev.candor.interview;

import java.util.regex.Pattern;

/**
 * The score of one answer, 0-100, and the parts it is made of, so feedback can say where points were
 * lost. The formula:
 *
 * <pre>
 * structure   40  10 for each STAR part present (situation, task, action, result)
 * relevance   25  25 * min(1, (offered + 0.5 * other) / 3)
 *                   offered = distinct keywords the job or the question named (technologies and
 *                             significant words of the requirements, responsibilities, title, topic)
 *                   other   = distinct other known technologies and competency words (team, latency, ...)
 * specificity 20  10 if the answer contains a number (digits, "percent", "twice", "half", ...)
 *                 10 for ownership: "I" at least twice, and "we" no more than twice as often as "I"
 * length      15  0 below 20 words; 15 * (words - 20) / 60 from 20 to 80 words; 15 from 80 to 300
 *                 words; above 300, 15 - (words - 300) / 20, but never below 5
 * fillers    -15  round(2.5 * (fillers per 100 words - 2)), from 0 up to 15: two per hundred words are tolerated
 * pace       -10  only when the duration is known: round((110 - wpm) / 5) below 110 words per minute,
 *                 round((wpm - 180) / 5) above 180, at most 10
 *
 * score = clamp(round(structure + relevance + specificity + length) - fillers - pace, 0, 100)
 * </pre>
 *
 * An empty or near-empty answer (fewer than 5 words that are not fillers) is not scored by this
 * formula: it is a "no answer" and scores 0.
 */
record AnswerScore(int structure, double relevance, int numbers, int ownership, double length, int fillerPenalty,
    int pacePenalty) {

  static final int FULL_LENGTH_FROM = 80;
  static final int FULL_LENGTH_TO = 300;
  static final double TOLERATED_FILLER_RATE = 2.0;
  static final double SLOWEST_WPM = 110;
  static final double FASTEST_WPM = 180;

  private static final Pattern NUMBER = Pattern.compile(
      "\\d|\\b(?:percent|hundred|thousand|million|billion|twice|double[ds]?|half|halved|triple[ds]?|dozens?)\\b",
      Pattern.CASE_INSENSITIVE);

  static AnswerScore of(Star star, AnswerKeywords.Found keywords, Transcript answer, FillerWords.Count fillers,
      Double wordsPerMinute) {
    int words = answer.wordCount();
    double relevance = 25 * Math.min(1.0, (keywords.offered() + 0.5 * keywords.other()) / 3.0);
    return new AnswerScore(
        10 * star.count(),
        relevance,
        mentionsNumbers(answer.text()) ? 10 : 0,
        showsOwnership(answer) ? 10 : 0,
        lengthPoints(words),
        fillerPenalty(fillers.rate(words)),
        pacePenalty(wordsPerMinute));
  }

  int total() {
    long raw = Math.round(structure + relevance + numbers + ownership + length) - fillerPenalty - pacePenalty;
    return (int) Math.max(0, Math.min(100, raw));
  }

  static boolean mentionsNumbers(String text) {
    return text != null && NUMBER.matcher(text).find();
  }

  static boolean showsOwnership(Transcript answer) {
    int i = 0;
    int we = 0;
    for (Transcript.Token token : answer.tokens()) {
      switch (token.lower()) {
        case "i", "i'm", "i've", "i'd", "i'll" -> i++;
        case "we", "we're", "we've", "we'd", "we'll" -> we++;
        default -> { }
      }
    }
    return i >= 2 && we <= 2 * i;
  }

  private static double lengthPoints(int words) {
    if (words < 20) {
      return 0;
    }
    if (words < FULL_LENGTH_FROM) {
      return 15.0 * (words - 20) / 60.0;
    }
    if (words <= FULL_LENGTH_TO) {
      return 15;
    }
    return Math.max(5, 15 - (words - FULL_LENGTH_TO) / 20.0);
  }

  private static int fillerPenalty(double ratePer100Words) {
    return (int) Math.min(15, Math.round(2.5 * Math.max(0, ratePer100Words - TOLERATED_FILLER_RATE)));
  }

  private static int pacePenalty(Double wpm) {
    if (wpm == null) {
      return 0;
    }
    if (wpm < SLOWEST_WPM) {
      return (int) Math.min(10, Math.round((SLOWEST_WPM - wpm) / 5));
    }
    if (wpm > FASTEST_WPM) {
      return (int) Math.min(10, Math.round((wpm - FASTEST_WPM) / 5));
    }
    return 0;
  }
}
