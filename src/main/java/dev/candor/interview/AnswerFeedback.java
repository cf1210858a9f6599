package dev.candor.interview;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns what the analyser found into words for the candidate: 2-3 sentences of feedback, up to four
 * suggestions and a follow-up question. Praise is only ever given for something the answer really
 * contains, and what is missing is named ("You never said what the result was"), because vague
 * feedback is the thing candidates complain about most.
 */
final class AnswerFeedback {

  /**
   * The suggestion given when an answer has no number in it. {@link InterviewInsights} looks for it to
   * tell quantified answers from the others, since an analysis does not keep the answer's text.
   */
  static final String QUANTIFY = "Quantify the impact with a number: a percentage, time saved, money or users affected";

  static final int MAX_SUGGESTIONS = 4;

  /** What the analyser found in one answer. */
  record Evidence(Question question, QuestionKind kind, Star star, AnswerRubric.Coverage coverage,
      List<RedFlags.Flag> flags, AnswerKeywords.Found keywords, boolean numbers, int words, FillerWords.Count fillers,
      Double wordsPerMinute, AnswerScore score) {

    boolean story() {
      return kind == QuestionKind.STORY;
    }

    List<StarPart> missingParts() {
      return story() ? StarPart.missingFrom(star) : List.of();
    }

    /** The flags worth a sentence of their own: every flag but clichés, worst first. */
    List<RedFlags.Flag> seriousFlags() {
      return flags.stream().filter(f -> f != RedFlags.Flag.CLICHE)
          .sorted((a, b) -> b.penalty - a.penalty).toList();
    }

    /** Numbers make a story, a strength or an introduction believable; a salary or a weakness needs none. */
    boolean wantsNumbers() {
      return kind == QuestionKind.STORY || kind == QuestionKind.STRENGTH || kind == QuestionKind.INTRODUCTION;
    }
  }

  /** The STAR parts, with how to name each when it is missing. */
  enum StarPart {
    SITUATION("where and when this happened", "the situation (where you were and what was going on)"),
    TASK("what your goal was", "the task (what you were responsible for)"),
    ACTION("what you personally did", "the action (the steps you personally took)"),
    RESULT("what the result was", "the result (what changed because of your work)");

    private final String neverSaid;
    private final String asSuggestion;

    StarPart(String neverSaid, String asSuggestion) {
      this.neverSaid = neverSaid;
      this.asSuggestion = asSuggestion;
    }

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    boolean in(Star star) {
      return switch (this) {
        case SITUATION -> star.situation();
        case TASK -> star.task();
        case ACTION -> star.action();
        case RESULT -> star.result();
      };
    }

    static List<StarPart> missingFrom(Star star) {
      return List.of(values()).stream().filter(p -> !p.in(star)).toList();
    }

    static List<StarPart> presentIn(Star star) {
      return List.of(values()).stream().filter(p -> p.in(star)).toList();
    }
  }

  private AnswerFeedback() {}

  static String feedback(Evidence e) {
    List<String> sentences = new ArrayList<>();
    List<RedFlags.Flag> serious = e.seriousFlags();
    sentences.add(serious.isEmpty() ? whatWorked(e) : serious.get(0).feedback);
    sentences.add(whatIsMissing(e));
    String delivery = delivery(e);
    if (delivery != null) {
      sentences.add(delivery);
    }
    return String.join(" ", sentences);
  }

