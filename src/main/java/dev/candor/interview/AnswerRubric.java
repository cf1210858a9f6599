package dev.candor.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The parts an answer to each {@link QuestionKind} should contain, worth 40 points together. A story's parts are
 * STAR, found by {@link StarDetector}; the other kinds' parts are found by cue phrases on the answer's words
 * without fillers:
 *
 * <pre>
 * story         situation 10, task 10, action 10, result 10
 * situational   what you would do 15, the steps in order 10, why 10, how you would know it worked 5
 * introduction  who you are now 10, how you got here 10, one thing you did 10, what you want next 10
 * strength      the strength named 10, an example that shows it 15, where it applies in the work 5, what it achieves 10
 * weakness      a real weakness named 10, what it costs 5, what you are doing about it 15, the progress so far 10
 * motivation    what draws you to the company 15, to the role 10, a personal reason 10, what you would bring 5
 * career        a positive reason or goal 20 (a neutral fact such as a layoff counts), where you are heading 10,
 *               framed around the work 10
 * technical     what it is 10, how it works 10, an example 10, what follows from it (trade-off, benefit) 10;
 *               or, when the answer tells of doing it, its STAR parts, whichever earns more
 * logistics     a direct answer 25, a reason for it 15
 * general       something on the question's subject 15, a reason or example 15, a concrete detail 10
 * </pre>
 */
final class AnswerRubric {

  /** One part of an answer, with how feedback names it when it is missing. */
  record Part(String name, int points, String shown, String missing, Pattern cue) {

    boolean foundIn(String words) {
      return cue != null && cue.matcher(words).find();
    }
  }

  /** Which parts an answer has, and the points they earn out of 40. */
  record Coverage(List<Part> present, List<Part> missing) {

    int points() {
      return present.stream().mapToInt(Part::points).sum();
    }
  }

  static final int MAX_POINTS = 40;

  private static final Part SITUATION = new Part("situation", 10, "the situation", "where and when this happened", null);
  private static final Part TASK = new Part("task", 10, "the task", "what your goal was", null);
  private static final Part ACTION = new Part("action", 10, "the action", "what you personally did", null);
  private static final Part RESULT = new Part("result", 10, "the result", "what the result was", null);

  private static final List<Part> SITUATIONAL = List.of(
      part("approach", 15, "what you would do", "what you would actually do",
          "\\b(?:i would|i'd|i will|i'll|my first step|the first thing|i'd start|first i would)\\b"),
      part("steps", 10, "the steps in order", "the steps in order",
          "\\b(?:then|next|after that|afterwards|finally|second(?:ly)?|once that|if that (?:doesn't|does not|fails))\\b"),
      part("reasoning", 10, "why you would do it", "why you would do it that way",
          "\\b(?:because|so that|to make sure|to ensure|in order to|the reason|since|which means|that way)\\b"),
      part("outcome", 5, "how you would check it worked", "how you would know it worked",
          "\\b(?:the goal|outcome|result|success|measure|follow up|check (?:in|back)|make sure|resolved|the aim)\\b"));

  private static final List<Part> INTRODUCTION = List.of(
      part("present", 10, "who you are today", "who you are today",
          "\\b(?:i am|i'm|currently|at the moment|right now|i work|i've been working|i study|student|my role|these days)\\b"),
      part("background", 10, "your background", "how you got here",
          "\\b(?:started|graduated|degree|studied|background|worked (?:at|as|for|on)|experience (?:in|with)|i've been"
              + "|years|began|landed|got a job|first job)\\b"),
      part("highlight", 10, "something you did", "one thing you did that you are proud of",
          "\\b(?:built|led|launched|created|won|achieved|shipped|grew|proud|award|published|managed to|helped|"
              + "collaborate\\w*|prototype)\\b"),
      part("direction", 10, "what you want next", "what you want next and why this role",
          "\\b(?:goal|looking for|hope|want to|would like|excited|interested in|your company|this role|"
              + "this position|next step|contribute|eager|aim|plan to|help me)\\b"));

  private static final List<Part> STRENGTH = List.of(
      part("strength", 10, "the strength itself", "the strength itself in one phrase",
          "\\b(?:strengths?|(?:i'm|i am) (?:very |really )?(?:good|great|strong|skilled) at|i work well|i excel|"
              + "i have (?:a|an) (?:\\w+ )?(?:mindset|ability|eye|talent|knack))\\b"),
      part("evidence", 15, "an example that shows it", "an example that shows it",
          "\\b(?:for example|for instance|during|when i|last (?:year|quarter|month|week)|told me|said|feedback|"
              + "recently|once|we worked)\\b"),
      part("application", 5, "where it helps", "where it helps in the work",
          "\\b(?:team|projects?|role|job|work|engineering|customers?|clients?|problems?|coworkers?|colleagues?|"
              + "assignments?|company)\\b"),
      part("impact", 10, "what it achieves", "what it achieves",
          "\\b(?:helps?|helped|allows?|allowed|lets|led to|results?|improv\\w*|so that|which means|this means|"
              + "made things|effective\\w*|efficient\\w*)\\b"));

