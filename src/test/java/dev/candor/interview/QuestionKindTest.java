package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuestionKindTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      STORY        | Tell me about a time you missed a deadline.
      STORY        | Give me an example of a conflict in your team.
      STORY        | Describe a situation where you had to persuade a sceptical colleague.
      STORY        | What was your proudest accomplishment last year?
      STORY        | Walk me through how you debugged your hardest outage.
      STORY        | Tell me about your payments project. What would you do differently?
      SITUATIONAL  | What would you do if a teammate kept missing code reviews?
      SITUATIONAL  | How would you handle a customer who is angry about a late delivery?
      INTRODUCTION | Tell me a little about yourself.
      INTRODUCTION | Walk me through your resume.
      WEAKNESS     | What is your biggest weakness?
      WEAKNESS     | What are your strengths and weaknesses?
      STRENGTH     | What would your colleagues say is your greatest strength?
      MOTIVATION   | Why do you want to join our company?
      MOTIVATION   | Why should we hire you?
      CAREER       | Why are you leaving your current role?
      CAREER       | Where do you see yourself in five years?
      TECHNICAL    | Explain what a database index is to a product manager.
      TECHNICAL    | What is the difference between a process and a thread?
      LOGISTICS    | What are your salary expectations?
      LOGISTICS    | When can you start, and what is your notice period?
      GENERAL      | What do you do to unwind at the weekend?
      """)
  void theWordingDecidesTheKind(QuestionKind expected, String text) {
    assertEquals(expected, QuestionKind.of(new Question("q1", text, QuestionType.BEHAVIORAL, Difficulty.MEDIUM, 120, "")));
  }

  @Test
  void thePlannedTypeDecidesOnlyWhenTheWordingSaysNothing() {
    assertEquals(QuestionKind.TECHNICAL,
        QuestionKind.of(new Question("q1", "", QuestionType.TECHNICAL, Difficulty.MEDIUM, 120, "kafka")));
    assertEquals(QuestionKind.STORY,
        QuestionKind.of(new Question("q1", null, QuestionType.BEHAVIORAL, Difficulty.MEDIUM, 120, "")));
    assertEquals(QuestionKind.TECHNICAL, QuestionKind.of(new Question("q1",
        "Which Kafka settings matter most for ordering?", QuestionType.TECHNICAL, Difficulty.MEDIUM, 120, "kafka")));
    assertEquals(QuestionKind.WEAKNESS, QuestionKind.of(new Question("q1",
        "What is your greatest weakness?", QuestionType.TECHNICAL, Difficulty.MEDIUM, 120, "")));
  }

  @Test
  void everyQuestionThePlannerWritesIsAStoryOrTechnical() {
    var interviewer = new RuleBasedInterviewer();
    for (Question q : interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(),
        InterviewPreferences.defaults(), 8)) {
      QuestionKind kind = QuestionKind.of(q);
      assertTrue(kind == QuestionKind.STORY || kind == QuestionKind.TECHNICAL || kind == QuestionKind.INTRODUCTION,
          kind + ": " + q.text());
    }
  }

  @Test
  void aFailureQuestionIsToldApart() {
    assertTrue(QuestionKind.asksAboutFailure(
        new Question("q1", "Tell me about a mistake you made.", QuestionType.BEHAVIORAL, Difficulty.MEDIUM, 120, "")));
    assertFalse(QuestionKind.asksAboutFailure(
        new Question("q1", "Tell me about a launch you led.", QuestionType.BEHAVIORAL, Difficulty.MEDIUM, 120, "")));
  }
}
