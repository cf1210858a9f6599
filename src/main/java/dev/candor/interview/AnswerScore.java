package dev.candor.interview;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The score of one answer, 0-100, and the parts it is made of, so feedback can say where points were lost.
 * The question's {@link QuestionKind} decides what the answer's parts are and how long it should be. The
 * formula:
 *
 * <pre>
 * parts        40  the parts the kind asks for ({@link AnswerRubric}): STAR for a story, a real weakness and
 *                  what is being done about it for a weakness, and so on
 * relevance    20  20 * min(1, (offered + 0.5 * other) / target)
 *                    offered = distinct keywords the job or the question named (technologies and significant
 *                              words of the requirements, responsibilities, title, topic and question)
 *                    other   = distinct other known technologies and competency words (team, latency, ...)
 *                    target  = 3 for a story, a hypothetical or an introduction; 1 for career and logistics
 *                              questions; 2 for the others
 * specificity  15  5 for a number (digits, "percent", "twice", "half", ...), 5 for a name (a capitalised word
 *                  that does not open a sentence), 5 for an example ("for example", "when I", "last year")
 * ownership    10  10 for "I" at least twice with "we" no more than twice as often, 5 for a single "I";
 *                  technical and logistics answers are not about the speaker and earn the 10 without it
 * length       15  15 * words / from below the kind's range; 15 within it; above it 15 - (words - to) / 20,
 *                  never below 5. The range per kind (words): story 80-300, hypothetical 60-250, introduction
 *                  60-250, strength, weakness and motivation 40-200, career 15-150, technical 40-300,
 *                  logistics 2-80, general 20-200; the upper end is never below the question's expected time at
 *                  150 words a minute
 * hedging     -10  3 for each hedge ("I guess", "kind of", "sort of", "probably", "maybe", "somehow", "I suppose")
 * red flags        each flag's points ({@link RedFlags}): declining, negativity, a self-centred motive, a
 *                  pseudo-weakness, a hypothetical for a story, no lesson from a failure, jargon, clichés
 * fillers     -30  round(2.5 * (fillers per 100 words - 2)), from 0 up to 30: two per hundred words are tolerated
 * pace        -10  only when the duration is known: round((110 - wpm) / 5) below 110 words per minute,
 *                  round((wpm - 180) / 5) above 180, at most 10
 *
 * score = clamp(round(parts + relevance + specificity + ownership + length) - hedging - flags - fillers - pace, 0, 100)
 * </pre>
 *
 * An empty or near-empty answer (fewer than 5 words that are not fillers; 1 for a logistics question, 3 for a
 * career question) is not scored by this formula: it is a "no answer" and scores 0.
 */
