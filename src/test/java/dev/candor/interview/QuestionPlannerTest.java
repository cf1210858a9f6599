package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class QuestionPlannerTest {

  private static final Pattern ID = Pattern.compile("q(\\d+)_(behavioral|technical|leadership)_[a-z0-9]+");

  private final Interviewer interviewer = new RuleBasedInterviewer();

  /** Every rule of the plan that holds whatever the input: count, mix, order, ids, texts, uniqueness. */
  static void assertValidPlan(List<Question> questions, int count) {
    assertEquals(count, questions.size(), "number of questions");
    Set<String> ids = new HashSet<>();
    Set<String> texts = new HashSet<>();
    Set<String> topics = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question q = questions.get(i);
      var m = ID.matcher(q.id());
      assertTrue(m.matches(), "id pattern: " + q.id());
      assertEquals(i + 1, Integer.parseInt(m.group(1)), "ids number from 1: " + q.id());
      assertEquals(q.type().wireName(), m.group(2), "type in id: " + q.id());
      assertTrue(ids.add(q.id()), "unique id: " + q.id());
      assertTrue(texts.add(q.text().toLowerCase(Locale.ROOT)), "unique text: " + q.text());
      assertTrue(topics.add(q.id().substring(q.id().indexOf('_', q.id().indexOf('_') + 1) + 1)), "unique topic: " + q.id());
      assertTrue(q.text().length() >= 50 && q.text().length() <= 200, "50-200 chars (" + q.text().length() + "): " + q.text());
      int expectedTime = switch (q.type()) {
        case BEHAVIORAL -> 120;
        case TECHNICAL -> 180;
        case LEADERSHIP -> 150;
      };
      assertEquals(expectedTime, q.estimatedTime());
    }
    long behavioral = questions.stream().filter(q -> q.type() == QuestionType.BEHAVIORAL).count();
    long technical = questions.stream().filter(q -> q.type() == QuestionType.TECHNICAL).count();
    long leadership = questions.stream().filter(q -> q.type() == QuestionType.LEADERSHIP).count();
    assertTrue(behavioral >= 2 && technical >= 2 && leadership >= 1, "mix " + behavioral + "/" + technical + "/" + leadership);

    // Order: warm-up behavioral, all technical, remaining behavioral, leadership last.
    assertEquals(QuestionType.BEHAVIORAL, questions.get(0).type());
    List<QuestionType> rest = questions.subList(1, questions.size()).stream().map(Question::type).toList();
    List<QuestionType> sorted = rest.stream().sorted((a, b) -> rank(a) - rank(b)).toList();
    assertEquals(sorted, rest, "technical, then behavioral, then leadership");
  }

  private static int rank(QuestionType t) {
    return switch (t) {
      case TECHNICAL -> 0;
      case BEHAVIORAL -> 1;
      case LEADERSHIP -> 2;
    };
  }

  private static long count(List<Question> qs, QuestionType type) {
    return qs.stream().filter(q -> q.type() == type).count();
  }

  @Test
  void seedResumeAndJobGiveEightTailoredQuestions() {
    List<Question> qs = interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(),
        InterviewPreferences.defaults(), 8);

    assertValidPlan(qs, 8);
    assertAll(
        () -> assertEquals(3, count(qs, QuestionType.BEHAVIORAL)),
        () -> assertEquals(3, count(qs, QuestionType.TECHNICAL)),
        () -> assertEquals(2, count(qs, QuestionType.LEADERSHIP)));
    List<String> technicalTexts = qs.stream().filter(q -> q.type() == QuestionType.TECHNICAL).map(Question::text).toList();
    for (String tech : List.of("Python", "React", "AWS")) {
      assertTrue(technicalTexts.stream().anyMatch(t -> t.contains(tech)), "a technical question names " + tech);
    }
    assertTrue(qs.stream().allMatch(q -> q.difficulty() == Difficulty.HARD), "Senior -> hard");
    assertTrue(qs.stream().anyMatch(q -> q.text().contains("Tech Corp Inc.") || q.text().contains("StartupXYZ")),
        "a question ties to the resume's experience");
    assertTrue(qs.stream().filter(q -> q.type() == QuestionType.LEADERSHIP)
            .anyMatch(q -> q.text().toLowerCase(Locale.ROOT).contains("mentor")),
        "a leadership question follows the mentoring responsibility");
    String intro = qs.get(0).text().toLowerCase(Locale.ROOT);
    assertTrue(intro.contains("background") || intro.contains("yourself"), "q1 is a warm-up: " + intro);
  }

  @Test
  void kafkaRequirementYieldsKafkaQuestion() {
    List<Question> qs = interviewer.plan(Resume.empty(), SeedData.kafkaJob(), InterviewPreferences.defaults(), 8);
    assertValidPlan(qs, 8);
    assertTrue(qs.stream().anyMatch(q -> q.type() == QuestionType.TECHNICAL && q.text().contains("Kafka")),
        "a technical question names Kafka");
  }

  @Test
  void kafkaIsNamedEvenWhenTheJobListsMoreTechnologiesThanQuestions() {
    JobPosting job = new JobPosting("Platform Engineer", null, null, null,
        List.of("Python", "Go", "PostgreSQL", "Docker", "Terraform", "Kubernetes", "Kafka"), null, null, null, null,
        null, null);
    List<Question> qs = interviewer.plan(SeedData.johnDoe(), job, InterviewPreferences.defaults(), 8);
    assertValidPlan(qs, 8);
    assertTrue(qs.stream().anyMatch(q -> q.text().contains("Kafka")), "Kafka named: " + qs);
  }

  @Test
  void emptyResumeAndJobStillGiveAValidPlan() {
    for (int n : new int[] {5, 8, 12, 20}) {
      assertValidPlan(interviewer.plan(Resume.empty(), JobPosting.empty(), InterviewPreferences.defaults(), n), n);
      assertValidPlan(interviewer.plan(null, null, null, n), n);
    }
  }

  @Test
  void nullsInsideRecordsAreTolerated() {
    Resume resume = new Resume(null, null, null, null, null, null, null,
        java.util.Arrays.asList(new Resume.Experience(null, null, null, null, null, null, null), null),
        null, java.util.Arrays.asList("Kafka", null, "  "), null, null, null);
    JobPosting job = new JobPosting("  ", null, null, null, java.util.Arrays.asList(null, ""), null, null, null, null,
        null, null);
    List<Question> qs = interviewer.plan(resume, job, new InterviewPreferences(30, null, null), 8);
    assertValidPlan(qs, 8);
    assertTrue(qs.stream().anyMatch(q -> q.text().contains("Kafka")), "the resume's Kafka skill is used");
  }

  @Test
  void mixScalesWithTheQuestionCount() {
    List<Question> five = interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(), null, 5);
    assertValidPlan(five, 5);
    assertEquals(2, count(five, QuestionType.BEHAVIORAL));
    assertEquals(2, count(five, QuestionType.TECHNICAL));
    assertEquals(1, count(five, QuestionType.LEADERSHIP));

    List<Question> twelve = interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(), null, 12);
    assertValidPlan(twelve, 12);
    assertTrue(count(twelve, QuestionType.LEADERSHIP) >= 2);
  }

  @Test
  void questionCountOutsideFiveToTwentyIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> interviewer.plan(Resume.empty(), JobPosting.empty(), null, 4));
    assertThrows(IllegalArgumentException.class, () -> interviewer.plan(Resume.empty(), JobPosting.empty(), null, 21));
  }

  @Test
  void planningIsDeterministic() {
    assertEquals(
        interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(), InterviewPreferences.defaults(), 8),
        interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(), InterviewPreferences.defaults(), 8));
  }

  @Test
  void focusAreasComeFirstAndPreferenceDifficultyWins() {
    InterviewPreferences prefs = new InterviewPreferences(30, Difficulty.EASY, List.of("Redis", "capacity planning"));
    List<Question> qs = interviewer.plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(), prefs, 8);
    assertValidPlan(qs, 8);
    assertTrue(qs.get(1).text().contains("Redis"), qs.get(1).text());
    assertTrue(qs.get(2).text().contains("capacity planning"), qs.get(2).text());
    assertTrue(qs.stream().allMatch(q -> q.difficulty() == Difficulty.EASY));
  }

  @Test
  void difficultyFollowsTheExperienceLevel() {
    JobPosting junior = new JobPosting("Developer", null, null, null, null, null, null, null, null, "Entry level", null);
    JobPosting mid = new JobPosting("Developer", null, null, null, null, null, null, null, null, "Mid", null);
    assertEquals(Difficulty.EASY, interviewer.plan(Resume.empty(), junior, null, 5).get(0).difficulty());
    assertEquals(Difficulty.MEDIUM, interviewer.plan(Resume.empty(), mid, null, 5).get(0).difficulty());
  }

  @Test
  void longFragmentsAreClippedToFit() {
    String longBullet = "Led " + "the cross-team modernisation of billing, invoicing and reporting systems ".repeat(6);
    Resume resume = new Resume("A B", null, null, null, null, null, null,
        List.of(new Resume.Experience("An Extremely Long Company Name Holdings International Limited Partnership",
            "Principal Staff Distinguished Software Engineering Architect and Team Lead", null, null, null, null,
            List.of(longBullet, "Mentored " + "many engineers across several offices and time zones ".repeat(5)))),
        null, null, null, null, null);
    JobPosting job = new JobPosting("Principal Distinguished Software Engineering Architect for Payments Platforms",
        null, null, null, List.of("Deep expertise in " + "distributed ledger reconciliation ".repeat(8)),
        List.of("Lead " + "cross-functional initiatives ".repeat(10)), null, null, null, null, null);
    assertValidPlan(interviewer.plan(resume, job, null, 8), 8);
  }

  @Test
  void everyTechnologyInTheVocabularyGivesValidQuestions() {
    for (TechVocabulary.Technology tech : TechVocabulary.all()) {
      for (int variant = 0; variant < 2; variant++) {
        String text = TechnicalQuestions.about(tech, variant).text();
        assertTrue(text.length() >= 50 && text.length() <= 200, text);
        assertTrue(text.contains(tech.name()), text);
      }
    }
  }

  @Test
  void aCompanyNameEndingInAnAbbreviationDoesNotDoubleTheFullStop() {
    JobPosting job = new JobPosting("Senior Frontend Developer", "TechCorp Inc.", null, null, List.of("React"), null, null,
        null, null, "Senior", null);
    for (Question q : interviewer.plan(Resume.empty(), job, null, 8)) {
      assertFalse(q.text().contains(".."), q.text());
    }
  }
}
