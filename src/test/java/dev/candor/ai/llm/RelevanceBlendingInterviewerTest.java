package dev.candor.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Difficulty;
import dev.candor.interview.Question;
import dev.candor.interview.QuestionType;
import dev.candor.interview.RuleBasedInterviewer;
import dev.candor.testing.SampleData;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-process embedding model, for real: on-topic answers are told from fluent off-topic ones. */
class RelevanceBlendingInterviewerTest {

  private static final Question CONFLICT = new Question("q2_behavioral_conflict",
      "Tell me about a time you disagreed with a teammate and how you resolved it.", QuestionType.BEHAVIORAL,
      Difficulty.MEDIUM, 120, "conflict");
  private static final String ON_TOPIC = "In my last team two engineers and I disagreed about how to split the billing "
      + "service. I met each of them separately to understand their concerns, then we agreed on clear ownership of the "
      + "payment module, and the migration shipped two weeks early.";
  private static final String OFF_TOPIC = "In my last role I planned our company's summer offsite. I booked a lakeside "
      + "venue, organised the catering and the travel for forty people, and everyone enjoyed the boat trip and the "
      + "barbecue on the second day.";

  private final RuleBasedInterviewer rules = new RuleBasedInterviewer();
  private final RelevanceBlendingInterviewer blended =
      new RelevanceBlendingInterviewer(rules, AnswerRelevance::shared, 0.3);

  @Test
  void anOnTopicAnswerIsJudgedMoreRelevantThanAFluentOffTopicOne() {
    AnswerRelevance relevance = AnswerRelevance.shared();
    int on = relevance.score(CONFLICT.text(), ON_TOPIC, List.of());
    int off = relevance.score(CONFLICT.text(), OFF_TOPIC, List.of());
    assertTrue(on >= 40, "on-topic relevance " + on);
    assertTrue(off <= 20, "off-topic relevance " + off);
  }

  @Test
  void theBlendLowersAnOffTopicAnswersScoreAndSaysWhy() {
    AnswerAnalysis ruleOn = rules.analyse(CONFLICT, ON_TOPIC, SampleData.seniorEngineer(), null);
    AnswerAnalysis ruleOff = rules.analyse(CONFLICT, OFF_TOPIC, SampleData.seniorEngineer(), null);
    AnswerAnalysis on = blended.analyse(CONFLICT, ON_TOPIC, SampleData.seniorEngineer(), null);
    AnswerAnalysis off = blended.analyse(CONFLICT, OFF_TOPIC, SampleData.seniorEngineer(), null);
    assertTrue(off.score() < ruleOff.score(), "off-topic: rules " + ruleOff.score() + ", blended " + off.score());
    assertTrue(on.score() - off.score() > ruleOn.score() - ruleOff.score(),
        "the blend widens the gap: rules " + ruleOn.score() + "/" + ruleOff.score() + ", blended " + on.score() + "/" + off.score());
    assertTrue(off.suggestions().get(0).contains("Stay with the question"), off.suggestions().toString());
    assertFalse(on.suggestions().stream().anyMatch(s -> s.contains("Stay with the question")), on.suggestions().toString());
    assertEquals(ruleOff.star(), off.star(), "everything but the score and the advice is the rules'");
  }

  @Test
  void theAnalysisIsAttributedToBothEngines() {
    var attributed = blended.analyseAttributed(CONFLICT, ON_TOPIC, SampleData.seniorEngineer(), null);
    assertEquals("rule-based + relevance", attributed.engine());
    assertEquals(blended.analyse(CONFLICT, ON_TOPIC, SampleData.seniorEngineer(), null), attributed.value());
    assertEquals("rule-based", blended.planAttributed(SampleData.johnDoe(), SampleData.seniorEngineer(), null, 5).engine());
  }

  @Test
  void noAnswerStaysZeroAndTheWeightIsChecked() {
    AnswerAnalysis none = blended.analyse(CONFLICT, "", SampleData.seniorEngineer(), null);
    assertEquals(0, none.score());
    assertThrows(IllegalArgumentException.class, () -> new RelevanceBlendingInterviewer(rules, AnswerRelevance::shared, 0));
    assertThrows(IllegalArgumentException.class, () -> new RelevanceBlendingInterviewer(rules, AnswerRelevance::shared, 1.5));
  }
}