record AnswerScore(int parts, double relevance, int numbers, int names, int examples, int ownership, double length,
    int hedgePenalty, int flagPenalty, int fillerPenalty, int pacePenalty) {

  static final int FULL_LENGTH_FROM = QuestionKind.STORY.fullFrom;
  static final int FULL_LENGTH_TO = QuestionKind.STORY.fullTo;
  static final double TOLERATED_FILLER_RATE = 2.0;
  static final double SLOWEST_WPM = 110;
  static final double FASTEST_WPM = 180;
  static final int MAX_HEDGE_PENALTY = 10;
  /** One filler in every five words buries the content whatever it is, so fillers can cost up to this much. */
  static final int MAX_FILLER_PENALTY = 30;

  private static final Pattern NUMBER = Pattern.compile(
      "\\d|\\b(?:percent|hundred|thousand|million|billion|twice|double[ds]?|half|halved|triple[ds]?|dozens?)\\b",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern EXAMPLE = Pattern.compile(
      "\\b(?:for example|for instance|e g|such as|when i|last (?:week|month|year|quarter|semester|term)|recently|"
          + "one time|a couple (?:of )?years ago|once)\\b");

  private static final Pattern HEDGE = Pattern.compile(
      "\\b(?:i guess|kind of|sort of|kinda|sorta|probably|maybe|somehow|i suppose|pretty good|i'm not sure)\\b");

  /** What makes an answer concrete, each found once: the score counts them, the rubric and the feedback read them. */
  record Specifics(boolean numbers, boolean names, boolean examples) {

    /** @param words the answer's words without fillers, lowercase, single-spaced */
    static Specifics of(Transcript answer, String words) {
      return new Specifics(mentionsNumbers(answer.text()), namesSomething(answer), givesExample(words));
    }

    boolean any() {
      return numbers || names || examples;
    }
  }

  /** What the analyser measured of one answer, in the terms the formula uses. */
  record Inputs(QuestionKind kind, Question question, AnswerRubric.Coverage coverage, AnswerKeywords.Found keywords,
      Transcript answer, String words, Specifics specifics, FillerWords.Count fillers, List<RedFlags.Flag> flags,
      Double wordsPerMinute) {}

  static AnswerScore of(Inputs in) {
    int wordCount = in.answer().wordCount();
    double target = relevanceTarget(in.kind());
    double relevance = 20 * Math.min(1.0, (in.keywords().offered() + 0.5 * in.keywords().other()) / target);
    return new AnswerScore(
        in.coverage().points(),
        relevance,
        in.specifics().numbers() ? 5 : 0,
        in.specifics().names() ? 5 : 0,
        in.specifics().examples() ? 5 : 0,
        ownershipPoints(in.kind(), in.answer()),
        lengthPoints(wordCount, in.kind(), in.question()),
        hedgePenalty(in.words()),
        in.flags().stream().mapToInt(f -> f.penalty).sum(),
        fillerPenalty(in.fillers().rate(wordCount)),
        pacePenalty(in.wordsPerMinute()));
  }

  int total() {
    long raw = Math.round(parts + relevance + numbers + names + examples + ownership + length)
        - hedgePenalty - flagPenalty - fillerPenalty - pacePenalty;
    return (int) Math.max(0, Math.min(100, raw));
  }

  boolean concrete() {
    return numbers + names + examples > 0;
  }

  static boolean mentionsNumbers(String text) {
    return text != null && NUMBER.matcher(text).find();
  }

  private static boolean givesExample(String words) {
    return EXAMPLE.matcher(words).find();
  }

  /** A capitalised word that does not open a sentence and is not "I": a person, a company, a product. */
  private static boolean namesSomething(Transcript answer) {
    String text = answer.text();
    for (Transcript.Token token : answer.tokens()) {
      if (token.sentenceStart() || token.lower().equals("i") || token.lower().startsWith("i'")) {
        continue;
      }
      char first = text.charAt(token.start());
      boolean shouted = token.end() - token.start() > 4
          && text.substring(token.start(), token.end()).chars().noneMatch(Character::isLowerCase);
      if (Character.isUpperCase(first) && !shouted) {
        return true;
      }
    }
    return false;
  }

  private static int ownershipPoints(QuestionKind kind, Transcript answer) {
    if (kind == QuestionKind.TECHNICAL || kind == QuestionKind.LOGISTICS) {
      return 10;
    }
    int[] iWe = firstPersonCounts(answer);
    if (iWe[1] > 2 * iWe[0]) {
      return 0;
    }
    return iWe[0] >= 2 ? 10 : iWe[0] == 1 ? 5 : 0;
  }

  private static int[] firstPersonCounts(Transcript answer) {
    int i = 0;
    int we = 0;
    for (Transcript.Token token : answer.tokens()) {
      switch (token.lower()) {
        case "i", "i'm", "i've", "i'd", "i'll", "my", "me" -> i++;
        case "we", "we're", "we've", "we'd", "we'll" -> we++;
        default -> { }
      }
    }
    return new int[] {i, we};
  }

  private static double relevanceTarget(QuestionKind kind) {
    return switch (kind) {
      case STORY, SITUATIONAL, INTRODUCTION -> 3;
      case CAREER, LOGISTICS -> 1;
      default -> 2;
    };
  }

  /** The word count from which an answer to this question stops being long enough. */
  static int fullTo(QuestionKind kind, Question question) {
    int expected = question == null ? 0 : (int) (question.estimatedTime() * AnswerAnalyser.ASSUMED_WPM / 60);
    return Math.max(kind.fullTo, expected);
  }

  private static double lengthPoints(int words, QuestionKind kind, Question question) {
    if (words < kind.fullFrom) {
      return 15.0 * words / kind.fullFrom;
    }
    int to = fullTo(kind, question);
    if (words <= to) {
      return 15;
    }
    return Math.max(5, 15 - (words - to) / 20.0);
  }

  private static int hedgePenalty(String words) {
    var m = HEDGE.matcher(words);
    int count = 0;
    while (m.find()) {
      count++;
    }
    return Math.min(MAX_HEDGE_PENALTY, 3 * count);
  }

  private static int fillerPenalty(double ratePer100Words) {
    return (int) Math.min(MAX_FILLER_PENALTY, Math.round(2.5 * Math.max(0, ratePer100Words - TOLERATED_FILLER_RATE)));
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
