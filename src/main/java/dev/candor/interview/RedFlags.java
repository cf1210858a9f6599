package dev.candor.interview;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What interviewers hold against an answer whatever else it contains, each with the points it costs and the
 * advice that names it. These are the mistakes interview coaches warn about by name, not patterns fitted to
 * particular answers:
 *
 * <pre>
 * declines          -30  a reply under 40 words that still does not answer ("I can't think of one", "that never
 *                        happened to me, so I wouldn't know", "Never thought about this", "None.")
 * negative          -25  speaking badly of an employer, a boss, colleagues or customers ("hated", "terrible",
 *                        "incompetent", "toxic"), on any question but a technical one
 * self-centred      -20  a motive that is only about what the job gives you (money, pay, the commute, the location,
 *                        "desperate for a job", "you asked me to come"), on motivation and career questions
 * personal goal     -15  a career goal that is about private life, not work ("married with kids"), on career questions
 * pseudo-weakness   -20  a strength dressed as a weakness ("perfectionist", "I care too much", "I work too hard",
 *                        "I expect others to work as hard as I do"), or no weakness at all, on weakness questions
 * hypothetical      -15  a story question answered with what one would or usually does, with no action taken
 * blame             -15  a failure or mistake whose fault the answer puts on others ("my manager never did", "he
 *                        refused to")
 * no lesson         -15  a question about a failure or mistake answered without what was learned or changed
 * jargon            -15  an explanation asked for a non-technical listener that gives no example or comparison
 * cliché            -5   each stock phrase ("team player", "hard worker", "proven track record", "think outside the
 *                        box", "make a difference", "new challenge"), at most two counted
 * </pre>
 */
final class RedFlags {

  enum Flag {
    DECLINES(30, "The reply does not answer the question.",
        "Answer the question asked: if no example comes to mind, take a moment and pick the closest one you have",
        "Take a moment: which time from your work, studies or life comes closest?"),
    NEGATIVE(25, "Speaking badly of a former employer, boss or colleagues makes an interviewer wonder what you will"
        + " say about them.",
        "Keep it neutral: say what you learned or what you are looking for instead of what was wrong",
        "Looking back, what did you learn from that experience, and what are you looking for now?"),
    SELF_CENTRED(20, "The reason given is about what the job does for you, not what you would bring to it.",
        "Name what draws you to the work and the company, and what you would contribute",
        "Beyond that, what draws you to this work in particular, and what would you bring to it?"),
    PERSONAL_GOAL(15, "The goal is about your private life, not your work.",
        "Describe where you want to be professionally: the skills, scope or role you are working towards",
        "And professionally, where would you like to be by then?"),
    PSEUDO_WEAKNESS(20, "This is a strength presented as a weakness, which interviewers hear as evasive.",
        "Name a real weakness, what it has cost you, and the concrete steps you are taking to improve",
        "What is a weakness that has actually cost you something, and what are you doing about it?"),
    HYPOTHETICAL(15, "The question asked for a real time it happened, but the answer says what you would or usually"
        + " do.",
        "Tell one real time it happened: where you were, what you did and how it turned out",
        "Can you tell me about one specific time that actually happened?"),
    BLAME(15, "The answer puts what went wrong on other people; interviewers listen for what you owned.",
        "Describe your own part in what went wrong before anyone else's",
        "What could you have done differently yourself?"),
    NO_LESSON(15, "The answer does not say what you learned or would do differently.",
        "Own your part in what went wrong and say what you learned and what you now do differently",
        "What was your own part in it, and what do you do differently now?"),
    JARGON(15, "The explanation stays technical for a non-technical listener.",
        "Explain it with an everyday comparison or a concrete example the listener already knows",
        "How would you explain that with an everyday example to someone with no technical background?"),
    CLICHE(5, "Stock phrases such as \"team player\" tell the interviewer little.",
        "Replace stock phrases with something specific you did", null);

    final int penalty;
    final String feedback;
    final String suggestion;
    /** The question to ask next; null when the flag alone does not earn one. */
    final String followUp;

    Flag(int penalty, String feedback, String suggestion, String followUp) {
      this.penalty = penalty;
      this.feedback = feedback;
      this.suggestion = suggestion;
      this.followUp = followUp;
    }
  }

  /** At most this many clichés are counted against an answer. */
  static final int MAX_CLICHES = 2;

  private static final Pattern DECLINES = Pattern.compile(
      "\\b(?:(?:i )?(?:can't|cannot|couldn't) think of (?:one|any|anything|an example)|hard to think of|"
          + "(?:i )?(?:don't|do not) have (?:an|any) (?:example|answer)|nothing comes to mind|"
          + "(?:never|not) (?:happened|come up) (?:to me|before)|i wouldn't know|never thought about|"
          + "i haven't (?:done|had) anything|i (?:don't|do not) (?:even )?know what i|^(?:none|nope)\\b|"
          + "^nothing (?:really|comes to mind|at all)\\b)");

  private static final Pattern NEGATIVE = Pattern.compile(
      "\\b(?:hated?(?! \\w+ing\\b)|hates|terrible|awful|horrible|idiots?|incompetent|useless|toxic|sucked|sucks|"
          + "crap\\w*|jerks?|clueless|miserable|pathetic)\\b");

  private static final Pattern SELF_CENTRED = Pattern.compile(
      "\\b(?:money|pay(?! attention)|(?:get|got|be) paid|paid (?:more|better)|salary|desperate|need (?:a|the) job|"
          + "close (?:to|by) (?:my|where i) (?:house|home|live)|close by|commute|location|"
          + "live (?:pretty |really )?(?:close|near)|near my (?:house|home)|vacation|you (?:asked|invited) me|"
          + "called me in)\\b");

  private static final Pattern PERSONAL_GOAL = Pattern.compile(
      "\\b(?:married|kids|children|(?:have|start|raise) a family|retire\\w*|travel the world|vacation)\\b");

  private static final Pattern PSEUDO_WEAKNESS = Pattern.compile(
      "\\b(?:perfectionist|care too much|work too hard|too (?:focused|dedicated|passionate|committed|detail)|"
          + "push (?:my people|people|others|my team) too hard|expect (?:others|people|everyone) to work as hard|"
          + "(?:don't|do not) have (?:any|a) weakness|haven't got any|no weaknesses|workaholic)\\b");

  private static final Pattern HYPOTHETICAL_WORDING = Pattern.compile(
      "\\b(?:i would|i'd|i usually|i always|i generally|i typically|i try to|i tend to|i will|i'll)\\b");

  private static final Pattern LESSON = Pattern.compile(
      "\\b(?:learn(?:ed|t)|taught me|lessons?|i realized|i realised|since then|from then on|next time|differently|"
          + "i should have|in hindsight|going forward|now i|i now|i make sure|i always)\\b");

  private static final Pattern BLAME = Pattern.compile(
      "\\b(?:manager|boss|director|supervisor|lead|colleagues?|coworkers?|client|customer|he|she|they) (?:\\w+ ){0,8}?"
          + "(?:never|didn't|did not|failed to|refused|blamed|ignored|wouldn't|would not|let me down)\\b");

  private static final Pattern LAY_AUDIENCE = Pattern.compile(
      "\\b(?:non ?technical|lay ?(?:man|men|person|people)|grandm\\w+|(?:five|5) year old|child|"
          + "kid|someone without|business (?:person|stakeholder|audience)|not technical)\\b");

  private static final Pattern EXAMPLE_OR_COMPARISON = Pattern.compile(
      "\\b(?:for example|for instance|imagine|think of|like (?:a|an|the|when|twitter|\\w+'s)|such as|say you|"
          + "i could use|picture|just as|similar to|the same way)\\b");

  private static final Pattern CLICHES = Pattern.compile(
      "\\b(?:team player|hard ?worker|hard ?working|go getter|think outside the box|proven track record|"
          + "results driven|people person|self starter|new challenge|make a difference|synergy|very successful)\\b");

  private static final Set<QuestionKind> MOTIVE_KINDS = EnumSet.of(QuestionKind.MOTIVATION, QuestionKind.CAREER);

  /** A reply this long answers something, whatever it says along the way ("I don't know what I would have done..."). */
  static final int MAX_DECLINING_WORDS = 40;

  private RedFlags() {}

  /**
   * The flags an answer raises, each once except clichés (up to {@value #MAX_CLICHES}).
   *
   * @param words the answer's words without fillers, lowercase, single-spaced
   */
  static List<Flag> raisedBy(QuestionReading question, String words, Star star) {
    QuestionKind kind = question.kind();
    String questionWords = question.words();
    List<Flag> flags = new ArrayList<>();
    if (wordCount(words) < MAX_DECLINING_WORDS && DECLINES.matcher(words).find()) {
      flags.add(Flag.DECLINES);
    }
    // About people and places, not things: a technical answer's "useless index" or "awful latency" is no attitude.
    if (kind != QuestionKind.TECHNICAL && NEGATIVE.matcher(words).find()) {
      flags.add(Flag.NEGATIVE);
    }
    if (MOTIVE_KINDS.contains(kind) && SELF_CENTRED.matcher(words).find()
        && !SELF_CENTRED.matcher(questionWords).find()) {
      flags.add(Flag.SELF_CENTRED);
    }
    if (kind == QuestionKind.CAREER && PERSONAL_GOAL.matcher(words).find()) {
      flags.add(Flag.PERSONAL_GOAL);
    }
    if (kind == QuestionKind.WEAKNESS && PSEUDO_WEAKNESS.matcher(words).find()) {
      flags.add(Flag.PSEUDO_WEAKNESS);
    }
    if (kind == QuestionKind.STORY && !star.action() && !star.situation()
        && HYPOTHETICAL_WORDING.matcher(words).find()) {
      flags.add(Flag.HYPOTHETICAL);
    }
    boolean failure = kind == QuestionKind.STORY && question.aboutFailure();
    if (failure && BLAME.matcher(words).find()) {
      flags.add(Flag.BLAME);
    }
    if (failure && !LESSON.matcher(words).find()) {
      flags.add(Flag.NO_LESSON);
    }
    if (kind == QuestionKind.TECHNICAL && LAY_AUDIENCE.matcher(questionWords).find()
        && !EXAMPLE_OR_COMPARISON.matcher(words).find()) {
      flags.add(Flag.JARGON);
    }
    var cliches = CLICHES.matcher(words);
    int count = 0;
    while (count < MAX_CLICHES && cliches.find()) {
      flags.add(Flag.CLICHE);
      count++;
    }
    return List.copyOf(flags);
  }

  private static int wordCount(String words) {
    return words.isEmpty() ? 0 : words.split(" ").length;
  }
}
