package dev.candor.interview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.candor.interview.TechVocabulary.Category;
import dev.candor.interview.TechVocabulary.Technology;

/**
 * Technical questions: about a named technology (with templates per category, so a messaging system
 * is asked about ordering and consumer lag and a datastore about indexes and slow queries), about a
 * focus area, requirement or skill the vocabulary does not know, or, with nothing to go on, about
 * general engineering craft.
 */
final class TechnicalQuestions {

  private static final Map<Category, List<String>> TEMPLATES = new EnumMap<>(Category.class);

  static {
    TEMPLATES.put(Category.LANGUAGE, List.of(
        "What is a piece of %s code you wrote that you are proud of, and how did you keep it readable, tested and fast?",
        "Which %s features or idioms do you rely on most, and where have they caused bugs or surprises in production?",
        "How do you track down a performance problem in a %s service? Walk me through the tools and steps you use."));
    TEMPLATES.put(Category.FRONTEND, List.of(
        "How do you structure state and components in a large %s application so it stays fast and maintainable?",
        "Walk me through how you would find and fix a slow page built with %s, from measuring it to shipping the fix."));
    TEMPLATES.put(Category.MARKUP, List.of(
        "How do you keep %s maintainable across a large codebase, and how do you make pages responsive and accessible?",
        "Tell me about a tricky layout or cross-browser problem you solved with %s, and how you tested the fix."));
    TEMPLATES.put(Category.BACKEND, List.of(
        "How would you design and secure an API built with %s? Talk about validation, error handling and testing.",
        "What %s pitfalls have you hit in production, and how did you diagnose and fix them?"));
    TEMPLATES.put(Category.DATASTORE, List.of(
        "How do you design a %s schema and its indexes for a new feature, and how do you find and fix a slow query?",
        "How would you handle a %s table or collection that has grown too large? Talk about indexing, partitioning and migrations."));
    TEMPLATES.put(Category.MESSAGING, List.of(
        "How have you used %s? Explain how you handled message ordering, retries and consumer lag when traffic spiked.",
        "How would you make a %s consumer idempotent, and what do you do with messages that keep failing?"));
    TEMPLATES.put(Category.CLOUD, List.of(
        "Which %s services have you used in production, and how did you handle cost, security and scaling on them?",
        "How would you design a highly available service on %s? Talk about regions, failover and monitoring."));
    TEMPLATES.put(Category.DEVOPS, List.of(
        "How have you used %s in your delivery pipeline, and how do you debug a deployment that fails only in production?",
        "What does a good %s setup look like to you, and what problems have you had to fix in one?"));
    TEMPLATES.put(Category.OBSERVABILITY, List.of(
        "How have you used %s to detect and diagnose a production incident? Walk me through what you saw and did.",
        "What would you monitor with %s for a new service, and how do you keep alerts useful rather than noisy?"));
    TEMPLATES.put(Category.ARCHITECTURE, List.of(
        "How do you approach %s? Walk me through a design you owned, the trade-offs you made and what you would change.",
        "Where has %s gone wrong in a system you worked on, and how did you fix it?"));
    TEMPLATES.put(Category.DATA_ML, List.of(
        "Describe work you did with %s. How did you validate the data and measure whether the result was good enough?",
        "What is the hardest problem you have solved with %s, and how did you know your solution worked?"));
    TEMPLATES.put(Category.TESTING, List.of(
        "How do you use %s to keep a codebase safe to change? Give an example of a bug it caught or missed.",
        "What makes a test suite built with %s trustworthy, and how have you fixed slow or flaky tests?"));
    TEMPLATES.put(Category.PRACTICE, List.of(
        "How has %s worked in the teams you have been on, and what would you change about how it was practised?",
        "Tell me how you use %s day to day, and about a time it helped or hurt a project."));
    TEMPLATES.put(Category.SECURITY, List.of(
        "How do you apply %s in your day-to-day work? Describe a vulnerability or risk you found and fixed.",
        "Walk me through how you would review a new service for problems related to %s."));
    TEMPLATES.put(Category.MOBILE, List.of(
        "How do you keep a %s app fast and stable across devices? Describe a crash or performance issue you fixed.",
        "How do you ship and roll back releases of a %s app safely, and what went wrong the last time?"));
  }

  /** Requirement boilerplate around the actual skill: "5+ years of experience with ...". */
  private static final Pattern REQUIREMENT_PREFIX = Pattern.compile(
      "^(?:(?:at least |minimum (?:of )?)?\\d+\\+?\\s*(?:-\\s*\\d+\\s*)?years?(?: of)?\\s*)?"
          + "(?:(?:strong|solid|excellent|good|deep|proven|hands-on|working|demonstrated|advanced)\\s+)*"
          + "(?:(?:professional |hands-on )?experience (?:with|in|using|of)\\s+|knowledge of\\s+|proficiency (?:in|with)\\s+"
          + "|familiarity with\\s+|understanding of\\s+|expertise in\\s+|skills in\\s+|ability to\\s+)?",
      Pattern.CASE_INSENSITIVE);

  private static final Pattern REQUIREMENT_SUFFIX = Pattern.compile(
      "\\s+(?:experience|knowledge|skills?|expertise|proficiency|background)$", Pattern.CASE_INSENSITIVE);

  /** Requirements that are not technical skills and would make odd technical questions. */
  private static final Pattern NOT_TECHNICAL = Pattern.compile(
      "degree|bachelor|master|ph\\.?d|diploma|communication|teamwork|team player|interpersonal|self-starter"
          + "|motivated|passion|english|fluent|authori[sz]ed|eligib|travel|clearance|citizenship|visa|years",
      Pattern.CASE_INSENSITIVE);

  private TechnicalQuestions() {}

