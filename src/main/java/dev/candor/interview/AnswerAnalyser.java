package dev.candor.interview;

import java.util.BitSet;
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
          + "|hard to think of|haven'?t done anything|skip|pass on this|next question)\\b",
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
    QuestionReading reading = QuestionReading.of(question);
    QuestionKind kind = reading.kind();

    if (isNoAnswer(kind, transcript, fillers)) {
      return new AnswerAnalysis(questionId, 0, Star.NONE, List.of(), fillers.total(), timeSpent,
          AnswerFeedback.noAnswerFeedback(kind), AnswerFeedback.noAnswerSuggestions(kind), true, words, wpm,
          ComfortLevel.NERVOUS, AnswerFeedback.noAnswerFollowUp(question));
    }

    String plain = plainWords(transcript, fillers.at());
    Star star = StarDetector.detect(transcript, fillers);
    AnswerKeywords.Found keywords = AnswerKeywords.find(transcript, question, JobTerms.of(job));
    AnswerScore.Specifics specifics = AnswerScore.Specifics.of(transcript, plain);
    AnswerRubric.Coverage coverage = AnswerRubric.cover(kind, plain, star, keywords.offered() > 0, specifics.any());
    List<RedFlags.Flag> flags = RedFlags.raisedBy(reading, plain, star);
    AnswerScore score = AnswerScore.of(new AnswerScore.Inputs(kind, question, coverage, keywords, transcript, plain,
        specifics, fillers, flags, wpm));
    AnswerFeedback.Evidence evidence = new AnswerFeedback.Evidence(question, kind, star, coverage, flags, keywords,
        specifics.numbers(), words, fillers, wpm, score);
    String followUp = AnswerFeedback.followUp(evidence);
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
        followUp,
        AnswerFeedback.followUpReason(evidence, followUp));
  }

  /** The answer's words without the skipped tokens, lowercase, one space apart, sentence after sentence. */
  static String plainWords(Transcript transcript, BitSet skip) {
    StringBuilder out = new StringBuilder();
    for (Transcript.Sentence sentence : transcript.sentences(skip)) {
      if (!sentence.words().isEmpty()) {
        out.append(out.length() == 0 ? "" : " ").append(sentence.words());
      }
    }
    return out.toString();
  }

  /**
   * Fewer meaningful words than the kind of question needs ({@value #MIN_MEANINGFUL_WORDS}; one for a
   * logistics question, where "It's open" is a whole answer; three for a career question), or a short reply
   * that only declines ("I don't know, sorry", "can I skip this one"): neither tells the interviewer anything.
   */
  private static boolean isNoAnswer(QuestionKind kind, Transcript transcript, FillerWords.Count fillers) {
    int meaningful = transcript.wordCount() - fillers.tokens();
    int needed = switch (kind) {
      case LOGISTICS -> 1;
      case CAREER -> 3;
      default -> MIN_MEANINGFUL_WORDS;
    };
    return meaningful < needed
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
