package dev.candor.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Each kind of question judged by its own rubric: a good answer of that kind beats a poor one, the red flags cost
 * what they name, and the feedback names what that kind of answer is missing. The answers are written here.
 */
class KindRubricTest {

  private final Interviewer judge = new RuleBasedInterviewer();

  private static Question ask(String text) {
    return new Question("q1_behavioral_test", text, QuestionType.BEHAVIORAL, Difficulty.MEDIUM, 120, "");
  }

  private AnswerAnalysis answer(String question, String answer) {
    return judge.analyse(ask(question), answer, null, null);
  }

  @Test
  void aRealWeaknessWithARemedyBeatsAHumbleBrag() {
    String q = "What is your biggest weakness?";
    AnswerAnalysis real = answer(q, "I used to struggle with public speaking, which meant my ideas got lost in big "
        + "meetings. Last year I joined a speaking club and I now present our team's sprint review every two weeks, "
        + "so it has improved a lot.");
    AnswerAnalysis brag = answer(q, "Honestly I am a perfectionist. I care too much about my work and I work too hard.");
    assertTrue(real.score() >= brag.score() + 30, real.score() + " vs " + brag.score());
    assertTrue(brag.feedback().contains("strength presented as a weakness"), brag.feedback());
    assertTrue(brag.suggestions().get(0).contains("real weakness"), brag.suggestions().toString());
    assertNotNull(brag.followUp());
    assertEquals(RedFlags.Flag.PSEUDO_WEAKNESS.feedback, brag.followUpReason());
    assertFalse(real.suggestions().contains(AnswerFeedback.QUANTIFY), "a weakness owes no number");
  }

  @Test
  void aWeaknessAnswerIsNotJudgedOnStar() {
    AnswerAnalysis a = answer("What is your greatest weakness?", "I am not very good at estimating work. I now break "
        + "tasks into pieces of a day or less and check my estimates against what happened, which has helped.");
    assertFalse(a.feedback().contains("what the result was"), a.feedback());
    assertFalse(a.feedback().contains("situation"), a.feedback());
    assertTrue(a.score() >= 50, "a short, real weakness with a remedy: " + a.score());
  }

  @Test
  void speakingBadlyOfAnEmployerCostsMoreThanAShortNeutralReason() {
    String q = "Why did you leave your last job?";
    AnswerAnalysis neutral = answer(q, "I wanted a role with more room to grow.");
    AnswerAnalysis negative = answer(q, "My boss was incompetent and the whole place was toxic.");
    assertTrue(neutral.score() > negative.score() + 25, neutral.score() + " vs " + negative.score());
    assertTrue(negative.feedback().toLowerCase(Locale.ROOT).contains("speaking badly"), negative.feedback());
    assertFalse(neutral.noAnswer());
  }

  @Test
  void aMotiveAboutMoneyOrTheCommuteIsNamed() {
    String q = "Why do you want to work here?";
    AnswerAnalysis commute = answer(q, "The office is near my house and the commute is short.");
    AnswerAnalysis specific = answer(q, "I have used your mapping product for years, and when I read your engineering "
        + "blog about offline sync I wanted to work on that problem. I can bring four years of mobile work to it.");
    assertTrue(specific.score() > commute.score() + 30, specific.score() + " vs " + commute.score());
    assertTrue(commute.feedback().contains("what the job does for you"), commute.feedback());
  }

  @Test
  void aShortDirectSalaryAnswerIsAnAnswer() {
    AnswerAnalysis a = answer("What are your salary expectations?", "Flexible");
    assertFalse(a.noAnswer());
    assertTrue(a.score() > 0);
    assertTrue(answer("Tell me about a time you led a project.", "Flexible").noAnswer(),
        "one word is no story");
  }

  @Test
  void aLongerReplyThatDeclinesScoresLow() {
    AnswerAnalysis a = answer("Tell me about a time you disagreed with a colleague.",
        "That has never happened to me so I really wouldn't know what to say about it.");
    assertTrue(a.score() < 20, "score " + a.score());
    assertTrue(a.feedback().contains("does not answer"), a.feedback());
  }

  @Test
  void aHypotheticalToAStoryQuestionIsNamed() {
    AnswerAnalysis a = answer("Tell me about a time you handled an angry customer.",
        "I would always listen first and I would try to understand their problem, then I would offer a fix.");
    assertTrue(a.feedback().contains("would or usually"), a.feedback());
    assertEquals("Can you tell me about one specific time that actually happened?", a.followUp());
  }

