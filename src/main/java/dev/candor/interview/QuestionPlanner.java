package dev.candor.interview;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.candor.interview.TechVocabulary.Category;
import dev.candor.interview.TechVocabulary.Technology;

/**
 * Plans an interview: exactly {@code questionCount} questions in the order the session derives its
 * phases from (a behavioral warm-up, then every technical question, then the other behavioral
 * ones, then leadership last), each tied to the job or the resume where they give something to tie
 * it to. Ids are {@code q{n}_{type}_{topic}}; topics, texts and sources never repeat; every text is
 * 50-200 characters.
 */
final class QuestionPlanner {

  static final int MIN_TEXT = 50;
  static final int MAX_TEXT = 200;

  static final int BEHAVIORAL_SECONDS = 120;
  static final int TECHNICAL_SECONDS = 180;
  static final int LEADERSHIP_SECONDS = 150;

  /** The share of each type for a plan of n questions: 8 gives 3 behavioral, 3 technical, 2 leadership. */
  record Mix(int behavioral, int technical, int leadership) {
    static Mix of(int n) {
      int leadership = Math.max(1, (n + 2) / 4);
      int technical = (n - leadership + 1) / 2;
      return new Mix(n - leadership - technical, technical, leadership);
    }
  }

  private QuestionPlanner() {}

  static List<Question> plan(Resume resume, JobPosting job, InterviewPreferences preferences, int questionCount) {
    if (questionCount < Interviewer.MIN_QUESTIONS || questionCount > Interviewer.MAX_QUESTIONS) {
      throw new IllegalArgumentException(
          "questionCount must be between " + Interviewer.MIN_QUESTIONS + " and " + Interviewer.MAX_QUESTIONS + ", was " + questionCount);
    }
    Resume r = resume == null ? Resume.empty() : resume;
    JobPosting j = job == null ? JobPosting.empty() : job;
    InterviewPreferences p = preferences == null ? InterviewPreferences.defaults() : preferences;
    String title = Phrases.isBlank(j.title()) ? null : Phrases.clip(j.title(), 60);
    Mix mix = Mix.of(questionCount);

    Selection selection = new Selection();
    List<QuestionDraft> intro = selection.take(1, ExperienceQuestions.intro(r, j));
    List<QuestionDraft> technical = technical(selection, r, j, p, title, mix.technical());
    // Leadership is chosen before the remaining behavioral questions so that mentoring and leading
    // achievements end up where they belong rather than as generic behavioral questions.
    List<QuestionDraft> leadership = selection.take(mix.leadership(),
        ExperienceQuestions.leadership(r, j), GeneralQuestions.leadership(title));
    List<QuestionDraft> behavioral = selection.take(mix.behavioral() - 1,
        ExperienceQuestions.behavioral(r, j), GeneralQuestions.behavioral(title));

    List<QuestionDraft> ordered = new ArrayList<>(intro);
    ordered.addAll(technical);
    ordered.addAll(behavioral);
    ordered.addAll(leadership);
    if (ordered.size() != questionCount) {
      throw new IllegalStateException("planned " + ordered.size() + " questions instead of " + questionCount);
    }

    Difficulty difficulty = difficulty(p, j);
    List<Question> questions = new ArrayList<>(questionCount);
    for (int i = 0; i < ordered.size(); i++) {
      QuestionDraft d = ordered.get(i);
      String id = "q" + (i + 1) + "_" + d.type().wireName() + "_" + selection.slugOf(d);
      questions.add(new Question(id, d.text(), d.type(), difficulty, seconds(d.type()), d.topic()));
    }
    return List.copyOf(questions);
  }

  static Difficulty difficulty(InterviewPreferences preferences, JobPosting job) {
    if (preferences.difficulty() != null) {
      return preferences.difficulty();
    }
    // The posting's level when given; a title such as "Senior Engineer" says the same thing.
    String level = Phrases.isBlank(job.experienceLevel()) ? job.title() : job.experienceLevel();
    String l = level == null ? "" : level.toLowerCase(Locale.ROOT);
    if (l.matches(".*\\b(senior|sr|lead|principal|staff|architect|head)\\b.*")) {
      return Difficulty.HARD;
    }
    if (l.matches(".*\\b(junior|jr|entry|intern|internship|graduate|trainee|associate)\\b.*")) {
      return Difficulty.EASY;
    }
    return Difficulty.MEDIUM;
  }

  private static int seconds(QuestionType type) {
    return switch (type) {
      case BEHAVIORAL -> BEHAVIORAL_SECONDS;
      case TECHNICAL -> TECHNICAL_SECONDS;
      case LEADERSHIP -> LEADERSHIP_SECONDS;
    };
  }

