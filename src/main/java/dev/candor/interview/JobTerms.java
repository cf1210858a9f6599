package dev.candor.interview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a job posting gives an answer to connect with: the technologies it names (requirements first,
 * because that is what the employer screens for) and the significant words of its requirements,
 * responsibilities and title ("mentor", "junior", "payments").
 */
final class JobTerms {

  /** Words every posting uses that say nothing about this particular job. */
  private static final Set<String> GENERIC = Set.of(
      "years", "year", "experience", "experienced", "knowledge", "ability", "able", "strong", "excellent",
      "good", "great", "solid", "proven", "skills", "skill", "understanding", "familiarity", "familiar",
      "proficiency", "proficient", "plus", "preferred", "required", "requirement", "requirements", "bonus",
      "degree", "bachelor", "bachelor's", "bachelors", "master", "master's", "equivalent", "field", "related",
      "candidate", "role", "position", "minimum", "least", "senior", "junior", "mid", "level", "responsible",
      "responsibilities", "ideal", "looking", "join", "hands", "comfortable", "demonstrated", "track", "record",
      "expertise", "background", "similar", "environment", "etc", "including", "like", "other", "must",
      "nice", "have", "ensure", "across", "various", "multiple");

  private final List<TechVocabulary.Technology> technologies;
  private final List<String> words;

  private JobTerms(List<TechVocabulary.Technology> technologies, List<String> words) {
    this.technologies = technologies;
    this.words = words;
  }

  /** Every answer and status of an interview reads the same job: its terms are worked out once. */
  private static final Cache<JobPosting, JobTerms> CACHE = Caffeine.newBuilder().maximumSize(1_024).build();

  static JobTerms of(JobPosting job) {
    return CACHE.get(job == null ? JobPosting.empty() : job, JobTerms::read);
  }

  private static JobTerms read(JobPosting j) {
    Set<TechVocabulary.Technology> techs = new LinkedHashSet<>();
    Set<String> words = new LinkedHashSet<>();
    for (String requirement : j.requirements()) {
      techs.addAll(TechVocabulary.find(requirement));
      words.addAll(significantWords(requirement));
    }
    techs.addAll(TechVocabulary.find(j.title()));
    words.addAll(significantWords(j.title()));
    for (String responsibility : j.responsibilities()) {
      techs.addAll(TechVocabulary.find(responsibility));
      words.addAll(significantWords(responsibility));
    }
    techs.addAll(TechVocabulary.find(j.description()));
    return new JobTerms(List.copyOf(techs), List.copyOf(words));
  }

  List<TechVocabulary.Technology> technologies() {
    return technologies;
  }

  List<String> words() {
    return words;
  }

  /**
   * The lowercase words of a phrase that carry meaning: no stopwords, no posting boilerplate, no
   * numbers, and nothing inside a technology mention (which is counted as the technology).
   */
  static List<String> significantWords(String phrase) {
    if (Phrases.isBlank(phrase)) {
      return List.of();
    }
    StringBuilder withoutTech = new StringBuilder(phrase);
    for (TechVocabulary.Mention m : TechVocabulary.mentions(phrase)) {
      for (int i = m.start(); i < m.end(); i++) {
        withoutTech.setCharAt(i, ' ');
      }
    }
    List<String> out = new ArrayList<>();
    for (Transcript.Token token : Transcript.of(withoutTech.toString()).tokens()) {
      String w = token.lower();
      boolean meaningful = w.length() >= 4
          && !Phrases.STOPWORDS.contains(w)
          && !GENERIC.contains(w)
          && !Character.isDigit(w.charAt(0));
      if (meaningful && !out.contains(w)) {
        out.add(w);
      }
    }
    return out;
  }
}
