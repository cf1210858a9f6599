package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AnswerAnalyserTest {

  private static final List<String> PRAISE = List.of("great", "excellent", "good job", "well done", "strong", "clear");

  private final Interviewer interviewer = new RuleBasedInterviewer();
  private final Question kafka = SeedData.kafkaQuestion();
  private final JobPosting job = SeedData.kafkaJob();

  @Test
  void strongStarAnswerScoresWellAboveAVagueOne() {
    AnswerAnalysis strong = interviewer.analyse(kafka, SeedData.STRONG_KAFKA_ANSWER, job, null);
    AnswerAnalysis vague = interviewer.analyse(kafka, SeedData.VAGUE_KAFKA_ANSWER, job, null);

    assertTrue(strong.score() - vague.score() >= 25, strong.score() + " vs " + vague.score());
    assertEquals(new Star(true, true, true, true), strong.star());
    assertEquals(Star.NONE, vague.star());
    assertTrue(strong.keywordsFound().contains("kafka"));
    assertTrue(strong.keywordsFound().contains("java"));
    assertNull(strong.followUp(), "a complete answer needs no follow-up");
    assertEquals(ComfortLevel.CONFIDENT, strong.comfortLevel());
  }

  @Test
  void vagueAnswerGetsHonestFeedbackNamingWhatIsMissing() {
    AnswerAnalysis vague = interviewer.analyse(kafka, SeedData.VAGUE_KAFKA_ANSWER, job, null);
    String feedback = vague.feedback().toLowerCase(Locale.ROOT);

    PRAISE.forEach(p -> assertFalse(feedback.contains(p), "no praise (" + p + "): " + feedback));
    assertTrue(feedback.contains("what the result was"), feedback);
    assertTrue(feedback.contains("what you personally did"), feedback);
    assertNotNull(vague.followUp(), "a thin answer gets a follow-up");
    assertTrue(vague.suggestions().size() >= 1 && vague.suggestions().size() <= 4);
    assertTrue(vague.suggestions().stream().anyMatch(s -> s.contains("result")), vague.suggestions().toString());
    assertTrue(vague.suggestions().contains(AnswerFeedback.QUANTIFY));
    long sentences = vague.feedback().chars().filter(c -> c == '.').count();
    assertTrue(sentences >= 2 && sentences <= 3, vague.feedback());
  }

  @Test
  void missingResultIsNamedAndFollowedUp() {
    String noResult = "At my last job our team had a slow Kafka consumer. My goal was to fix the lag. "
        + "First, I profiled the consumer, then I moved the slow work to a separate topic and I added batching.";
    AnswerAnalysis a = interviewer.analyse(kafka, noResult, job, null);
    assertFalse(a.star().result());
    assertTrue(a.feedback().contains("You never said what the result was"), a.feedback());
    assertTrue(a.followUp().toLowerCase(Locale.ROOT).contains("turn out"), a.followUp());
  }

  @Test
  void unmentionedQuestionTechnologyIsSuggested() {
    String answer = "At my previous job I was asked to stop losing events. I decided to add retries and an outbox table, "
        + "and as a result we lost no events for a year.";
    AnswerAnalysis a = interviewer.analyse(kafka, answer, job, null);
    assertTrue(a.suggestions().stream().anyMatch(s -> s.contains("Kafka")), a.suggestions().toString());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "um uh", "Um... uh, like, so", "I don't know, sorry."})
  void emptyOrNearEmptyAnswerIsNoAnswer(String answer) {
    AnswerAnalysis a = interviewer.analyse(kafka, answer, job, null);
    assertTrue(a.noAnswer());
    assertEquals(0, a.score());
    assertEquals(Star.NONE, a.star());
    assertEquals(ComfortLevel.NERVOUS, a.comfortLevel());
    String feedback = a.feedback().toLowerCase(Locale.ROOT);
    assertTrue(feedback.contains("no answer"), feedback);
    PRAISE.forEach(p -> assertFalse(feedback.contains(p), "no praise (" + p + "): " + feedback));
    assertTrue(a.followUp().contains(kafka.text()), "the question is asked again");
    assertFalse(a.suggestions().isEmpty());
    String ack = interviewer.acknowledge(a).toLowerCase(Locale.ROOT);
    PRAISE.forEach(p -> assertFalse(ack.contains(p), ack));
    assertFalse(ack.contains("thank"), ack);
  }

  @Test
  void wordsPerMinuteComesFromTheDuration() {
    String answer = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        + "sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive "
        + "twentysix twentyseven twentyeight twentynine thirty";
    AnswerAnalysis timed = interviewer.analyse(kafka, answer, job, 15.0);
    assertEquals(30, timed.wordCount());
    assertEquals(120.0, timed.wordsPerMinute(), 0.001);
    assertEquals(15.0, timed.timeSpent(), 0.001);

    AnswerAnalysis typed = interviewer.analyse(kafka, answer, job, null);
    assertNull(typed.wordsPerMinute());
    assertEquals(12.0, typed.timeSpent(), 0.001, "30 words at 150 wpm");
    assertNull(interviewer.analyse(kafka, answer, job, 0.0).wordsPerMinute());
  }

  @Test
  void fastSpeechCostsPoints() {
    double normal = interviewer.analyse(kafka, SeedData.STRONG_KAFKA_ANSWER, job, 50.0).score();
    AnswerAnalysis rushed = interviewer.analyse(kafka, SeedData.STRONG_KAFKA_ANSWER, job, 20.0);
    assertTrue(rushed.wordsPerMinute() > 300);
    assertTrue(rushed.score() < normal, rushed.score() + " < " + normal);
    assertTrue(rushed.feedback().contains("words per minute"), rushed.feedback());
  }

  @Test
  void fillersAreCountedPenalisedAndMadeNervous() {
    String answer = "Um, so, like, at my last job, um, we had, like, a Kafka problem, you know. Um, I basically, like, "
        + "restarted things, um, and it, like, worked, you know.";
    AnswerAnalysis a = interviewer.analyse(kafka, answer, job, null);
    assertEquals(12, a.fillerWords());
    assertEquals(ComfortLevel.NERVOUS, a.comfortLevel());
    assertTrue(a.suggestions().stream().anyMatch(s -> s.contains("filler")), a.suggestions().toString());
  }

  @Test
  void keywordsAreLowercaseUniqueOrderedAndCapped() {
    String answer = "Kafka and Java. The team cared about latency, the customer, the deadline, the project, the budget, "
        + "the roadmap, the stakeholder and the metrics, and again Kafka, Java, security and reliability.";
    List<String> keywords = interviewer.analyse(kafka, answer, job, null).keywordsFound();
    assertEquals("kafka", keywords.get(0));
    assertEquals("java", keywords.get(1));
    assertTrue(keywords.size() <= 10);
    assertEquals(keywords.size(), new HashSet<>(keywords).size());
    keywords.forEach(k -> assertEquals(k.toLowerCase(Locale.ROOT), k));
  }

  @Test
  void answerAnalysedWithoutQuestionOrJob() {
    AnswerAnalysis a = interviewer.analyse(null, SeedData.STRONG_KAFKA_ANSWER, null, null);
    assertNull(a.questionId());
    assertFalse(a.noAnswer());
    assertTrue(a.score() > 0);
  }

  @Test
  void analysisIsDeterministic() {
    assertEquals(interviewer.analyse(kafka, SeedData.STRONG_KAFKA_ANSWER, job, 70.0),
        interviewer.analyse(kafka, SeedData.STRONG_KAFKA_ANSWER, job, 70.0));
  }

  @Test
  void acknowledgementVariesWithTheScore() {
    AnswerAnalysis strong = interviewer.analyse(kafka, SeedData.STRONG_KAFKA_ANSWER, job, null);
    AnswerAnalysis vague = interviewer.analyse(kafka, SeedData.VAGUE_KAFKA_ANSWER, job, null);
    assertFalse(interviewer.acknowledge(strong).equals(interviewer.acknowledge(vague)));
    assertFalse(interviewer.acknowledge(vague).toLowerCase(Locale.ROOT).contains("clear"));
  }
}
