package dev.candor.interview;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a question asks for, read from its wording, so that each answer is judged by what its question
 * wanted: a story is judged on STAR, a weakness on a real weakness and what is being done about it, a
 * salary question on a short, direct reply. The planner's {@link QuestionType} only decides when the
 * wording says nothing (an empty question) or asks for nothing this enum names (then a technical question stays
 * technical), since "Tell me about a time..." and "What is your greatest weakness?" are both "behavioral" to it.
 *
 * <p>The wording is read in this order, the first match winning: logistics (salary, notice, start date,
 * relocation), self-introduction ("tell me about yourself", "walk me through your background"), weakness,
 * strength, a story ("tell me about a time", "give an example", "describe a situation", "your proudest
 * accomplishment"), a hypothetical ("what would you do if", "how would you handle"), a career move ("why
 * are you leaving", "where do you see yourself"), motivation ("why do you want", "why should we hire
 * you", "a good fit"), what the candidate did ("how did you", "a piece of code you wrote": a story again), a
 * technical explanation ("explain", "how does", "what is the difference", "how would you design"); anything else is a general question.
 */
public enum QuestionKind {
  STORY(80, 300),
  SITUATIONAL(60, 250),
  INTRODUCTION(60, 250),
  STRENGTH(40, 200),
  WEAKNESS(40, 200),
  MOTIVATION(40, 200),
  CAREER(15, 150),
  TECHNICAL(40, 300),
  LOGISTICS(2, 80),
  GENERAL(20, 200);

  /** From this many words on, the answer is long enough for its kind. */
  final int fullFrom;

  /** Beyond this many words the answer runs longer than its kind needs. */
  final int fullTo;

  QuestionKind(int fullFrom, int fullTo) {
    this.fullFrom = fullFrom;
    this.fullTo = fullTo;
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  private static final Pattern LOGISTICS_CUES = Pattern.compile(
      "\\b(?:(?:your|current|expected) (?:salary|compensation|pay)|salary (?:expectations?|range|requirements?)|"
          + "monetary|pay (?:range|expectations?)|notice period|start date|when can you start|how soon can you start|"
          + "(?:willing|able|open) to (?:relocate|travel|work (?:shifts|weekends|nights))|relocation|visa|sponsorship|"
          + "work schedule|benefits package)\\b");

  private static final Pattern INTRODUCTION_CUES = Pattern.compile(
      "\\b(?:(?:tell|talk) (?:me|us) (?:a (?:little|bit) |a little bit |more )?about yourself|introduce yourself|"
          + "describe yourself|walk (?:me|us) through your (?:resume|cv|background|career)|"
          + "(?:tell|talk) (?:me|us) about your background)\\b");

  private static final Pattern WEAKNESS_CUES = Pattern.compile(
      "\\b(?:weakness(?:es)?|development (?:point|area)s?|areas? (?:for|of) improvement|"
          + "what (?:would|could) you improve about yourself)\\b");

  private static final Pattern STRENGTH_CUES = Pattern.compile("\\b(?:strengths?|what are you (?:best|good) at)\\b");

  private static final Pattern STORY_CUES = Pattern.compile(
      "\\b(?:tell (?:me|us) about (?!yourself|why)|(?:a|one) time (?:when|that|you)|an? (?:example|instance|situation|occasion)\\b|"
          + "give (?:me |us )?(?:some |an? )?examples?|describe (?:a|an) (?:time|situation|project|occasion|"
          + "challenge|conflict|mistake|failure|decision)|have you ever|walk (?:me|us) through (?:a|how you)|"
          + "what (?:was|is|has been) your (?:most|biggest|proudest|greatest|hardest)|"
          + "(?:proudest|biggest|greatest) (?:accomplishment|achievement)|when (?:did|have) you (?:last )?(?:ever )?"
          + "(?:fail|disagree|lead|led|handle|make|made|have to))");

  private static final Pattern SITUATIONAL_CUES = Pattern.compile(
      "\\b(?:what (?:would|will|should) you do(?! differently)|how (?:would|will|should) you (?:handle|deal|respond|react|"
          + "approach|manage|prioriti[sz]e|proceed|resolve)|what if|imagine|suppose|hypothetical|"
          + "if you (?:were|had|found|saw|noticed|disagreed))\\b");

  private static final Pattern CAREER_CUES = Pattern.compile(
      "\\b(?:why (?:are|were) you (?:leaving|looking)|why (?:did|do) you (?:want to )?(?:leave|quit|change)|"
          + "reason for leaving|where (?:do|would) you (?:see yourself|want to be)|(?:five|5|ten|10) years|"
          + "career (?:goals?|plans?|aspirations?)|long[- ]term goals?)\\b");

  private static final Pattern MOTIVATION_CUES = Pattern.compile(
      "\\b(?:why (?:do|would) you (?:want|like)|why (?:are you|were you) (?:interested|applying)|"
          + "why (?:did you apply|this (?:company|role|job|position|team)|us|here|our company)|"
          + "why should (?:we|i) hire|what (?:attracts|attracted|interests|interested|motivates|drew) you|"
          + "(?:good|right|great) fit|why (?:do|would) you (?:be|think you'?d be) good|"
          + "what do you know about (?:us|our|the company))\\b");

  private static final Pattern TECHNICAL_CUES = Pattern.compile(
      "\\b(?:explain|how (?:does|do) (?:a|an|the)?\\s*\\w+ work|under the hood|what is (?:a|an|the)\\b|"
          + "what are (?:the )?(?:differences?|trade-?offs)|difference between|how would you (?:design|implement|"
          + "build|scale|structure|test|debug|model|store|make|optimi[sz]e)|define\\b)");

  /** A question about what the candidate did ("how did you", "a piece of code you wrote"): answered by a story. */
  private static final Pattern PAST_EXPERIENCE_CUES = Pattern.compile(
      "\\b(?:(?:how|what|where|when|which) (?:\\w+ )?(?:did|have) you|you(?:'ve| have) (?:hit|faced|used|solved|built|"
          + "worked|done|made|led|shipped)|you (?:wrote|built|faced|solved|made|led|shipped|designed))\\b");

  /** The kind of a question, from its wording first, then from its planned type. */
  public static QuestionKind of(Question question) {
    if (question == null) {
      return STORY;
    }
    QuestionKind fromText = ofText(question.text());
    if (fromText != GENERAL || !Phrases.isBlank(question.text())) {
      return fromText == GENERAL && question.type() == QuestionType.TECHNICAL ? TECHNICAL : fromText;
    }
    return question.type() == QuestionType.TECHNICAL ? TECHNICAL : STORY;
  }

  /** A kind and the wording that asks for it. */
  private record Cue(Pattern wording, QuestionKind kind) {}

  /** Tried in this order: the first whose wording matches decides. */
  private static final List<Cue> CUES = List.of(
      new Cue(LOGISTICS_CUES, LOGISTICS),
      new Cue(INTRODUCTION_CUES, INTRODUCTION),
      new Cue(WEAKNESS_CUES, WEAKNESS),
      new Cue(STRENGTH_CUES, STRENGTH),
      new Cue(STORY_CUES, STORY),
      new Cue(SITUATIONAL_CUES, SITUATIONAL),
      new Cue(CAREER_CUES, CAREER),
      new Cue(MOTIVATION_CUES, MOTIVATION),
      new Cue(PAST_EXPERIENCE_CUES, STORY),
      new Cue(TECHNICAL_CUES, TECHNICAL));

  /** The kind a question's wording asks for; {@link #GENERAL} when it asks for none of the others. */
  static QuestionKind ofText(String text) {
    if (Phrases.isBlank(text)) {
      return GENERAL;
    }
    String q = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    return CUES.stream().filter(c -> c.wording().matcher(q).find()).map(Cue::kind).findFirst().orElse(GENERAL);
  }

  /** A question about something that went wrong: its answer owes a lesson, not only an outcome. */
  static boolean asksAboutFailure(Question question) {
    return question != null && !Phrases.isBlank(question.text()) && FAILURE_CUES.matcher(
        question.text().toLowerCase(Locale.ROOT)).find();
  }

  private static final Pattern FAILURE_CUES = Pattern.compile(
      "\\b(?:fail(?:ed|ure|s)?|mistakes?|went wrong|setbacks?|regret|wrong decision|error you made)\\b");
}
