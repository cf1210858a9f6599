package dev.candor.interview;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Behavioral, leadership and warm-up questions built from what the candidate wrote (experience
 * highlights, projects) and what the job asks for (responsibilities), so the interview is about this
 * candidate and this role rather than a stock list. {@link GeneralQuestions} fills any gap.
 */
final class ExperienceQuestions {

  /** One thing the candidate did, from a highlight bullet or a sentence of a job description. */
  record Achievement(String company, String text, String source) {}

  /**
   * Cues that an achievement or responsibility is about leading people, mapped to the topic slug.
   * Verb forms only: "led to" and "led by" are not leadership, "lead" and "own" count only as the verb
   * opening a bullet ("Lead development", not "lead engineers" or "their own"), "management" is too
   * often a department, and "trained" is too often about models.
   */
  private static final Pattern LEADERSHIP_CUE = Pattern.compile(
      "\\b(?:(mentor\\w*)|(coach\\w*)|(managed|managing|supervis\\w*)|(owned|owning|ownership|^\\s*own(?=\\s))"
          + "|(led(?! to\\b| by\\b)|^\\s*lead(?=\\s)|leading(?! to\\b)|drove|spearhead\\w*|headed)|(hir(?:ed|ing))"
          + "|(onboard\\w*))\\b",
      Pattern.CASE_INSENSITIVE);

  private static final String[] CUE_SLUGS = {
    "mentoring", "coaching", "managing", "ownership", "leading", "hiring", "onboarding"
  };

  private static final Set<String> IRREGULAR_PAST = Set.of(
      "built", "led", "wrote", "ran", "drove", "made", "grew", "won", "set", "cut", "took", "began", "oversaw",
      "brought", "taught", "rewrote", "rebuilt", "spoke", "held", "sold", "kept", "found", "got", "gave", "met",
      "put", "shut", "lent", "sent", "spent");

  /** Base verbs that let a responsibility continue "This role asks you to ...". */
  private static final Set<String> BASE_VERBS = Set.of(
      "lead", "mentor", "own", "manage", "drive", "build", "design", "develop", "coach", "hire", "define",
      "collaborate", "work", "partner", "maintain", "write", "review", "improve", "support", "create",
      "implement", "deliver", "ensure", "architect", "guide", "establish", "champion", "shape", "set", "run",
      "oversee", "grow", "scale", "participate", "contribute", "help", "communicate", "translate", "identify",
      "plan", "monitor", "test", "deploy", "debug", "troubleshoot", "optimize", "optimise", "analyze",
      "analyse", "research", "evaluate", "present", "coordinate", "operate", "automate", "integrate",
      "migrate", "modernize", "modernise", "document", "educate", "foster", "promote", "represent", "act",
      "meet", "prepare", "process", "handle", "produce", "assist", "conduct", "perform", "provide",
      "reconcile", "respond", "schedule", "train", "teach", "serve", "sell", "negotiate", "advise", "audit",
      "track", "update", "organize", "organise", "answer", "resolve", "use", "leverage", "enable");

  private static final Pattern SENTENCE_BREAK = Pattern.compile("\\s*(?:[\\n•;]+|\\.\\s+(?=\\p{Lu})|\\s[-*]\\s)\\s*");

  /** Asked after an achievement; rotated so consecutive questions do not sound alike. */
  private static final String[] BEHAVIORAL_ASKS = {
    " What was the hardest part of that, and how did you handle it?",
    " What problem were you solving, and how did you know it worked?",
    " Walk me through a decision you made there and what you would do differently."
  };

  private ExperienceQuestions() {}

  /** The warm-up question: the candidate's background, tied to their latest role and this job. */
  static List<QuestionDraft> intro(Resume resume, JobPosting job) {
    String title = clean(job.title(), 60);
    Resume.Experience latest = resume.experience().stream()
        .filter(e -> !Phrases.isBlank(e.position()) && !Phrases.isBlank(e.company()))
        .findFirst().orElse(null);
    List<QuestionDraft> out = new ArrayList<>();
    if (latest != null) {
      String position = clean(latest.position(), 50);
      String asPosition = Phrases.withArticle(position);
      String company = clean(latest.company(), 40);
      if (title != null && title.equalsIgnoreCase(position)) {
        out.add(intro(String.format("To start, walk me through your background. What have you learned as %s at %s "
            + "that you would bring to this team?", asPosition, company)));
      } else if (title != null) {
        out.add(intro(String.format("To start, walk me through your background: how did your time as %s at %s "
            + "prepare you for this %s role?", asPosition, company, title)));
      }
      out.add(intro(String.format("To start, walk me through your background, from your time as %s at %s to what "
          + "you want to do next.", asPosition, company)));
    }
    if (title != null) {
      String company = clean(job.company(), 40);
      out.add(intro(company == null
          ? String.format("To start, tell me a little about yourself and what draws you to this %s role.", title)
          : String.format("To start, tell me a little about yourself and what draws you to this %s role at %s.",
              title, company)));
    }
    out.add(QuestionDraft.of(QuestionType.BEHAVIORAL, "introduction", "your background",
        "To start, tell me a little about yourself and the piece of work you are most proud of so far."));
    return out;
  }