  @Test
  void aFailureStoryWithoutALessonAndWithBlameLosesPoints() {
    String q = "Tell me about a time you failed.";
    String situation = "Last year at my previous job I was asked to migrate our billing reports to the new warehouse. "
        + "I wrote the queries and I scheduled the cut-over for a Friday. ";
    AnswerAnalysis blaming = answer(q, situation + "The numbers came out wrong on Monday because my manager never "
        + "reviewed the queries, and in the end the finance team lost a day.");
    AnswerAnalysis owning = answer(q, situation + "The numbers came out wrong on Monday because I had not compared "
        + "them with the old reports, and in the end the finance team lost a day. I learned to run both systems side "
        + "by side for a week, and I now do that for every migration.");
    assertTrue(owning.score() >= blaming.score() + 25, owning.score() + " vs " + blaming.score());
    assertTrue(blaming.suggestions().stream().anyMatch(s -> s.contains("own part")), blaming.suggestions().toString());
  }

  @Test
  void anExplanationForALayListenerNeedsAnExample() {
    String q = "Explain what a cache is to a non-technical person.";
    AnswerAnalysis jargon = answer(q, "A cache is a high-speed data storage layer which stores a subset of data, "
        + "typically transient, so that future requests for that data are served faster than by the primary storage.");
    AnswerAnalysis everyday = answer(q, "A cache is like keeping the milk in the fridge door instead of walking to the "
        + "shop each time. For example, when you open a news site, your phone keeps the logo so that the page loads "
        + "faster the next time.");
    assertTrue(everyday.score() > jargon.score(), everyday.score() + " vs " + jargon.score());
    assertTrue(jargon.feedback().contains("non-technical listener"), jargon.feedback());
  }

  @Test
  void hedgesAndClichesCostALittle() {
    String q = "What is your greatest strength?";
    String plain = "My greatest strength is untangling messy problems. For example, last quarter I traced a billing bug "
        + "across three services, which helped our team close forty support tickets.";
    AnswerAnalysis a = answer(q, plain);
    AnswerAnalysis hedged = answer(q, "I guess " + plain + " I am a team player and a hard worker.");
    assertTrue(a.score() > hedged.score(), a.score() + " vs " + hedged.score());
  }

  @Test
  void ordinaryWordsRaiseNoFlag() {
    AnswerAnalysis gc = answer("Explain how garbage collection works in the JVM.", "The garbage collector finds objects "
        + "nothing refers to any more and frees their memory. For example, a young generation collection copies live "
        + "objects, which means short-lived garbage costs almost nothing, instead of a useless full sweep each time.");
    assertFalse(gc.feedback().contains("Speaking badly"), gc.feedback());
    StringBuilder motivated = new StringBuilder("Nothing motivates me more than shipping software people rely on.");
    while (motivated.toString().split(" ").length < 45) {
      motivated.append(" I have read your engineering blog and I want to help your team build reliable payments.");
    }
    AnswerAnalysis longAnswer = answer("Why do you want to work here?", motivated.toString());
    assertFalse(longAnswer.feedback().contains("does not answer"), longAnswer.feedback());
    AnswerAnalysis intro = answer("Tell me about yourself.", "I am a backend engineer. I built an in-house billing "
        + "system that saved the company money, and I want to keep growing in a team that feels like a family.");
    assertFalse(intro.feedback().contains("what the job does for you"), intro.feedback());
  }

  @Test
  void aQuestionAboutShiftingPrioritiesIsAStoryNotLogistics() {
    assertEquals(QuestionKind.STORY, QuestionKind.ofText("Tell me about a time you had to shift priorities quickly."));
    assertEquals(QuestionKind.TECHNICAL, QuestionKind.ofText("How would you design a salary calculation service?"));
    assertEquals(QuestionKind.LOGISTICS, QuestionKind.ofText("Are you willing to relocate to Berlin?"));
  }

  @Test
  void sameAnswerSameScore() {
    String q = "Why are you leaving your current job?";
    String a = "I have learned a lot in three years, and I am looking for a team where I can lead projects.";
    assertEquals(answer(q, a), answer(q, a));
  }
}
