package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ReportWriterTest {

  private final Interviewer interviewer = new RuleBasedInterviewer();
  private final Resume resume = SeedData.johnDoe();
  private final JobPosting job = SeedData.seniorSoftwareEngineer();

  private static void assertListRules(Report report) {
    for (List<String> list : List.of(report.strengths(), report.improvements(), report.microDrills())) {
      assertTrue(list.size() >= 3 && list.size() <= 5, "3-5 items: " + list);
      assertEquals(list.size(), new HashSet<>(list).size(), "no duplicates: " + list);
      list.forEach(item -> assertFalse(item.isBlank()));
    }
    assertFalse(report.followUpQuestion().isBlank());
    assertFalse(report.recommendation().isBlank());
    assertFalse(report.summary().isBlank());
  }

  private List<AnsweredQuestion> interview(List<Question> questions, List<String> answers) {
    List<AnsweredQuestion> out = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      String answer = i < answers.size() ? answers.get(i) : null;
      out.add(answer == null ? new AnsweredQuestion(q, null, null)
          : new AnsweredQuestion(q, answer, interviewer.analyse(q, answer, job, null)));
    }
    return out;
  }

  @Test
  void overallScoreIsTheRoundedMeanWithUnansweredCountingZero() {
    List<Question> questions = interviewer.plan(resume, job, InterviewPreferences.defaults(), 8);
    List<AnsweredQuestion> answered = interview(questions, List.of(
        SeedData.STRONG_KAFKA_ANSWER, SeedData.VAGUE_KAFKA_ANSWER, "",
        "When I was at StartupXYZ our React pages were slow. I profiled them and I cached the API calls, "
            + "which cut load time by 35%."));
    Report report = interviewer.report(answered, resume, job);

    int sum = answered.stream().mapToInt(a -> a.analysis() == null ? 0 : a.analysis().score()).sum();
    assertEquals(Math.round(sum / 8.0), report.overallScore());
    assertEquals(8, report.questions().size());
    assertListRules(report);

    for (int i = 0; i < 8; i++) {
      Report.QuestionResult r = report.questions().get(i);
      assertEquals(questions.get(i).id(), r.questionId());
      assertEquals(questions.get(i).text(), r.question());
      if (i >= 4) {
        assertEquals("", r.answer());
        assertEquals(0, r.score());
        assertEquals(Star.NONE, r.star());
        assertEquals("Not answered: the interview ended before this question.", r.feedback());
      }
    }
    assertEquals(SeedData.STRONG_KAFKA_ANSWER, report.questions().get(0).answer());
    assertTrue(report.improvements().get(0).startsWith("Answer every question"), report.improvements().toString());
  }

  @Test
  void emptyInterviewGetsNeutralFactsNotPraise() {
    List<Question> questions = interviewer.plan(resume, job, InterviewPreferences.defaults(), 8);
    Report report = interviewer.report(interview(questions, List.of()), resume, job);

    assertEquals(0, report.overallScore());
    assertListRules(report);
    assertTrue(report.strengths().contains("Answered 0 of 8 questions"), report.strengths().toString());
    for (String s : report.strengths()) {
      String lower = s.toLowerCase(Locale.ROOT);
      for (String praise : List.of("strong", "clear", "great", "excellent", "good", "structured", "steady", "few filler")) {
        assertFalse(lower.contains(praise), "no praise: " + s);
      }
    }
    assertTrue(report.recommendation().startsWith("Not ready yet"), report.recommendation());
    assertTrue(report.summary().contains("0 out of 100"), report.summary());
  }

  @Test
  void weakAnswersAreNotPraised() {
    List<Question> questions = interviewer.plan(resume, job, InterviewPreferences.defaults(), 5);
    String weak = "I have done a lot of that kind of thing in my jobs and it usually works out fine for everyone.";
    Report report = interviewer.report(interview(questions, List.of(weak, weak, weak, weak, weak)), resume, job);
    assertListRules(report);
    assertTrue(report.strengths().contains("Answered 5 of 5 questions"), report.strengths().toString());
    assertTrue(report.strengths().stream().anyMatch(s -> s.startsWith("Your best answer was q")), report.strengths().toString());
  }

  @Test
  void strongInterviewIsPraisedAndRecommended() {
    List<Question> questions = interviewer.plan(resume, job, InterviewPreferences.defaults(), 5);
    String story = "At my previous job at Tech Corp our Python and React dashboard on AWS was slow for 100k users. "
        + "My goal was to get page loads under two seconds. First, I profiled the API and I found an N+1 query, "
        + "then I added caching on AWS and I split the React bundle. I also mentored a junior developer through the "
        + "rollout. As a result, page load time dropped by 60% and support tickets fell from 40 to 12 a week, which "
        + "the team still tracks as a key metric for the project and the customer.";
    Report report = interviewer.report(interview(questions, List.of(story, story, story, story, story)), resume, job);
    assertListRules(report);
    assertTrue(report.overallScore() >= 80, "score " + report.overallScore());
    assertTrue(report.strengths().stream().anyMatch(s -> s.startsWith("Structured answers")), report.strengths().toString());
    assertTrue(report.recommendation().startsWith("Ready"), report.recommendation());
    assertTrue(report.summary().startsWith("Thank you, John."), report.summary());
  }

  @Test
  void followUpTargetsTheWeakestAnswersTopic() {
    List<Question> questions = interviewer.plan(resume, job, InterviewPreferences.defaults(), 5);
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < questions.size(); i++) {
      answers.add(i == 2 ? "not sure"
          : "At my last job we had to ship a feature fast. I decided to cut scope and as a result we shipped in 2 weeks.");
    }
    Report report = interviewer.report(interview(questions, answers), resume, job);
    assertTrue(report.followUpQuestion().contains(questions.get(2).topic()),
        report.followUpQuestion() + " / " + questions.get(2).topic());
  }

  @Test
  void reportIsDeterministicAndToleratesNoQuestions() {
    List<Question> questions = interviewer.plan(resume, job, InterviewPreferences.defaults(), 8);
    List<AnsweredQuestion> answered = interview(questions, List.of(SeedData.STRONG_KAFKA_ANSWER));
    assertEquals(interviewer.report(answered, resume, job), interviewer.report(answered, resume, job));

    Report empty = interviewer.report(List.of(), null, null);
    assertEquals(0, empty.overallScore());
    assertListRules(empty);
  }
}
