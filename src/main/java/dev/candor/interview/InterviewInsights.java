package dev.candor.interview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Live signals about a running interview for seed 002's status messages: the candidate's comfort,
 * strengths seen so far and areas still worth probing. All derived from the analyses, so any
 * interviewer's analyses work, and deterministic.
 */
public final class InterviewInsights {

  static final int MAX_LABELS = 5;

  /** Competency keywords that name a strength better under a broader label. */
  private static final Map<String, String> COMPETENCY_LABELS = Map.ofEntries(
      Map.entry("problem", "problem-solving"),
      Map.entry("solution", "problem-solving"),
      Map.entry("debugging", "problem-solving"),
      Map.entry("challenge", "problem-solving"),
      Map.entry("team", "teamwork"),
      Map.entry("collaboration", "teamwork"),
      Map.entry("mentoring", "mentoring"),
      Map.entry("leadership", "leadership"),
      Map.entry("ownership", "ownership"),
      Map.entry("customer", "stakeholder communication"),
      Map.entry("client", "stakeholder communication"),
      Map.entry("stakeholder", "stakeholder communication"),
      Map.entry("communication", "communication"),
      Map.entry("latency", "performance"),
      Map.entry("performance", "performance"),
      Map.entry("scalability", "scalability"),
      Map.entry("architecture", "system design"),
      Map.entry("design", "system design"),
      Map.entry("testing", "testing"),
      Map.entry("security", "security"),
      Map.entry("incident", "incident handling"),
      Map.entry("outage", "incident handling"));

  private static final Cache<String, Set<String>> QUESTION_TECHNOLOGIES = Caffeine.newBuilder().maximumSize(16_384).build();

  private static final Set<String> TECHNOLOGIES = TechVocabulary.all().stream()
      .map(TechVocabulary.Technology::keyword).collect(Collectors.toUnmodifiableSet());

  private InterviewInsights() {}

  /**
   * The candidate's comfort so far: each answer's level counts -1 (nervous), 0 (neutral) or +1
   * (confident), later answers weighing more because people settle in; a weighted mean of -1/3 or
   * below is nervous, +1/3 or above confident. Neutral before the first answer.
   */
  public static ComfortLevel comfort(List<AnswerAnalysis> analyses) {
    List<AnswerAnalysis> list = present(analyses);
    if (list.isEmpty()) {
      return ComfortLevel.NEUTRAL;
    }
    double sum = 0;
    double weights = 0;
    for (int i = 0; i < list.size(); i++) {
      ComfortLevel level = list.get(i).comfortLevel() == null ? ComfortLevel.NEUTRAL : list.get(i).comfortLevel();
      int value = switch (level) {
        case NERVOUS -> -1;
        case NEUTRAL -> 0;
        case CONFIDENT -> 1;
      };
      sum += value * (i + 1);
      weights += i + 1;
    }
    double mean = sum / weights;
    if (mean <= -1.0 / 3) {
      return ComfortLevel.NERVOUS;
    }
    return mean >= 1.0 / 3 ? ComfortLevel.CONFIDENT : ComfortLevel.NEUTRAL;
  }

  /**
   * Short lowercase labels of what the candidate has shown in answers scoring 60 or more: the
   * technologies and competencies they brought up (most frequent first), then "structured answers
   * (STAR)" and "quantified results" when at least two good answers showed them. At most five.
   */
  public static List<String> strengthsIdentified(List<AnswerAnalysis> analyses) {
    List<AnswerAnalysis> good = present(analyses).stream()
        .filter(a -> !a.noAnswer() && a.score() >= ReportWriter.GOOD_ANSWER).toList();
    List<String> structural = new ArrayList<>();
    if (good.stream().filter(a -> a.star() != null && a.star().count() == 4).count() >= 2) {
      structural.add("structured answers (STAR)");
    }
    long quantified = good.stream()
        .filter(a -> a.star() != null && a.star().result() && !a.suggestions().contains(AnswerFeedback.QUANTIFY))
        .count();
    if (quantified >= 2) {
      structural.add("quantified results");
    }

    Map<String, Integer> frequency = new LinkedHashMap<>();
    for (AnswerAnalysis a : good) {
      Set<String> labels = new LinkedHashSet<>();
      for (String keyword : a.keywordsFound()) {
        if (TECHNOLOGIES.contains(keyword)) {
          labels.add(keyword);
        } else if (COMPETENCY_LABELS.containsKey(keyword)) {
          labels.add(COMPETENCY_LABELS.get(keyword));
        }
      }
      labels.forEach(l -> frequency.merge(l, 1, Integer::sum));
    }
    List<String> out = new ArrayList<>(frequency.keySet());
    // Stable sort: equally frequent labels keep the order they first appeared in.
    out.sort((x, y) -> frequency.get(y) - frequency.get(x));
    out = new ArrayList<>(out.subList(0, Math.min(out.size(), MAX_LABELS - structural.size())));
    out.addAll(structural);
    return List.copyOf(out);
  }