  static List<String> suggestions(Evidence e) {
    List<String> out = new ArrayList<>();
    e.seriousFlags().stream().limit(2).forEach(f -> out.add(f.suggestion));
    if (e.flags().contains(RedFlags.Flag.CLICHE) && out.size() < 2) {
      out.add(RedFlags.Flag.CLICHE.suggestion);
    }
    List<StarPart> missing = e.missingParts();
    if (!missing.isEmpty()) {
      out.add("Add " + Phrases.joinNatural(missing.stream().map(p -> p.asSuggestion).toList()));
    } else if (!e.story() && !e.coverage().missing().isEmpty()) {
      out.add("Add " + Phrases.joinNatural(e.coverage().missing().stream().map(AnswerRubric.Part::missing).toList()));
    }
    if (!e.numbers() && e.wantsNumbers()) {
      out.add(QUANTIFY);
    }
    String terms = missingTermsSuggestion(e);
    if (terms != null) {
      out.add(terms);
    }
    if (e.score().fillerPenalty() > 0) {
      out.add("Cut filler words (you used " + e.fillers().total() + ", mostly " + quotedFillers(e)
          + "): pause silently instead");
    }
    int fullTo = AnswerScore.fullTo(e.kind(), e.question());
    if (e.words() < e.kind().fullFrom) {
      out.add(e.story()
          ? "Give more detail: aim for roughly 150-250 words, one to two minutes"
          : "Give more detail: aim for at least " + e.kind().fullFrom + " words");
    } else if (e.words() > fullTo) {
      out.add(e.story()
          ? "Tighten the answer to about two minutes and lead with the result"
          : "Tighten the answer to under " + fullTo + " words and lead with the point");
    }
    if (e.score().pacePenalty() > 0) {
      out.add(e.wordsPerMinute() > AnswerScore.FASTEST_WPM
          ? "Slow down to about 120-170 words per minute"
          : "Pick up the pace a little, to about 120-170 words per minute");
    }
    if (out.isEmpty()) {
      out.add("Keep this structure, and prepare a second example in case you are asked for another");
    }
    return out.size() > MAX_SUGGESTIONS ? List.copyOf(out.subList(0, MAX_SUGGESTIONS)) : List.copyOf(out);
  }

  /**
   * A follow-up when the answer is thin (score below 60, or no action or no result), aimed at the
   * first missing STAR part; null when the answer stands on its own.
   */
  static String followUp(Evidence e) {
    List<RedFlags.Flag> serious = e.seriousFlags();
    if (!serious.isEmpty()) {
      return serious.get(0).followUp;
    }
    if (!e.story()) {
      return otherFollowUp(e);
    }
    boolean thin = e.score().total() < 60 || !e.star().action() || !e.star().result();
    if (!thin) {
      return null;
    }
    String tech = questionTechnology(e.question());
    List<StarPart> missing = e.missingParts();
    if (!missing.isEmpty()) {
      return starFollowUp(missing.get(0), tech);
    }
    if (!e.numbers()) {
      return NUMBERS_FOLLOW_UP;
    }
    if (!e.keywords().missingFromQuestion().isEmpty()) {
      return "Where exactly did " + e.keywords().missingFromQuestion().get(0) + " come into that, and what did you do with it?";
    }
    return HARDEST_DECISION_FOLLOW_UP;
  }

  /** @param tech the technology the question names, or null */
  private static String starFollowUp(StarPart missing, String tech) {
    return switch (missing) {
      case SITUATION -> "Can you make that concrete? Pick one specific time: where were you, and what was going on?";
      case TASK -> "What exactly were you responsible for there, and what did success look like?";
      case ACTION -> tech == null
          ? "What did you personally do, step by step, and why did you choose that approach?"
          : "What did you personally do with " + tech + ", step by step, and why did you choose that approach?";
      case RESULT -> "How did it turn out? What changed because of your work, and can you put a number on it?";
    };
  }

  /** Why a follow-up was asked, for the candidate; null when there is none. */
  static String followUpReason(Evidence e, String followUp) {
    if (followUp == null) {
      return null;
    }
    List<RedFlags.Flag> serious = e.seriousFlags();
    if (!serious.isEmpty()) {
      return serious.get(0).feedback;
    }
    if (!e.story() && !e.coverage().missing().isEmpty()) {
      return "The answer did not give " + e.coverage().missing().get(0).missing();
    }
    return null;
  }

  /** A follow-up for an answer that is not a story: on its first missing part, when the answer is thin. */
  private static String otherFollowUp(Evidence e) {
    if (e.score().total() >= 60 || e.coverage().missing().isEmpty()) {
      return null;
    }
    return "Could you tell me more about " + e.coverage().missing().get(0).missing() + "?";
  }