  /** Leadership questions from leading/mentoring achievements and responsibilities, interleaved. */
  static List<QuestionDraft> leadership(Resume resume, JobPosting job) {
    List<QuestionDraft> fromResume = new ArrayList<>();
    for (Achievement a : achievements(resume)) {
      String cue = leadershipCue(a.text());
      if (cue != null) {
        String ask = cue.equals("mentoring") || cue.equals("coaching")
            ? " How did you decide what each person needed, and how did you know it was working?"
            : " How did you get people behind the plan, and what would you do differently as a leader?";
        fromResume.add(new QuestionDraft(QuestionType.LEADERSHIP, List.of(cue), cue,
            aboutAchievement(a, ask), a.source()));
      }
    }
    List<QuestionDraft> fromJob = new ArrayList<>();
    List<String> responsibilities = job.responsibilities();
    for (int i = 0; i < responsibilities.size(); i++) {
      String cue = leadershipCue(headline(responsibilities.get(i)));
      if (cue != null) {
        fromJob.add(new QuestionDraft(QuestionType.LEADERSHIP, List.of(cue), cue,
            aboutResponsibility(responsibilities.get(i),
                " Tell me about a time you did that: how did you go about it, and what changed as a result?"),
            "responsibility:" + i));
      }
    }
    return interleave(fromResume, fromJob);
  }

  /** Behavioral questions from achievements, projects and responsibilities, in that order. */
  static List<QuestionDraft> behavioral(Resume resume, JobPosting job) {
    List<QuestionDraft> out = new ArrayList<>();
    List<Achievement> achievements = achievements(resume);
    for (int i = 0; i < achievements.size(); i++) {
      Achievement a = achievements.get(i);
      List<String> slugs = new ArrayList<>();
      if (a.company() != null) {
        slugs.add(companySlug(a.company()));
      }
      slugs.addAll(slugsOf(a.text()));
      String topic = a.company() == null ? "your experience" : "your work at " + clean(a.company(), 40);
      out.add(new QuestionDraft(QuestionType.BEHAVIORAL, slugs.stream().filter(s -> !s.isEmpty()).toList(), topic,
          aboutAchievement(a, BEHAVIORAL_ASKS[i % BEHAVIORAL_ASKS.length]), a.source()));
    }
    for (Resume.Project p : resume.projects()) {
      String name = clean(p.name(), 60);
      if (name != null) {
        String text = QuestionDraft.fit(
            "Tell me about your %s project. What was the hardest problem you solved in it, and what would you do "
                + "differently?", name, 200);
        out.add(new QuestionDraft(QuestionType.BEHAVIORAL, List.of(Phrases.slug(name, 20)),
            "the " + name + " project", text, "project:" + name.toLowerCase(Locale.ROOT)));
      }
    }
    List<String> responsibilities = job.responsibilities();
    for (int i = 0; i < responsibilities.size(); i++) {
      String r = responsibilities.get(i);
      String head = headline(r);
      if (leadershipCue(head) == null && !slugsOf(head).isEmpty()) {
        out.add(new QuestionDraft(QuestionType.BEHAVIORAL, slugsOf(head), Phrases.lowerFirst(clean(head, 80)),
            aboutResponsibility(r, " Tell me about a time you did something similar, and how it turned out."),
            "responsibility:" + i));
      }
    }
    return out;
  }

  /**
   * Achievements across all jobs, taking the first of each job before the second of any, so the
   * questions range over the candidate's history rather than dwelling on one job.
   */
  static List<Achievement> achievements(Resume resume) {
    List<List<Achievement>> perJob = new ArrayList<>();
    List<Resume.Experience> experience = resume.experience();
    for (int j = 0; j < experience.size(); j++) {
      Resume.Experience e = experience.get(j);
      List<String> lines = new ArrayList<>(e.highlights());
      if (lines.isEmpty() && !Phrases.isBlank(e.description())) {
        lines.addAll(List.of(SENTENCE_BREAK.split(e.description())));
      }
      List<Achievement> mine = new ArrayList<>();
      for (int k = 0; k < lines.size(); k++) {
        String text = Phrases.tidy(lines.get(k));
        if (text.length() >= 15) {
          mine.add(new Achievement(clean(e.company(), 40), text, "experience:" + j + ":" + k));
        }
      }
      perJob.add(mine);
    }
    List<Achievement> out = new ArrayList<>();
    for (int round = 0; ; round++) {
      boolean any = false;
      for (List<Achievement> mine : perJob) {
        if (round < mine.size()) {
          out.add(mine.get(round));
          any = true;
        }
      }
      if (!any) {
        return out;
      }
    }
  }

