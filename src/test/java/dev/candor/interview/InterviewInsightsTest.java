package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class InterviewInsightsTest {

  private final Interviewer interviewer = new RuleBasedInterviewer();
  private final JobPosting job = SeedData.seniorSoftwareEngineer();

  private static final String REACT_STORY =
      "At my previous job our React checkout was slow for 100k users. My goal was to halve load time. "
          + "First, I profiled the bundle and I split it by route, then I fixed a problem with re-renders and I "
          + "wrote tests for the solution. As a result, load time dropped by 45% and conversions rose 8%.";

  private AnswerAnalysis analyse(String answer) {
    return interviewer.analyse(null, answer, job, null);
  }

  @Test
  void comfortIsNeutralWithoutAnswersAndFollowsTheSignals() {
    assertEquals(ComfortLevel.NEUTRAL, InterviewInsights.comfort(List.of()));
    AnswerAnalysis strong = analyse(REACT_STORY);
    AnswerAnalysis silent = analyse("");
    assertEquals(ComfortLevel.CONFIDENT, strong.comfortLevel());
    assertEquals(ComfortLevel.CONFIDENT, InterviewInsights.comfort(List.of(strong, strong)));
    assertEquals(ComfortLevel.NERVOUS, InterviewInsights.comfort(List.of(silent, silent)));
    // Later answers weigh more: recovering after a shaky start reads as settling in.
    assertEquals(ComfortLevel.CONFIDENT, InterviewInsights.comfort(List.of(silent, strong, strong)));
  }

  @Test
  void strengthsComeFromGoodAnswers() {
    AnswerAnalysis strong = analyse(REACT_STORY);
    List<String> strengths = InterviewInsights.strengthsIdentified(List.of(strong, strong));
    assertTrue(strengths.contains("react"), strengths.toString());
    assertTrue(strengths.contains("problem-solving"), strengths.toString());
    assertTrue(strengths.contains("structured answers (STAR)"), strengths.toString());
    assertTrue(strengths.contains("quantified results"), strengths.toString());
    assertTrue(strengths.size() <= 5);
    strengths.forEach(s -> assertEquals(s.replace("STAR", "").toLowerCase(), s.replace("STAR", "")));

    assertEquals(List.of(), InterviewInsights.strengthsIdentified(List.of(analyse(SeedData.VAGUE_KAFKA_ANSWER))));
  }

  @Test
  void areasToProbeNameUnmentionedJobTechnologiesAndWeakSpots() {
    List<Question> asked = interviewer.plan(SeedData.johnDoe(), job, null, 8).subList(0, 3);
    List<String> probe = InterviewInsights.areasToProbe(asked, List.of(analyse(REACT_STORY)), job);
    assertTrue(probe.contains("python"), probe.toString());
    assertTrue(probe.contains("aws"), probe.toString());
    assertFalse(probe.contains("react"), "react was covered: " + probe);

    List<String> weak = InterviewInsights.areasToProbe(asked,
        List.of(analyse("We mostly talked about things and the team handled the work and it was fine overall.")), job);
    assertTrue(weak.contains("measurable results"), weak.toString());
    assertTrue(weak.contains("ownership of actions"), weak.toString());
    assertTrue(weak.size() <= 5);
  }
}
