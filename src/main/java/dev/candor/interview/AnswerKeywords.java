package dev.candor.interview;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the relevant keywords of an answer: technologies and words the job posting or the question
 * offered ("offered": the question's topic and the subject words of its text, such as "ordering" and
 * "retries"), plus any other known technology and a small lexicon of competencies
 * interviewers listen for ("other"). Keywords are lowercase, unique, in order of first appearance,
 * at most {@value #MAX}. Words are compared by a crude stem so "mentored" meets "mentor".
 */
final class AnswerKeywords {

  static final int MAX = 10;

  /** Competencies interviewers listen for in any answer, whatever the job. */
  private static final List<String> COMPETENCIES = List.of(
      "team", "project", "customer", "client", "user", "stakeholder", "deadline", "metrics", "latency",
      "performance", "scalability", "reliability", "availability", "quality", "testing", "deployment",
      "architecture", "design", "collaboration", "communication", "leadership", "mentoring", "ownership",
      "priority", "trade-off", "budget", "cost", "revenue", "roadmap", "incident", "outage", "feedback",
      "solution", "problem", "challenge", "outcome", "impact", "risk", "security", "migration", "automation",
      "documentation", "process", "conflict", "decision", "learning", "debugging", "monitoring");

  /**
   * @param keywords what the answer mentioned, for {@link AnswerAnalysis#keywordsFound()}
   * @param offered how many of them the job or the question offered
   * @param missingFromQuestion technologies the question named that the answer did not (canonical
   *     spelling), for suggestions such as "mention Kafka"
   * @param missingFromJob technologies the job named that the answer did not
   */
  record Found(List<String> keywords, int offered, int other, List<String> missingFromQuestion,
      List<String> missingFromJob) {}

  /** Words every question uses to ask, which say nothing about its subject. */
  private static final Set<String> QUESTION_BOILERPLATE = Set.of(
      "tell", "time", "describe", "walk", "through", "approach", "approached", "handled", "handle", "explain",
      "used", "give", "example", "talk", "happened", "something", "decided", "decide", "hardest", "part",
      "made", "make", "change", "differently", "different", "keep", "think", "start", "little", "yourself",
      "proud", "again", "exactly", "went", "like", "look", "looks", "learned", "learn", "know", "faced",
      "past", "recent", "favourite", "favorite", "most", "best", "steps", "would", "could", "well", "bring",
      "next", "want", "says", "role", "resume", "lists", "calls", "involves", "includes", "asks", "similar");

  private record Hit(int position, String label, boolean offered) {}

  private AnswerKeywords() {}

  static Found find(Transcript answer, Question question, JobTerms job) {
    // A question names its subject in its topic and usually in its text ("How have you used Kafka?").
    Set<TechVocabulary.Technology> questionTech = new LinkedHashSet<>();
    List<String> offeredWords = new ArrayList<>(job.words());
    if (question != null) {
      questionTech.addAll(TechVocabulary.find(question.topic()));
      questionTech.addAll(TechVocabulary.find(question.text()));
      offeredWords.addAll(JobTerms.significantWords(question.topic()));
      JobTerms.significantWords(question.text()).stream()
          .filter(w -> !QUESTION_BOILERPLATE.contains(w))
          .forEach(offeredWords::add);
    }
    Set<TechVocabulary.Technology> offeredTech = new LinkedHashSet<>(questionTech);
    offeredTech.addAll(job.technologies());

    // stem -> label; offered words win over competencies with the same stem.
    Map<String, String> labels = new HashMap<>();
    Set<String> offeredStems = new LinkedHashSet<>();
    for (String w : COMPETENCIES) {
      labels.put(Phrases.stem(w), w);
    }
    for (String w : offeredWords) {
      labels.put(Phrases.stem(w), w);
      offeredStems.add(Phrases.stem(w));
    }

    List<Hit> hits = new ArrayList<>();
    Set<TechVocabulary.Technology> mentioned = new LinkedHashSet<>();
    boolean[] insideTech = new boolean[answer.text().length()];
    for (TechVocabulary.Mention m : TechVocabulary.mentions(answer.text())) {
      mentioned.add(m.technology());
      hits.add(new Hit(m.start(), m.technology().keyword(), offeredTech.contains(m.technology())));
      for (int i = m.start(); i < m.end(); i++) {
        insideTech[i] = true;
      }
    }
    for (Transcript.Token token : answer.tokens()) {
      String stem = Phrases.stem(token.lower());
      if (!insideTech[token.start()] && labels.containsKey(stem)) {
        hits.add(new Hit(token.start(), labels.get(stem), offeredStems.contains(stem)));
      }
    }
    hits.sort(Comparator.comparingInt(Hit::position));

    Set<String> seen = new LinkedHashSet<>();
    int offered = 0;
    int other = 0;
    for (Hit hit : hits) {
      if (seen.size() < MAX && seen.add(hit.label())) {
        if (hit.offered()) {
          offered++;
        } else {
          other++;
        }
      }
    }
    return new Found(List.copyOf(seen), offered, other, unmentioned(questionTech, mentioned),
        unmentioned(job.technologies(), mentioned));
  }

  private static List<String> unmentioned(Collection<TechVocabulary.Technology> named,
      Set<TechVocabulary.Technology> mentioned) {
    return named.stream().filter(t -> !mentioned.contains(t)).map(TechVocabulary.Technology::name).toList();
  }
}