  static String noAnswerFeedback(QuestionKind kind) {
    if (kind == QuestionKind.STORY) {
      return "No answer was given to this question. Even a short, specific example helps: say where you were, "
          + "what you did and what happened.";
    }
    return "No answer was given to this question. Even two or three sentences that answer it directly help.";
  }

  static List<String> noAnswerSuggestions(QuestionKind kind) {
    if (kind == QuestionKind.STORY) {
      return List.of(
          "Answer with one concrete example from your own experience, even a short one",
          "If you need a moment, say so, then use the STAR structure: situation, task, action, result");
    }
    return List.of(
        "Answer the question directly in your first sentence, then give one reason or example",
        "If you need a moment to think, say so rather than leaving it unanswered");
  }

  static String noAnswerFollowUp(Question question) {
    if (question == null || Phrases.isBlank(question.text())) {
      return "Let's try again: can you tell me about one specific example from your experience?";
    }
    return "Let me ask that again: " + question.text().trim();
  }

  /** Remarks on an answer by score band (no answer, 80+, 60+, 40+, lower), two phrasings each. */
  private static final List<List<String>> REMARKS = List.of(
      List.of("That one did not get an answer, so let's move on.", "No answer on that one; let's keep going."),
      List.of("Thank you, that was a clear and specific answer.", "Thanks, that was specific and easy to follow."),
      List.of("Thanks, that gives me a good picture.", "Thank you, that helps."),
      List.of("Thanks. A more specific example would have helped, but let's continue.", "Okay, thank you. Let's move on."),
      List.of("Okay, thank you. Let's move on.", "Alright, let's go to the next one."));

  private static final String NO_ANALYSIS_REMARK = "Let's move on to the next question.";
  private static final String NUMBERS_FOLLOW_UP =
      "Can you put a number on the impact, such as time saved, errors avoided or users affected?";
  private static final String HARDEST_DECISION_FOLLOW_UP =
      "What was the hardest decision you made there, and what would you do differently today?";

  /** One short sentence reacting to an answer before the next question. */
  static String acknowledge(AnswerAnalysis analysis) {
    if (analysis == null) {
      return NO_ANALYSIS_REMARK;
    }
    int variant = analysis.questionId() == null ? 0 : Math.floorMod(analysis.questionId().hashCode(), 2);
    int score = analysis.score();
    int band = analysis.noAnswer() ? 0 : score >= 80 ? 1 : score >= 60 ? 2 : score >= 40 ? 3 : 4;
    return REMARKS.get(band).get(variant);
  }

  /** Every remark and every follow-up that names nothing of the answer or question: the same words in many interviews. */
  static List<String> cannedLines() {
    Set<String> lines = new LinkedHashSet<>();
    REMARKS.forEach(lines::addAll);
    lines.add(NO_ANALYSIS_REMARK);
    for (StarPart part : StarPart.values()) {
      lines.add(starFollowUp(part, null));
    }
    lines.add(NUMBERS_FOLLOW_UP);
    lines.add(HARDEST_DECISION_FOLLOW_UP);
    for (RedFlags.Flag flag : RedFlags.Flag.values()) {
      if (flag.followUp != null) {
        lines.add(flag.followUp);
      }
    }
    return List.copyOf(lines);
  }

  private static String whatWorked(Evidence e) {
    if (!e.story()) {
      List<AnswerRubric.Part> present = e.coverage().present();
      if (present.isEmpty()) {
        return "The answer stayed general and did not give what this kind of question asks for.";
      }
      return "You gave " + Phrases.joinNatural(present.stream().map(AnswerRubric.Part::shown).toList())
          + (e.score().concrete() ? ", with concrete detail." : ".");
    }
    List<StarPart> present = StarPart.presentIn(e.star());
    if (present.size() >= 3) {
      String parts = Phrases.joinNatural(present.stream().map(StarPart::label).toList());
      return "You told a structured story covering the " + parts
          + (e.numbers() ? ", and backed it with numbers." : ".");
    }
    List<String> jobTerms = e.keywords().offered() >= 2 ? e.keywords().keywords().subList(0, 2) : List.of();
    if (!jobTerms.isEmpty() && present.size() == 2) {
      return "You covered the " + Phrases.joinNatural(present.stream().map(StarPart::label).toList())
          + " and brought in relevant points such as " + Phrases.joinNatural(jobTerms) + ".";
    }
    if (present.size() == 2) {
      return "You covered the " + Phrases.joinNatural(present.stream().map(StarPart::label).toList()) + ".";
    }
    if (e.numbers()) {
      return "You gave concrete numbers, which makes the answer easier to believe.";
    }
    if (!jobTerms.isEmpty()) {
      return "You brought in relevant points such as " + Phrases.joinNatural(jobTerms) + ".";
    }
    if (present.size() == 1) {
      return "You described the " + present.get(0).label() + ", but the answer stayed general.";
    }
    return "The answer stayed general and did not walk through a specific example.";
  }