  /** The topic slug of a leadership cue in the text, or null when it is not about leading people. */
  static String leadershipCue(String text) {
    if (Phrases.isBlank(text)) {
      return null;
    }
    Matcher m = LEADERSHIP_CUE.matcher(text);
    if (!m.find()) {
      return null;
    }
    for (int g = 1; g <= CUE_SLUGS.length; g++) {
      if (m.group(g) != null) {
        return CUE_SLUGS[g - 1];
      }
    }
    return null;
  }

  /**
   * "At Tech Corp Inc. you led development of ... ." followed by the ask, the achievement clipped so
   * the whole question stays within 200 characters.
   */
  private static String aboutAchievement(Achievement a, String ask) {
    String prefix = a.company() == null ? "Your resume says " : "At " + a.company() + " ";
    int room = 200 - prefix.length() - 1 - ask.length();
    return prefix + Phrases.clip(youClause(a.text()), Math.min(room, 110)) + "." + ask;
  }

  /**
   * Turns a resume bullet into a clause about the candidate: "Led X" becomes "you led X", a
   * present-tense "Meet with clients" becomes "your role was to meet with clients".
   */
  private static String youClause(String text) {
    String first = text.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    String rest = Phrases.lowerFirst(text);
    if (first.endsWith("ed") || IRREGULAR_PAST.contains(first)) {
      return "you " + rest;
    }
    if (rest.toLowerCase(Locale.ROOT).startsWith("responsible for ")) {
      return "you were " + rest;
    }
    if (BASE_VERBS.contains(first)) {
      return "your role was to " + rest;
    }
    return "your work included " + rest;
  }

  /** "This role asks you to mentor junior developers." and similar, whatever form the bullet takes. */
  private static String aboutResponsibility(String responsibility, String ask) {
    String r = headline(responsibility);
    String first = r.split(" ", 2)[0].toLowerCase(Locale.ROOT);
    String lead;
    if (BASE_VERBS.contains(first)) {
      lead = "This role asks you to %s.";
    } else if (first.endsWith("s") && BASE_VERBS.contains(first.substring(0, first.length() - 1))) {
      r = first.substring(0, first.length() - 1) + r.substring(first.length());
      lead = "This role asks you to %s.";
    } else if (first.endsWith("ing")) {
      lead = "This role involves %s.";
    } else {
      lead = "This role includes: %s.";
    }
    return QuestionDraft.fit(lead + ask, Phrases.lowerFirst(r), 200);
  }

  /**
   * "Support developer self-service: extend the paved road ..." is summed up by its heading, which
   * reads better inside a question than the clipped detail.
   */
  private static String headline(String responsibility) {
    String r = Phrases.tidy(responsibility);
    int colon = r.indexOf(": ");
    if (colon > 0) {
      int words = r.substring(0, colon).split(" ").length;
      if (words >= 2 && words <= 6) {
        return r.substring(0, colon);
      }
    }
    return r;
  }

  private static QuestionDraft intro(String text) {
    return QuestionDraft.of(QuestionType.BEHAVIORAL, "background", "your background", text);
  }

  /** "Tech Corp Inc." gives "techcorp": the first two words of the name, without its legal form. */
  private static String companySlug(String company) {
    String name = company.replaceFirst("(?i)[\\s,]+(?:inc|ltd|llc|gmbh|corp|corporation|co|plc|ag|sa)\\.?$", "")
        .replaceAll("(?i)\\b(?:and|of|the)\\b", " ");
    return Phrases.slug(String.join("", Arrays.stream(name.trim().split("[^\\p{L}\\p{N}]+")).limit(2).toList()), 20);
  }

  private static List<String> slugsOf(String phrase) {
    return JobTerms.significantWords(phrase).stream().limit(2).map(w -> Phrases.slug(w, 20)).toList();
  }

  private static String clean(String s, int max) {
    String t = Phrases.clip(s, max);
    return t.isEmpty() ? null : t;
  }

  private static List<QuestionDraft> interleave(List<QuestionDraft> a, List<QuestionDraft> b) {
    List<QuestionDraft> out = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        out.add(a.get(i));
      }
      if (i < b.size()) {
        out.add(b.get(i));
      }
    }
    return out;
  }
}