  /**
   * What the interviewer should still explore: the job's technologies no answer has mentioned (first
   * those a question already asked about, since the candidate skirted them, then the rest in the
   * job's order), plus weak spots recurring in at least half of the answers ("measurable results",
   * "ownership of actions", "concrete examples"). At most five, at most three of them technologies
   * when there are weak spots to name.
   */
  public static List<String> areasToProbe(List<Question> asked, List<AnswerAnalysis> analyses, JobPosting job) {
    List<AnswerAnalysis> list = present(analyses);
    Set<String> mentioned = new HashSet<>();
    list.forEach(a -> mentioned.addAll(a.keywordsFound()));

    Set<String> askedAbout = new HashSet<>();
    for (Question q : asked == null ? List.<Question>of() : asked) {
      if (q != null) {
        askedAbout.addAll(technologiesIn(q.topic()));
        askedAbout.addAll(technologiesIn(q.text()));
      }
    }
    List<String> unmentioned = JobTerms.of(job).technologies().stream()
        .map(TechVocabulary.Technology::keyword)
        .filter(k -> !mentioned.contains(k))
        .toList();
    List<String> technologies = new ArrayList<>(unmentioned.stream().filter(askedAbout::contains).toList());
    unmentioned.stream().filter(k -> !askedAbout.contains(k)).forEach(technologies::add);

    List<String> weakSpots = new ArrayList<>();
    List<AnswerAnalysis> answered = list.stream().filter(a -> !a.noAnswer()).toList();
    if (!answered.isEmpty()) {
      long noResult = answered.stream()
          .filter(a -> a.star() == null || !a.star().result() || a.suggestions().contains(AnswerFeedback.QUANTIFY))
          .count();
      if (noResult * 2 >= answered.size()) {
        weakSpots.add("measurable results");
      }
      if (answered.stream().filter(a -> a.star() == null || !a.star().action()).count() * 2 >= answered.size()) {
        weakSpots.add("ownership of actions");
      }
    }
    if (!list.isEmpty() && list.stream().filter(AnswerAnalysis::noAnswer).count() * 2 >= list.size()) {
      weakSpots.add("concrete examples");
    }

    int techRoom = weakSpots.isEmpty() ? MAX_LABELS : Math.min(3, MAX_LABELS - weakSpots.size());
    List<String> out = new ArrayList<>(technologies.subList(0, Math.min(techRoom, technologies.size())));
    for (String spot : weakSpots) {
      if (out.size() < MAX_LABELS) {
        out.add(spot);
      }
    }
    for (String tech : technologies) {
      if (out.size() < MAX_LABELS && !out.contains(tech)) {
        out.add(tech);
      }
    }
    return List.copyOf(out);
  }

  /** The keywords of the technologies a question's text or topic names; every status of a session reads them again. */
  private static Set<String> technologiesIn(String text) {
    if (text == null || text.isBlank()) {
      return Set.of();
    }
    return QUESTION_TECHNOLOGIES.get(text, t -> TechVocabulary.find(t).stream()
        .map(TechVocabulary.Technology::keyword).collect(Collectors.toUnmodifiableSet()));
  }

  private static List<AnswerAnalysis> present(List<AnswerAnalysis> analyses) {
    return analyses == null ? List.of() : analyses.stream().filter(a -> a != null).toList();
  }
}