  /**
   * Technical questions: focus areas first, then the job's technologies (requirements before
   * responsibilities before description), then the resume's; then skills the vocabulary does not
   * know; then general craft. When the job names more technologies than there are technical
   * questions, the last one names the rest together, so a Kafka requirement is never dropped.
   */
  private static List<QuestionDraft> technical(Selection selection, Resume resume, JobPosting job,
      InterviewPreferences preferences, String title, int count) {
    JobTerms jobTerms = JobTerms.of(job);
    Map<Category, Integer> perCategory = new EnumMap<>(Category.class);
    List<QuestionDraft> out = new ArrayList<>();
    Set<Technology> asked = new HashSet<>();

    List<TechnicalCandidate> candidates = new ArrayList<>();
    for (String area : preferences.focusAreas()) {
      List<Technology> techs = TechVocabulary.find(area);
      if (techs.isEmpty()) {
        candidates.add(TechnicalCandidate.of(TechnicalQuestions.focusArea(area)));
      } else {
        techs.forEach(t -> candidates.add(TechnicalCandidate.of(t)));
      }
    }
    varied(jobTerms.technologies()).forEach(t -> candidates.add(TechnicalCandidate.of(t)));
    varied(resumeTechnologies(resume)).forEach(t -> candidates.add(TechnicalCandidate.of(t)));
    job.requirements().forEach(req -> candidates.add(TechnicalCandidate.of(TechnicalQuestions.requirement(req))));
    resume.skills().forEach(skill -> candidates.add(TechnicalCandidate.of(TechnicalQuestions.resumeSkill(skill))));
    TechnicalQuestions.generic(title).forEach(d -> candidates.add(TechnicalCandidate.of(d)));

    for (TechnicalCandidate candidate : candidates) {
      if (out.size() == count) {
        break;
      }
      if (out.size() == count - 1) {
        List<Technology> left = jobTerms.technologies().stream().filter(t -> !asked.contains(t)).toList();
        QuestionDraft stack = left.size() >= 2 ? TechnicalQuestions.stack(left) : null;
        if (stack != null && selection.accept(stack)) {
          out.add(stack);
          break;
        }
      }
      Technology tech = candidate.technology();
      if (tech != null && asked.contains(tech)) {
        continue;
      }
      QuestionDraft draft = tech == null ? candidate.draft()
          : TechnicalQuestions.about(tech, perCategory.getOrDefault(tech.category(), 0));
      if (draft != null && selection.accept(draft)) {
        out.add(draft);
        if (tech != null) {
          asked.add(tech);
          perCategory.merge(tech.category(), 1, Integer::sum);
        }
      }
    }
    return out;
  }

  /**
   * The same technologies with the first of each category moved ahead of repeats ("Java or Kotlin,
   * Kafka" becomes Java, Kafka, Kotlin), so a few technical questions cover as much ground as they can.
   */
  private static List<Technology> varied(List<Technology> techs) {
    Map<Category, Integer> seen = new EnumMap<>(Category.class);
    List<int[]> ranks = new ArrayList<>();
    for (int i = 0; i < techs.size(); i++) {
      ranks.add(new int[] {seen.merge(techs.get(i).category(), 1, Integer::sum), i});
    }
    ranks.sort((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
    return ranks.stream().map(r -> techs.get(r[1])).toList();
  }

  /** Technologies on the resume: skills, then projects, then what the experience entries mention. */
  private static List<Technology> resumeTechnologies(Resume resume) {
    Set<Technology> out = new LinkedHashSet<>();
    resume.skills().forEach(s -> out.addAll(TechVocabulary.find(s)));
    for (Resume.Project p : resume.projects()) {
      p.technologies().forEach(t -> out.addAll(TechVocabulary.find(t)));
      out.addAll(TechVocabulary.find(p.description()));
    }
    for (Resume.Experience e : resume.experience()) {
      e.highlights().forEach(h -> out.addAll(TechVocabulary.find(h)));
      out.addAll(TechVocabulary.find(e.description()));
    }
    return List.copyOf(out);
  }

  /**
   * A technology to ask about (its question depends on how many of its category were asked before)
   * or a ready draft; a null draft is a fragment that turned out not to be a technical skill.
   */
  private record TechnicalCandidate(Technology technology, QuestionDraft draft) {
    static TechnicalCandidate of(Technology technology) {
      return new TechnicalCandidate(technology, null);
    }

    static TechnicalCandidate of(QuestionDraft draft) {
      return new TechnicalCandidate(null, draft);
    }
  }

  /** The questions accepted so far, and what they used up: topics, texts and source fragments. */
  private static final class Selection {
    private final Set<String> slugs = new HashSet<>();
    private final Set<String> texts = new HashSet<>();
    private final Set<String> sources = new HashSet<>();
    private final Map<QuestionDraft, String> slugByDraft = new IdentityHashMap<>();

    boolean accept(QuestionDraft draft) {
      String text = draft.text();
      if (text.length() < MIN_TEXT || text.length() > MAX_TEXT) {
        return false;
      }
      String key = text.toLowerCase(Locale.ROOT);
      if (texts.contains(key) || (draft.source() != null && sources.contains(draft.source()))) {
        return false;
      }
      String slug = draft.slugs().stream().filter(s -> !s.isEmpty() && !slugs.contains(s)).findFirst().orElse(null);
      if (slug == null) {
        return false;
      }
      slugs.add(slug);
      texts.add(key);
      if (draft.source() != null) {
        sources.add(draft.source());
      }
      slugByDraft.put(draft, slug);
      return true;
    }

    @SafeVarargs
    final List<QuestionDraft> take(int count, List<QuestionDraft>... sourcesInOrder) {
      List<QuestionDraft> out = new ArrayList<>();
      for (List<QuestionDraft> candidates : sourcesInOrder) {
        for (QuestionDraft d : candidates) {
          if (out.size() == count) {
            return out;
          }
          if (accept(d)) {
            out.add(d);
          }
        }
      }
      return out;
    }

    String slugOf(QuestionDraft draft) {
      return slugByDraft.get(draft);
    }
  }
}