  private static final List<Part> WEAKNESS = List.of(
      part("weakness", 10, "a real weakness", "a real weakness",
          "\\b(?:weakness|weak|struggle[sd]?|trouble|difficult(?:y)?|not (?:very |always |really )?(?:good|great|strong"
              + "|comfortable)|hard for me|had to work hard|i tend to|i can (?:sometimes )?be|i sometimes|sometimes i|"
              + "i don't (?:have|always)|wish i|(?:i'm|i am) more likely|used to|lack|impatien\\w*|default to)\\b"),
      part("impact", 5, "what it costs", "what it has cost you or your team",
          "\\b(?:which (?:led|leads|meant|means|caused|causes)|this (?:can|has|meant|means|led|caused)|backfired|"
              + "mistakes?|slow(?:ing|ed|s)?|suffer\\w*|bottlenecks?|tension|means that|not always appropriate|"
              + "cost me|hurt)\\b"),
      part("remedy", 15, "what you are doing about it", "what you are doing about it",
          "\\b(?:(?:i've|i have) (?:taken|started|learned|learnt|been|begun|made|worked|recogni[sz]ed)|i took|"
              + "i started|i decided|i make sure|i use|i rely|working on|worked (?:hard )?on|strateg\\w+|courses?|"
              + "to improve|steps|practi[sc]e|i now|now i|i always|i schedule|techniques|learned to)\\b"),
      part("progress", 10, "the progress so far", "how far you have come",
          "\\b(?:now|progress|improved|better|since then|has helped|helps me|i've learned|learned to|paid off)\\b"));

  private static final List<Part> MOTIVATION = List.of(
      part("company", 15, "what draws you to the company", "what draws you to this company in particular",
          "\\b(?:your (?:company|team|product|products|mission|blog|work|platform|customers|values|culture|"
              + "engineers|approach|services?|clients|vision|github)|you (?:build|make|are building|shared?|offer)|"
              + "the company's|this company|company's)\\b"),
      part("role", 10, "what draws you to the role", "what draws you to the role",
          "\\b(?:this (?:role|position|job|field|work)|the (?:role|position|job|field)|software engineer\\w*|"
              + "engineering|the work|day to day|responsibilities)\\b"),
      part("reason", 10, "a personal reason", "a personal reason that made you want this",
          "\\b(?:i (?:love|enjoy|am passionate|am fascinated|am excited|was excited|care about|admire|appreciate"
              + "|appreciated|am drawn|am interested)|i'm (?:really )?(?:passionate|fascinated|excited|drawn|"
              + "interested)|i've always|since i|when i|drawn to|inspired|fascinated)\\b"),
      part("contribution", 5, "what you would bring", "what you would bring",
          "\\b(?:contribute|bring|add value|help (?:you|the team|your|others|people)|my (?:experience|skills|"
              + "background) (?:in|with|as)|i can (?:help|bring|offer)|learn\\w*|grow\\w*|solve|solutions)\\b"));

  private static final List<Part> CAREER = List.of(
      part("reason", 20, "a positive reason", "a positive reason or goal",
          "\\b(?:grow\\w*|opportunit\\w+|challenge\\w*|learn\\w*|develop\\w*|new (?:environment|role|direction)|fit|"
              + "lead(?:ing)?|responsibilit\\w+|skills?|progress\\w*|advanc\\w*|contribut\\w+|expert\\w*|become|"
              + "leverage|laid off|layoffs?|restructur\\w+|eliminated|relocat\\w+|contract (?:ended|was ending)|"
              + "downsiz\\w+)\\b"),
      part("direction", 10, "where you are heading", "where you are heading",
          "\\b(?:hope|want to|plan to|would like|i'd like|looking for|looking to|next|future|aim|goal|continue|"
              + "within the company|in (?:five|5|ten|10) years|researching|toward|elsewhere)\\b"),
      part("framing", 10, "a link to your work", "how it connects to your work",
          "\\b(?:company|team|role|position|job|work|career|employer|organi[sz]ation|industry|manager|opportunit\\w+)\\b"));

