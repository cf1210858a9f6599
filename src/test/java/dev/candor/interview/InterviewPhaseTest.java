package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class InterviewPhaseTest {

  @Test
  void mapsPositionTypeAndCompletion() {
    assertEquals(InterviewPhase.INTRODUCTION, InterviewPhase.of(0, 8, QuestionType.BEHAVIORAL, false));
    assertEquals(InterviewPhase.TECHNICAL, InterviewPhase.of(1, 8, QuestionType.TECHNICAL, false));
    assertEquals(InterviewPhase.BEHAVIORAL, InterviewPhase.of(4, 8, QuestionType.BEHAVIORAL, false));
    assertEquals(InterviewPhase.BEHAVIORAL, InterviewPhase.of(6, 8, QuestionType.LEADERSHIP, false));
    assertEquals(InterviewPhase.CONCLUSION, InterviewPhase.of(7, 8, QuestionType.LEADERSHIP, false));
    assertEquals(InterviewPhase.CONCLUSION, InterviewPhase.of(3, 8, QuestionType.TECHNICAL, true));
    assertEquals(InterviewPhase.CONCLUSION, InterviewPhase.of(0, 8, QuestionType.BEHAVIORAL, true));
  }

  @Test
  void phasesOfAPlannedInterviewRunInSeedOrder() {
    List<Question> qs = new RuleBasedInterviewer().plan(SeedData.johnDoe(), SeedData.seniorSoftwareEngineer(), null, 8);
    List<String> phases = new java.util.ArrayList<>();
    for (int i = 0; i < qs.size(); i++) {
      String phase = InterviewPhase.of(i, qs.size(), qs.get(i).type(), false).wireName();
      if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(phase)) {
        phases.add(phase);
      }
    }
    assertEquals(List.of("introduction", "technical", "behavioral", "conclusion"), phases);
  }
}
