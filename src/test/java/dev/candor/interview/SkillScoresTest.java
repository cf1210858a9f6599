package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillScoresTest {

  private static final Question WARM_UP = question("q1", QuestionType.BEHAVIORAL, "background", "Tell me about yourself.");
  private static final Question KAFKA = question("q2", QuestionType.TECHNICAL, "Kafka", "How do you keep Kafka consumers idempotent?");
  private static final Question SCALE = question("q3", QuestionType.TECHNICAL, "scaling",
      "How would you design a system to handle ten times its current load?");
  private static final Question CONFLICT = question("q4", QuestionType.BEHAVIORAL, "conflict", "Tell me about a disagreement.");

  @Test
  void eachAnswerIsScoredOnTheSkillItsQuestionTests() {
    AnswerAnalysis good = analysis(82, 120, 1);
    assertEquals(new SkillScores(8.2, null, 10.0), SkillScores.of(KAFKA, good));
    assertEquals(new SkillScores(null, 8.2, 10.0), SkillScores.of(SCALE, good));
    assertEquals(new SkillScores(null, null, 10.0), SkillScores.of(CONFLICT, good));
    assertEquals(SkillScores.NONE, SkillScores.of(KAFKA, null));
  }

  @Test
  void meansAreOverTheAnswersThatTestedEachSkill() {
    SkillScores average = SkillScores.average(List.of(WARM_UP, KAFKA, SCALE, CONFLICT),
        Map.of("q2", analysis(80, 120, 0), "q3", analysis(60, 120, 0), "q4", analysis(40, 10, 0)));
    assertEquals(8.0, average.technical());
    assertEquals(6.0, average.design());
    // Two full answers at 10 and a ten-word one, which loses 3 of 10 for its length.
    assertEquals(9.0, average.communication());
    assertNull(SkillScores.average(List.of(KAFKA), Map.of()).technical());
  }

  @Test
  void phasesAndPurposesFollowThePlan() {
    List<Question> plan = List.of(WARM_UP, KAFKA, SCALE, CONFLICT);
    assertEquals(SkillScores.Phase.INTRO, SkillScores.phaseOf(plan, 0));
    assertEquals(SkillScores.Phase.TECHNICAL, SkillScores.phaseOf(plan, 1));
    assertEquals(SkillScores.Phase.DESIGN, SkillScores.phaseOf(plan, 2));
    assertEquals(SkillScores.Phase.BEHAVIOURAL, SkillScores.phaseOf(plan, 3));
    assertTrue(SkillScores.purpose(plan, 1).contains("Kafka"));
    Question warmUpFollowUp = question("q1_followup", QuestionType.BEHAVIORAL, "background", "Which of those roles taught you most?");
    assertEquals(SkillScores.Phase.INTRO, SkillScores.phaseOf(List.of(WARM_UP, warmUpFollowUp, KAFKA), 1));
  }

  @Test
  void theRecommendationAndRoadmapFollowTheScores() {
    assertEquals("Strong Hire", new SkillScores(8.5, 8.0, 9.0).recommendation());
    assertEquals("Hire", new SkillScores(7.0, null, 6.5).recommendation());
    assertEquals("Lean Hire", new SkillScores(5.0, 5.0, 5.5).recommendation());
    assertEquals("No Hire", new SkillScores(3.0, null, 6.0).recommendation());
    assertEquals("No Hire", SkillScores.NONE.recommendation());

    List<SkillScores.RoadmapStep> roadmap = new SkillScores(4.0, 6.0, 9.0).roadmap(List.of("Kubernetes"), List.of("Say it in 90 s"));
    assertEquals(List.of("Kubernetes", "Technical depth", "System design", "Interview practice"),
        roadmap.stream().map(SkillScores.RoadmapStep::skill).toList());
    assertEquals(List.of("high", "high", "medium", "low"), roadmap.stream().map(SkillScores.RoadmapStep::priority).toList());
  }

  private static Question question(String id, QuestionType type, String topic, String text) {
    return new Question(id, text, type, Difficulty.MEDIUM, 120, topic);
  }

  private static AnswerAnalysis analysis(int score, int words, int fillers) {
    return new AnswerAnalysis(null, score, new Star(true, true, true, true), List.of(), fillers, 60, "Good.", List.of(),
        false, words, null, ComfortLevel.CONFIDENT, null);
  }
}