  private static final List<Part> TECHNICAL = List.of(
      part("definition", 10, "what it is", "what it is in one sentence",
          "\\b(?:is (?:a|an|the|basically|just|how|what|when)|are (?:a|an|the)|means|refers to|it's (?:a|an|the|how)|"
              + "stands for|tells|lets|allows)\\b"),
      part("mechanism", 10, "how it works", "how it works",
          "\\b(?:works? by|when|then|under the hood|because|by \\w+ing|so that|in order|each|every|instead|until|"
              + "pauses|waits|calls?|returns?|sends?|requests?|responds?)\\b"),
      part("example", 10, "an example", "a concrete example",
          "\\b(?:for example|for instance|e g|such as|like \\w+|imagine|think of|say you|i could use|i used|"
              + "in my|we used|picture)\\b"),
      part("consequence", 10, "what follows from it", "what it gains or costs (a trade-off)",
          "\\b(?:that way|which means|this means|trade ?offs?|downside|benefit|advantage|drawback|cost|instead of|"
              + "without having|so you|the result|that's why|so that)\\b"));

  private static final List<Part> LOGISTICS = List.of(
      part("direct", 25, "a direct answer", "a direct answer",
          "\\b(?:open|flexible|negotiable|range|expect\\w*|looking for|currently|earning|earn|notice|weeks?|months?|"
              + "available|start|relocate|willing|yes|happy to|comfortable|salary|package|around|between|\\d+)\\b"),
      part("reasoning", 15, "what it is based on", "what your answer is based on",
          "\\b(?:because|based on|market|experience|depending|depends|the role|responsibilit\\w+|insight|total|"
              + "overall|size|value|research|as my|on top)\\b"));

  private static final Part GENERAL_SUBJECT = new Part("subject", 15, "a direct answer", "an answer to what was asked", null);
  private static final Part GENERAL_REASON = part("reason", 15, "a reason or an example", "a reason or an example",
      "\\b(?:because|since|so|for example|for instance|which|that's why|when|but)\\b");
  private static final Part GENERAL_DETAIL = new Part("detail", 10, "a concrete detail", "a concrete detail", null);

  private AnswerRubric() {}

  /**
   * @param words the answer's words without fillers, lowercase, single-spaced
   * @param onSubject the answer uses a word of the question's subject or the job's terms
   * @param concrete the answer has a number, a name or an example
   */
  static Coverage cover(QuestionKind kind, String words, Star star, boolean onSubject, boolean concrete) {
    if (kind == QuestionKind.TECHNICAL) {
      Coverage explained = cover(TECHNICAL, words);
      Coverage told = story(star);
      return told.points() > explained.points() ? told : explained;
    }
    if (kind == QuestionKind.STORY) {
      return story(star);
    }
    if (kind != QuestionKind.GENERAL) {
      return cover(partsOf(kind), words);
    }
    List<Part> present = new ArrayList<>();
    List<Part> missing = new ArrayList<>();
    (onSubject ? present : missing).add(GENERAL_SUBJECT);
    (GENERAL_REASON.foundIn(words) ? present : missing).add(GENERAL_REASON);
    (concrete ? present : missing).add(GENERAL_DETAIL);
    return new Coverage(List.copyOf(present), List.copyOf(missing));
  }

  private static Coverage story(Star star) {
    List<Part> present = new ArrayList<>();
    List<Part> missing = new ArrayList<>();
    (star.situation() ? present : missing).add(SITUATION);
    (star.task() ? present : missing).add(TASK);
    (star.action() ? present : missing).add(ACTION);
    (star.result() ? present : missing).add(RESULT);
    return new Coverage(List.copyOf(present), List.copyOf(missing));
  }

  private static Coverage cover(List<Part> parts, String words) {
    List<Part> present = new ArrayList<>();
    List<Part> missing = new ArrayList<>();
    for (Part part : parts) {
      (part.foundIn(words) ? present : missing).add(part);
    }
    return new Coverage(List.copyOf(present), List.copyOf(missing));
  }

  private static List<Part> partsOf(QuestionKind kind) {
    return switch (kind) {
      case SITUATIONAL -> SITUATIONAL;
      case INTRODUCTION -> INTRODUCTION;
      case STRENGTH -> STRENGTH;
      case WEAKNESS -> WEAKNESS;
      case MOTIVATION -> MOTIVATION;
      case CAREER -> CAREER;
      case TECHNICAL -> TECHNICAL;
      case LOGISTICS -> LOGISTICS;
      case STORY, GENERAL -> List.of();
    };
  }
  private static Part part(String name, int points, String shown, String missing, String regex) {
    return new Part(name, points, shown, missing, Pattern.compile(regex));
  }
}
