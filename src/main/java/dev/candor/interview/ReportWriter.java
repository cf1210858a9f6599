package dev.candor.interview;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the end-of-interview report. The overall score is the rounded mean of the per-question
 * scores, an unanswered question counting 0: it is arithmetic, not a second judgement. Strengths
 * are only claimed from answers that scored at least {@value #GOOD_ANSWER}; without any, the report
 * states neutral facts instead of praise. Each improvement comes with a micro-drill that practises
 * exactly that, and both lists are topped up with always-useful advice to reach three items.
 */
final class ReportWriter {

  static final String NOT_ANSWERED = "Not answered: the interview ended before this question.";
  static final int GOOD_ANSWER = 60;
  static final int MIN_ITEMS = 3;
  static final int MAX_ITEMS = 5;

  /** One question with its analysis; the analysis is null when the question was not answered. */
  private record Entry(int index, Question question, String answer, AnswerAnalysis analysis) {

    boolean answered() {
      return analysis != null && !analysis.noAnswer();
    }

    int score() {
      return analysis == null ? 0 : analysis.score();
    }

    String id() {
      if (question != null && question.id() != null) {
        return question.id();
      }
      return analysis != null && analysis.questionId() != null ? analysis.questionId() : "q" + (index + 1);
    }

    Star star() {
      return analysis == null || analysis.star() == null ? Star.NONE : analysis.star();
    }

    boolean hasNumbers() {
      return AnswerScore.mentionsNumbers(answer);
    }
  }

  /** An improvement and the micro-drill that practises it; higher severity is reported first. */
  private record Finding(String improvement, String drill, double severity) {}

  private ReportWriter() {}

  static Report write(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    JobPosting j = job == null ? JobPosting.empty() : job;
    String title = Phrases.isBlank(j.title()) ? null : Phrases.clip(j.title(), 60);
    List<Entry> entries = new ArrayList<>();
    List<AnsweredQuestion> given = questions == null ? List.of() : questions;
    for (int i = 0; i < given.size(); i++) {
      AnsweredQuestion aq = given.get(i);
      if (aq != null) {
        entries.add(new Entry(i, aq.question(), aq.answer(), aq.analysis()));
      }
    }

    int overall = entries.isEmpty() ? 0
        : (int) Math.round(entries.stream().mapToInt(Entry::score).average().orElse(0));
    List<Report.QuestionResult> results = entries.stream().map(ReportWriter::result).toList();
    List<String> jobTechs = JobTerms.of(j).technologies().stream().map(TechVocabulary.Technology::keyword).toList();

    List<String> praise = praise(entries, jobTechs);
    List<String> strengths = withFacts(praise, entries, title);
    List<Finding> findings = findings(entries, jobTechs, title);
    Entry weakest = entries.stream().min(Comparator.comparingInt(Entry::score)).orElse(null);

    return new Report(
        overall,
        results,
        strengths,
        findings.stream().map(Finding::improvement).toList(),
        findings.stream().map(Finding::drill).toList(),
        followUpQuestion(weakest),
        recommendation(overall, title),
        summary(firstName(resume), overall, entries, praise, findings));
  }

  private static Report.QuestionResult result(Entry e) {
    String text = e.question() == null || e.question().text() == null ? "" : e.question().text();
    AnswerAnalysis a = e.analysis();
    if (a == null) {
      return new Report.QuestionResult(e.id(), text, "", 0, Star.NONE, List.of(), 0, 0, NOT_ANSWERED);
    }
    return new Report.QuestionResult(e.id(), text, e.answer() == null ? "" : e.answer(), a.score(), e.star(),
        a.keywordsFound(), a.fillerWords(), a.timeSpent(), a.feedback() == null ? "" : a.feedback());
  }

  /** What the good answers really showed; empty when no answer scored {@value #GOOD_ANSWER} or more. */
  private static List<String> praise(List<Entry> entries, List<String> jobTechs) {
    List<Entry> answered = entries.stream().filter(Entry::answered).toList();
    List<Entry> good = answered.stream().filter(e -> e.score() >= GOOD_ANSWER).toList();
    int n = answered.size();
    Set<String> out = new LinkedHashSet<>();
    if (!good.isEmpty()) {
      long fullStar = good.stream().filter(e -> e.star().count() == 4).count();
      if (fullStar > 0 && fullStar * 2 >= n) {
        out.add("Structured answers (" + fullStar + " of " + n + " covered situation, task, action and result)");
      }
      List<String> techs = good.stream().flatMap(e -> e.analysis().keywordsFound().stream())
          .filter(jobTechs::contains).distinct().limit(3).toList();
      if (!techs.isEmpty()) {
        out.add("Connected your answers to the role's requirements (" + Phrases.joinNatural(techs) + ")");
      }
      long numbers = good.stream().filter(Entry::hasNumbers).count();
      if (numbers > 0) {
        out.add("Backed answers with concrete numbers (" + numbers + " of " + n + " answers)");
      }
      long results = good.stream().filter(e -> e.star().result()).count();
      if (results * 2 >= n) {
        out.add("Clear outcomes (you said what the result was in " + results + " of " + n + " answers)");
      }
      long actions = good.stream().filter(e -> e.star().action()).count();
      if (actions * 2 >= n) {
        out.add("Made your own contribution clear (" + actions + " of " + n + " answers)");
      }
      good.stream().filter(e -> e.score() >= 80).findFirst().ifPresent(
          e -> out.add("Strong answer to " + e.id() + " (" + e.score() + "/100)"));
      int words = answered.stream().mapToInt(e -> e.analysis().wordCount()).sum();
      int fillers = answered.stream().mapToInt(e -> e.analysis().fillerWords()).sum();
      if (words >= 150 && 100.0 * fillers / words < AnswerScore.TOLERATED_FILLER_RATE) {
        out.add("Few filler words (" + fillers + " in " + words + " words)");
      }
      Double wpm = averageWpm(answered);
      if (wpm != null && wpm >= AnswerScore.SLOWEST_WPM && wpm <= AnswerScore.FASTEST_WPM) {
        out.add("Steady speaking pace (about " + Math.round(wpm) + " words per minute)");
      }
    }
    return out.stream().limit(MAX_ITEMS).toList();
  }

  private static List<String> withFacts(List<String> praise, List<Entry> entries, String title) {
    Set<String> all = new LinkedHashSet<>(praise);
    for (String fact : facts(entries, title)) {
      if (all.size() >= MIN_ITEMS) {
        break;
      }
      all.add(fact);
    }
    return List.copyOf(all);
  }

  /** Neutral, true statements for a report with little or nothing to praise. */
  private static List<String> facts(List<Entry> entries, String title) {
    List<Entry> answered = entries.stream().filter(Entry::answered).toList();
    List<String> facts = new ArrayList<>();
    facts.add("Answered " + answered.size() + " of " + entries.size() + " questions");
    answered.stream().max(Comparator.comparingInt(Entry::score)).ifPresent(
        best -> facts.add("Your best answer was " + best.id() + " (" + best.score() + "/100)"));
    AnswerFeedback.StarPart commonest = null;
    long commonestCount = 0;
    for (AnswerFeedback.StarPart part : AnswerFeedback.StarPart.values()) {
      long count = answered.stream().filter(e -> part.in(e.star())).count();
      if (count > commonestCount) {
        commonest = part;
        commonestCount = count;
      }
    }
    if (commonest != null) {
      facts.add("Most often covered STAR part: the " + commonest.label() + " (" + commonestCount + " of "
          + answered.size() + " answers)");
    }
    facts.add(title == null ? "Took part in a practice interview" : "Took part in a practice interview for the " + title + " role");
    facts.add("Faced " + countOf(entries, QuestionType.BEHAVIORAL) + " behavioral, " + countOf(entries, QuestionType.TECHNICAL)
        + " technical and " + countOf(entries, QuestionType.LEADERSHIP) + " leadership questions");
    return facts;
  }

  private static List<Finding> findings(List<Entry> entries, List<String> jobTechs, String title) {
    List<Entry> answered = entries.stream().filter(Entry::answered).toList();
    int n = answered.size();
    List<Finding> found = new ArrayList<>();

    long silent = entries.size() - n;
    if (silent > 0) {
      found.add(new Finding(
          "Answer every question (" + silent + " of " + entries.size() + " got no answer)",
          "Practise unfamiliar questions out loud: take ten seconds to think, then give one concrete example, even a short one",
          1 + (double) silent / entries.size()));
    }
    if (n > 0) {
      long noResult = answered.stream().filter(e -> !e.star().result()).count();
      if (noResult > 0) {
        found.add(new Finding(
            "Finish each answer with the result (it was missing in " + noResult + " of " + n + " answers)",
            "Take three of your stories and write a one-sentence result for each, with a number: time saved, errors cut or users helped",
            (double) noResult / n));
      }
      long noAction = answered.stream().filter(e -> !e.star().action()).count();
      if (noAction > 0) {
        found.add(new Finding(
            "Say what you personally did (your own actions were unclear in " + noAction + " of " + n + " answers)",
            "Retell one story using \"I\" for every step you took yourself, and say why you chose each step",
            (double) noAction / n));
      }
      long noSetting = answered.stream().filter(e -> !e.star().situation() || !e.star().task()).count();
      if (noSetting > 0) {
        found.add(new Finding(
            "Set the scene before the story (the situation or your goal was missing in " + noSetting + " of " + n + " answers)",
            "For each of your stories, write one sentence on the situation and one on your goal, then practise telling them",
            0.8 * noSetting / n));
      }
      long noNumbers = answered.stream().filter(e -> !e.hasNumbers()).count();
      if (noNumbers > 0) {
        found.add(new Finding(
            "Include measurable results (only " + (n - noNumbers) + " of " + n + " answers had a number)",
            "Practise telling stories with specific numbers: percentages, time saved, money or users affected",
            0.9 * noNumbers / n));
      }
      int words = answered.stream().mapToInt(e -> e.analysis().wordCount()).sum();
      int fillers = answered.stream().mapToInt(e -> e.analysis().fillerWords()).sum();
      double fillerRate = words == 0 ? 0 : 100.0 * fillers / words;
      if (fillerRate > AnswerScore.TOLERATED_FILLER_RATE) {
        found.add(new Finding(
            "Reduce filler words (averaging " + Math.round((double) fillers / n) + " per answer)",
            "Record yourself answering one question for two minutes, count the filler words, and repeat until you are under three",
            Math.min(1, (fillerRate - AnswerScore.TOLERATED_FILLER_RATE) / 6)));
      }
      Double wpm = averageWpm(answered);
      if (wpm != null && (wpm < AnswerScore.SLOWEST_WPM || wpm > AnswerScore.FASTEST_WPM)) {
        boolean fast = wpm > AnswerScore.FASTEST_WPM;
        found.add(new Finding(
            (fast ? "Slow down" : "Pick up the pace") + " (you averaged " + Math.round(wpm)
                + " words per minute; aim for 120-170)",
            "Read a 150-word answer aloud against a timer and aim to finish in 60 to 75 seconds",
            Math.min(1, Math.abs(wpm - (fast ? AnswerScore.FASTEST_WPM : AnswerScore.SLOWEST_WPM)) / 60)));
      }
      double averageWords = (double) words / n;
      if (averageWords < AnswerScore.FULL_LENGTH_FROM) {
        found.add(new Finding(
            "Give fuller answers (they averaged " + Math.round(averageWords) + " words; aim for 150-250)",
            "Answer one question out loud for a full two minutes, covering situation, task, action and result",
            (AnswerScore.FULL_LENGTH_FROM - averageWords) / AnswerScore.FULL_LENGTH_FROM));
      } else if (averageWords > AnswerScore.FULL_LENGTH_TO) {
        found.add(new Finding(
            "Keep answers to about two minutes (they averaged " + Math.round(averageWords) + " words)",
            "Cut one of your answers to 200 words by trimming background and leading with the result",
            Math.min(1, (averageWords - AnswerScore.FULL_LENGTH_TO) / AnswerScore.FULL_LENGTH_TO)));
      }
    }
    Set<String> mentioned = new LinkedHashSet<>();
    answered.forEach(e -> mentioned.addAll(e.analysis().keywordsFound()));
    List<String> unmentioned = jobTechs.stream().filter(t -> !mentioned.contains(t)).limit(3).toList();
    if (!unmentioned.isEmpty()) {
      found.add(new Finding(
          "Connect your answers to the role's requirements (" + Phrases.joinNatural(unmentioned) + " never came up)",
          "Write one short STAR story for each of " + Phrases.joinNatural(unmentioned) + " that shows hands-on use",
          0.5 * unmentioned.size() / jobTechs.size()));
    }

    found.sort(Comparator.comparingDouble(Finding::severity).reversed());
    List<Finding> out = new ArrayList<>(found.subList(0, Math.min(MAX_ITEMS, found.size())));
    for (Finding pad : generalAdvice(title)) {
      if (out.size() >= MIN_ITEMS) {
        break;
      }
      out.add(pad);
    }
    return out;
  }

  /** Advice that helps any candidate, used when the answers give fewer than three specific findings. */
  private static List<Finding> generalAdvice(String title) {
    return List.of(
        new Finding("Prepare more STAR stories so you have a fresh example for each kind of question",
            "Prepare five STAR examples covering a challenge, a failure, a conflict, a leadership moment and a technical win", 0),
        new Finding(title == null ? "Tie each answer back to what the role needs"
                : "Tie each answer back to what the " + title + " role needs",
            "For each requirement in the job posting, note one example from your experience that proves it", 0),
        new Finding("Close each answer with a one-sentence takeaway",
            "Practise ending three answers with one sentence on what you learned or would do differently", 0));
  }

  private static String followUpQuestion(Entry weakest) {
    Question q = weakest == null ? null : weakest.question();
    String topic = q == null ? null : topicOf(q);
    if (topic == null) {
      return "Can you give me another example of a time when you had to learn a new technology quickly? "
          + "How did you approach it, and what was the outcome?";
    }
    return switch (q.type() == null ? QuestionType.BEHAVIORAL : q.type()) {
      case TECHNICAL -> "Tell me about another piece of work involving " + topic
          + ": what problem were you solving, what did you do, and how did you measure the result?";
      case LEADERSHIP -> "Can you give me another example of " + topic
          + "? Who was involved, what did you do to lead, and what changed as a result?";
      case BEHAVIORAL -> "Can you give me another example related to " + topic
          + "? What was the situation, what did you do, and what was the outcome?";
    };
  }

  /** The question's topic, or the topic part of its id ("q3_technical_kafka" gives "kafka"). */
  private static String topicOf(Question q) {
    if (!Phrases.isBlank(q.topic())) {
      return q.topic().trim();
    }
    String[] parts = q.id() == null ? new String[0] : q.id().split("_", 3);
    return parts.length == 3 && !parts[2].isBlank() ? parts[2] : null;
  }

  private static String recommendation(int overall, String title) {
    String role = title == null ? "this role" : "the " + title + " role";
    if (overall >= 80) {
      return "Ready: you interview at a level that should do well for " + role + "; keep your stories fresh.";
    }
    if (overall >= 65) {
      return "Promising: polish the improvements below and you should be ready for " + role + ".";
    }
    if (overall >= 50) {
      return "Needs practice: work through the micro-drills before interviewing for " + role + ".";
    }
    return "Not ready yet: build a set of STAR stories and practise answering out loud before interviewing for "
        + role + ".";
  }

  /** Said as the closing remark, so it thanks the candidate by name when the resume gives one. */
  private static String summary(String firstName, int overall, List<Entry> entries, List<String> praise,
      List<Finding> findings) {
    long answered = entries.stream().filter(Entry::answered).count();
    String thanks = firstName == null ? "" : "Thank you, " + firstName + ". ";
    String middle = !praise.isEmpty()
        ? "Your strongest point: " + Phrases.lowerFirst(praise.get(0)) + "."
        : "You answered " + answered + " of " + entries.size() + " questions.";
    return thanks + "You scored " + overall + " out of 100 across " + entries.size() + " questions. " + middle
        + " The main thing to work on: " + Phrases.lowerFirst(findings.get(0).improvement()) + ".";
  }

  private static String firstName(Resume resume) {
    if (resume == null || Phrases.isBlank(resume.name())) {
      return null;
    }
    return Phrases.tidy(resume.name()).split(" ")[0];
  }

  private static Double averageWpm(List<Entry> answered) {
    List<Double> known = answered.stream().map(e -> e.analysis().wordsPerMinute()).filter(w -> w != null).toList();
    return known.isEmpty() ? null : known.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }

  private static long countOf(List<Entry> entries, QuestionType type) {
    return entries.stream().filter(e -> e.question() != null && e.question().type() == type).count();
  }
}