  /**
   * @param variant how many questions of this technology's category were accepted already, so two
   *     datastores are not asked the same question
   */
  static QuestionDraft about(Technology tech, int variant) {
    List<String> templates = TEMPLATES.get(tech.category());
    String text = String.format(templates.get(variant % templates.size()), tech.name());
    return new QuestionDraft(QuestionType.TECHNICAL, List.of(tech.slug()), tech.name(), text, null);
  }

  /**
   * One question naming several technologies of the job, so that none the job asks for goes
   * unmentioned when there are more of them than technical questions. Null for fewer than two.
   */
  static QuestionDraft stack(List<Technology> techs) {
    String template = "The role also uses %s. Which of these have you used in production, and what problem did each one solve?";
    List<String> names = new ArrayList<>();
    for (Technology t : techs) {
      List<String> candidate = new ArrayList<>(names);
      candidate.add(t.name());
      if (template.length() - 2 + Phrases.joinNatural(candidate).length() > 200) {
        break;
      }
      names = candidate;
    }
    if (names.size() < 2) {
      return null;
    }
    String list = Phrases.joinNatural(names);
    return new QuestionDraft(QuestionType.TECHNICAL, List.of("stack"), list, String.format(template, list), null);
  }

  static QuestionDraft focusArea(String area) {
    String topic = Phrases.clip(area, 60);
    String text = QuestionDraft.fit(
        "You asked to focus on %s. Walk me through a hard problem you solved in that area and how you approached it.",
        topic, 200);
    return new QuestionDraft(QuestionType.TECHNICAL, slugsOf(topic), topic, text, "focus:" + topic.toLowerCase(Locale.ROOT));
  }

  /** A question about a requirement the vocabulary does not know; null if it is not a technical skill. */
  static QuestionDraft requirement(String requirement) {
    String skill = skillIn(requirement);
    if (skill == null) {
      return null;
    }
    String text = QuestionDraft.fit(
        "The role calls for %s. Describe a piece of work where you applied it and what made it difficult.",
        Phrases.lowerFirst(skill), 200);
    return new QuestionDraft(QuestionType.TECHNICAL, slugsOf(skill), skill, text, "skill:" + skill.toLowerCase(Locale.ROOT));
  }

  /** A question about a resume skill the vocabulary does not know; null if it is not a technical skill. */
  static QuestionDraft resumeSkill(String skill) {
    String s = skillIn(skill);
    if (s == null) {
      return null;
    }
    String text = QuestionDraft.fit(
        "Your resume lists %s. Walk me through a recent piece of work where you used it and what you learned.",
        s, 200);
    return new QuestionDraft(QuestionType.TECHNICAL, slugsOf(s), s, text, "skill:" + s.toLowerCase(Locale.ROOT));
  }

  /** Questions about general engineering craft, for when neither job nor resume name anything. */
  static List<QuestionDraft> generic(String jobTitle) {
    List<QuestionDraft> out = new ArrayList<>();
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "debugging", "debugging a hard problem",
        "Walk me through how you tracked down the hardest bug or problem you have faced. What did you try, and what finally worked?"));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "performance", "making something faster",
        "Tell me about something slow you made faster. How did you measure it, what did you change, and how much did it improve?"));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "tradeoffs", "technical trade-offs",
        "Describe a technical decision where you weighed two or more options. What trade-offs did you consider, and what did you pick?"));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "quality", "checking work before it ships",
        "How do you make sure your work is correct before it ships? Give an example of a problem your checks caught."));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "incident", "resolving an incident",
        "Tell me about a production incident or serious failure you helped resolve. How did you find the cause, and what changed after?"));
    out.add(jobTitle == null
        ? QuestionDraft.of(QuestionType.TECHNICAL, "tools", "your tools",
            "Which tools do you rely on most in your day-to-day work, and how have you improved the way you use them?")
        : QuestionDraft.of(QuestionType.TECHNICAL, "tools", "your tools", QuestionDraft.fit(
            "Which tools would you rely on most as %s, and how have you improved the way you use them?",
            Phrases.withArticle(jobTitle), 200)));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "scaling", "designing for scale",
        "How would you design a system to handle ten times its current load? Walk me through where it would break first."));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "explaining", "explaining technical work",
        "Explain a complex technical concept from your work as if I were a new colleague from a different field."));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "automation", "automating repetitive work",
        "Tell me about a manual, repetitive task you automated. How did you do it, and how much time did it save?"));
    out.add(QuestionDraft.of(QuestionType.TECHNICAL, "legacy", "changing legacy code",
        "Describe a time you had to change old code or an old process you did not write. How did you avoid breaking things?"));
    return out;
  }

  /** The skill a requirement or resume entry names, without boilerplate; null if it is not technical. */
  static String skillIn(String phrase) {
    String s = Phrases.tidy(phrase);
    s = REQUIREMENT_PREFIX.matcher(s).replaceFirst("");
    s = REQUIREMENT_SUFFIX.matcher(s).replaceFirst("");
    s = Phrases.clip(s, 60);
    if (s.length() < 2 || NOT_TECHNICAL.matcher(s).find() || JobTerms.significantWords(s).isEmpty()) {
      return null;
    }
    return s;
  }

  /** Slugs from the first significant words: "Stripe API integrations" gives "stripeapi", then "stripe". */
  private static List<String> slugsOf(String phrase) {
    List<String> words = JobTerms.significantWords(phrase);
    if (words.isEmpty()) {
      return List.of(Phrases.slug(phrase, 20));
    }
    String first = Phrases.slug(words.get(0), 20);
    if (words.size() == 1) {
      return List.of(first);
    }
    return List.of(Phrases.slug(words.get(0) + words.get(1), 20), first);
  }
}
