package dev.candor.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  record Evidence(Question question, Star star, AnswerKeywords.Found keywords, boolean numbers, int words,
      FillerWords.Count fillers, Double wordsPerMinute, AnswerScore score) {

    List<StarPart> missingParts() {
      return StarPart.missingFrom(star);
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
    sentences.add(whatWorked(e));
    sentences.add(whatIsMissing(e));
    String delivery = delivery(e);
    if (delivery != null) {
      sentences.add(delivery);
    }
    return String.join(" ", sentences);
  }

  static List<String> suggestions(Evidence e) {
    List<String> out = new ArrayList<>();
    List<StarPart> missing = e.missingParts();
    if (!missing.isEmpty()) {
      out.add("Add " + Phrases.joinNatural(missing.stream().map(p -> p.asSuggestion).toList()));
    }
    if (!e.numbers()) {
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
    if (e.words() < AnswerScore.FULL_LENGTH_FROM) {
      out.add("Give more detail: aim for roughly 150-250 words, one to two minutes");
    } else if (e.words() > AnswerScore.FULL_LENGTH_TO) {
      out.add("Tighten the answer to about two minutes and lead with the result");
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
    boolean thin = e.score().total() < 60 || !e.star().action() || !e.star().result();
    if (!thin) {
      return null;
    }
    String tech = questionTechnology(e.question());
    List<StarPart> missing = e.missingParts();
    if (!missing.isEmpty()) {
      return switch (missing.get(0)) {
        case SITUATION -> "Can you make that concrete? Pick one specific time: where were you, and what was going on?";
        case TASK -> "What exactly were you responsible for there, and what did success look like?";
        case ACTION -> tech == null
            ? "What did you personally do, step by step, and why did you choose that approach?"
            : "What did you personally do with " + tech + ", step by step, and why did you choose that approach?";
        case RESULT -> "How did it turn out? What changed because of your work, and can you put a number on it?";
      };
    }
    if (!e.numbers()) {
      return "Can you put a number on the impact, such as time saved, errors avoided or users affected?";
    }
    if (!e.keywords().missingFromQuestion().isEmpty()) {
      return "Where exactly did " + e.keywords().missingFromQuestion().get(0) + " come into that, and what did you do with it?";
    }
    return "What was the hardest decision you made there, and what would you do differently today?";
  }

  static String noAnswerFeedback() {
    return "No answer was given to this question. Even a short, specific example helps: say where you were, "
        + "what you did and what happened.";
  }

  static List<String> noAnswerSuggestions() {
    return List.of(
        "Answer with one concrete example from your own experience, even a short one",
        "If you need a moment, say so, then use the STAR structure: situation, task, action, result");
  }

  static String noAnswerFollowUp(Question question) {
    if (question == null || Phrases.isBlank(question.text())) {
      return "Let's try again: can you tell me about one specific example from your experience?";
    }
    return "Let me ask that again: " + question.text().trim();
  }

  /** One short sentence reacting to an answer before the next question. */
  static String acknowledge(AnswerAnalysis analysis) {
    if (analysis == null) {
      return "Let's move on to the next question.";
    }
    int variant = analysis.questionId() == null ? 0 : Math.floorMod(analysis.questionId().hashCode(), 2);
    if (analysis.noAnswer()) {
      return variant == 0
          ? "That one did not get an answer, so let's move on."
          : "No answer on that one; let's keep going.";
    }
    int score = analysis.score();
    if (score >= 80) {
      return variant == 0
          ? "Thank you, that was a clear and specific answer."
          : "Thanks, that was specific and easy to follow.";
    }
    if (score >= 60) {
      return variant == 0 ? "Thanks, that gives me a good picture." : "Thank you, that helps.";
    }
    if (score >= 40) {
      return variant == 0
          ? "Thanks. A more specific example would have helped, but let's continue."
          : "Okay, thank you. Let's move on.";
    }
    return variant == 0 ? "Okay, thank you. Let's move on." : "Alright, let's go to the next one.";
  }

  private static String whatWorked(Evidence e) {
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
    if (e.words() < 40) {
      return "At " + e.words() + " words the answer was short; aim for one to two minutes.";
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