  private static String whatIsMissing(Evidence e) {
    if (!e.story()) {
      List<AnswerRubric.Part> missing = e.coverage().missing();
      if (!missing.isEmpty()) {
        return "For this kind of question, also give " + Phrases.joinNatural(
            missing.stream().map(AnswerRubric.Part::missing).toList()) + ".";
      }
      return "Nothing essential was missing.";
    }
    List<StarPart> missing = e.missingParts();
    if (!missing.isEmpty()) {
      List<String> named = missing.stream().map(p -> p.neverSaid).toList();
      String list = named.size() == 1 ? named.get(0)
          : String.join(", ", named.subList(0, named.size() - 1)) + " or " + named.get(named.size() - 1);
      return "You never said " + list + ".";
    }
    if (!e.numbers()) {
      return "The result has no number yet; time saved, error rates or users affected would make it concrete.";
    }
    if (!e.keywords().missingFromQuestion().isEmpty()) {
      return "You did not mention " + e.keywords().missingFromQuestion().get(0) + ", which this question is about.";
    }
    return "Nothing essential was missing.";
  }

  private static String delivery(Evidence e) {
    if (e.score().fillerPenalty() > 0) {
      return "You used " + e.fillers().total() + " filler words, mostly " + quotedFillers(e)
          + "; a short silent pause sounds more confident.";
    }
    if (e.score().pacePenalty() > 0) {
      long wpm = Math.round(e.wordsPerMinute());
      return wpm > AnswerScore.FASTEST_WPM
          ? "At about " + wpm + " words per minute you spoke fast; aim for 120 to 170."
          : "At about " + wpm + " words per minute you spoke slowly; aim for 120 to 170.";
    }
    if (e.story() && e.words() < 40) {
      return "At " + e.words() + " words the answer was short; aim for one to two minutes.";
    }
    if (!e.story() && e.words() < e.kind().fullFrom) {
      return "At " + e.words() + " words the answer was short for this question; aim for at least "
          + e.kind().fullFrom + ".";
    }
    return null;
  }

  private static String missingTermsSuggestion(Evidence e) {
    List<String> fromQuestion = e.keywords().missingFromQuestion();
    if (!fromQuestion.isEmpty()) {
      return "Mention your hands-on experience with " + Phrases.joinNatural(first(fromQuestion, 2));
    }
    List<String> fromJob = e.keywords().missingFromJob();
    boolean technical = e.question() != null && e.question().type() == QuestionType.TECHNICAL;
    if (e.keywords().offered() == 0 && !fromJob.isEmpty() && !technical) {
      return "Tie the story to the role, for example by mentioning " + orList(first(fromJob, 2));
    }
    return null;
  }

  private static String questionTechnology(Question question) {
    if (question == null) {
      return null;
    }
    List<TechVocabulary.Technology> techs = TechVocabulary.find(question.topic());
    return techs.size() == 1 ? techs.get(0).name() : null;
  }

  private static String quotedFillers(Evidence e) {
    return e.fillers().mostUsed(2).stream().map(w -> "\"" + w + "\"").collect(Collectors.joining(" and "));
  }

  private static List<String> first(List<String> items, int n) {
    return items.size() > n ? items.subList(0, n) : items;
  }

  private static String orList(List<String> items) {
    return items.size() == 1 ? items.get(0) : String.join(" or ", items);
  }
}
