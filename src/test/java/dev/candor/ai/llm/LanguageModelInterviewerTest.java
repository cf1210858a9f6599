package dev.candor.ai.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.ai.llm.LanguageModelInterviewer.Engine;
import dev.candor.ai.llm.LanguageModelInterviewer.Outcome;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.AnsweredQuestion;
import dev.candor.interview.Difficulty;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.QuestionType;
import dev.candor.interview.Report;
import dev.candor.interview.Resume;
import dev.candor.interview.RuleBasedInterviewer;
import dev.candor.interview.Star;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The interviewer against a loopback OpenAI-compatible server: parsing, validation, retry and fallback. */
class LanguageModelInterviewerTest {

  static final JobPosting JOB = new JobPosting("Senior Software Engineer", "Tech Corp", "Berlin",
      "Build event-driven services.", List.of("5+ years Java", "Kafka experience"), List.of("Mentor juniors"),
      List.of(), null, "full-time", "senior", true);
  static final Resume RESUME = new Resume("Jane Roe", "jane@example.com", "555", null, null, null,
      "Backend engineer", List.of(new Resume.Experience("Acme", "Engineer", null, null, "2019 - Present",
          "Built Kafka pipelines", List.of())), List.of(), List.of("Java", "Kafka"), List.of(), List.of(), null);
  static final Question QUESTION = new Question("q2_technical_kafka",
      "How have you used Kafka to keep ordering guarantees when consumers retry failed messages?",
      QuestionType.TECHNICAL, Difficulty.MEDIUM, 180, "kafka");
  static final String ANSWER = "At Acme I owned the payments pipeline. The task was to stop duplicate charges. "
      + "I added idempotency keys and moved retries to a separate Kafka topic, and I partitioned by account so "
      + "ordering held. As a result duplicates fell by 95 percent within two weeks and I documented the design.";

  private final RuleBasedInterviewer rules = new RuleBasedInterviewer();
  private FakeChatServer server;
  private LanguageModelInterviewer interviewer;

  @BeforeEach
  void start() throws Exception {
    server = new FakeChatServer();
    interviewer = new LanguageModelInterviewer(ChatModels.create(new LlmSettings(LlmSettings.Provider.OPENAI,
        "gpt-test", server.url("/v1"), "sk-test", Duration.ofMillis(500), 0.2, 2000)));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  // ---- replies the model might give ----

  static ObjectNode question(int n, String type, String topic, String text) {
    return FakeChatServer.JSON.createObjectNode().put("id", "q" + n + "_" + type + "_" + topic).put("text", text)
        .put("type", type).put("difficulty", "medium").put("estimatedTime", 120).put("topic", topic);
  }

  static ObjectNode plan() {
    ObjectNode plan = FakeChatServer.JSON.createObjectNode();
    ArrayNode qs = plan.putArray("questions");
    qs.add(question(1, "behavioral", "intro", "Tell me about your path into backend engineering and your work at Acme."));
    qs.add(question(2, "technical", "kafka", "How have you kept ordering guarantees in Kafka when consumers retry?"));
    qs.add(question(3, "technical", "java", "How do you find and fix a memory leak in a long-running Java service?"));
    qs.add(question(4, "behavioral", "conflict", "Describe a disagreement with a colleague over a design, and the outcome."));
    qs.add(question(5, "leadership", "mentoring", "Tell me about a time you mentored a junior engineer through a hard task."));
    return plan;
  }

  static ObjectNode analysis(int score) {
    ObjectNode a = FakeChatServer.JSON.createObjectNode().put("score", score);
    a.putObject("star").put("situation", true).put("task", true).put("action", true).put("result", false);
    a.putArray("keywordsFound").add("Kafka").add("idempotency");
    a.put("feedback", "Clear ownership of the pipeline. Say more about the outcome.");
    a.putArray("suggestions").add("State the result first");
    a.put("followUp", "How did you measure the drop in duplicates?");
    return a;
  }

  static ObjectNode report() {
    ObjectNode r = FakeChatServer.JSON.createObjectNode();
    r.putArray("strengths").add("Concrete ownership of the Kafka pipeline");
    r.putArray("improvements").add("Lead with the result").add("Quantify team impact");
    r.putArray("microDrills").add("Rewrite two answers result-first").add("Add one number to each story");
    r.put("followUpQuestion", "Tell me about another time you fixed a data-quality problem.");
    r.put("recommendation", "Promising: polish the structure before interviewing.");
    r.put("summary", "Thank you, Jane. You did well on the technical questions.");
    return r;
  }

  /** The messages of a recorded OpenAI request, as sent. */
  static JsonNode messages(FakeChatServer.Recorded request) {
    return request.json().path("messages");
  }

  // ---- valid replies ----

  @Test
  void aValidPlanBecomesOurQuestions() {
    server.openAi(plan().toString());

    Outcome<List<Question>> outcome = interviewer.planOutcome(RESUME, JOB, InterviewPreferences.defaults(), 5);

    assertEquals(Engine.LANGUAGE_MODEL, outcome.engine());
    assertNull(outcome.fallbackReason());
    List<Question> questions = outcome.value();
    assertEquals(5, questions.size());
    assertEquals(new Question("q2_technical_kafka",
        "How have you kept ordering guarantees in Kafka when consumers retry?", QuestionType.TECHNICAL,
        Difficulty.MEDIUM, 120, "kafka"), questions.get(1));
    assertEquals(QuestionType.LEADERSHIP, questions.get(4).type());

    assertEquals(1, server.requests().size());
    FakeChatServer.Recorded request = server.requests().get(0);
    assertEquals("/v1/chat/completions", request.path());
    assertEquals("Bearer sk-test", request.header("Authorization"));
    assertEquals("gpt-test", request.json().path("model").asText());
    assertEquals("json_object", request.json().path("response_format").path("type").asText());
    assertEquals("system", messages(request).get(0).path("role").asText());
    String prompt = messages(request).get(1).path("content").asText();
    assertTrue(prompt.contains("exactly 5 interview questions"), prompt);
    assertTrue(prompt.contains("Kafka pipelines"), "the resume goes into the prompt: " + prompt);
    assertTrue(!prompt.contains("jane@example.com"), "contact details stay out of the prompt");
    assertEquals(1, interviewer.answeredBy(Engine.LANGUAGE_MODEL));
  }

  @Test
  void aValidAnalysisKeepsTheMeasuredPartsOfOurOwn() {
    server.openAi(analysis(72).toString());
    AnswerAnalysis measured = rules.analyse(QUESTION, ANSWER, JOB, 60.0);

    Outcome<AnswerAnalysis> outcome = interviewer.analyseOutcome(QUESTION, ANSWER, JOB, 60.0);

    assertEquals(Engine.LANGUAGE_MODEL, outcome.engine());
    AnswerAnalysis a = outcome.value();
    assertEquals(new AnswerAnalysis("q2_technical_kafka", 72, new Star(true, true, true, false),
        List.of("kafka", "idempotency"), measured.fillerWords(), measured.timeSpent(),
        "Clear ownership of the pipeline. Say more about the outcome.", List.of("State the result first"), false,
        measured.wordCount(), measured.wordsPerMinute(), measured.comfortLevel(),
        "How did you measure the drop in duplicates?"), a);
    assertEquals(60.0, a.timeSpent());
    String prompt = messages(server.requests().get(0)).get(1).path("content").asText();
    assertTrue(prompt.contains("\"wordCount\":" + measured.wordCount()), prompt);
  }

  @Test
  void anEmptyAnswerIsNeverSentToTheModel() {
    Outcome<AnswerAnalysis> outcome = interviewer.analyseOutcome(QUESTION, "um, I don't know", JOB, null);

    assertEquals(Engine.RULE_BASED, outcome.engine());
    assertEquals(rules.analyse(QUESTION, "um, I don't know", JOB, null), outcome.value());
    assertEquals(0, outcome.value().score());
    Outcome<String> ack = interviewer.acknowledgeOutcome(outcome.value());
    assertEquals(Engine.RULE_BASED, ack.engine());
    assertEquals(0, server.requests().size());
  }

  @Test
  void aValidAcknowledgementIsSaid() {
    server.openAi("{\"acknowledgement\": \"Thanks, the idempotency detail was useful.\"}");
    AnswerAnalysis analysis = rules.analyse(QUESTION, ANSWER, JOB, null);

    Outcome<String> outcome = interviewer.acknowledgeOutcome(analysis);

    assertEquals(new Outcome<>("Thanks, the idempotency detail was useful.", Engine.LANGUAGE_MODEL, null), outcome);
  }

  @Test
  void aValidReportKeepsTheArithmeticOfOurOwn() {
    server.openAi(report().toString());
    List<AnsweredQuestion> answered = List.of(
        new AnsweredQuestion(QUESTION, ANSWER, rules.analyse(QUESTION, ANSWER, JOB, null)),
        new AnsweredQuestion(new Question("q5_leadership_mentoring",
            "Tell me about a time you mentored a junior engineer through a hard task.", QuestionType.LEADERSHIP,
            Difficulty.MEDIUM, 150, "mentoring"), null, null));
    Report measured = rules.report(answered, RESUME, JOB);

    Outcome<Report> outcome = interviewer.reportOutcome(answered, RESUME, JOB);

    assertEquals(Engine.LANGUAGE_MODEL, outcome.engine());
    Report r = outcome.value();
    assertEquals(measured.overallScore(), r.overallScore());
    assertEquals(measured.questions(), r.questions());
    assertEquals(List.of("Concrete ownership of the Kafka pipeline"), r.strengths());
    assertEquals(List.of("Lead with the result", "Quantify team impact"), r.improvements());
    assertEquals(List.of("Rewrite two answers result-first", "Add one number to each story"), r.microDrills());
    assertEquals("Thank you, Jane. You did well on the technical questions.", r.summary());
  }

  @Test
  void aFencedReplyIsAcceptedWithoutARetry() {
    server.openAi("```json\n" + plan() + "\n```");

    assertEquals(Engine.LANGUAGE_MODEL, interviewer.planOutcome(RESUME, JOB, null, 5).engine());
    assertEquals(1, server.requests().size());
  }

  // ---- invalid replies ----

  @Test
  void anInvalidReplyIsRetriedOnceWithTheProblemQuoted() {
    server.openAi("Sure! Here are your questions: 1. Tell me about yourself").openAi(plan().toString());

    Outcome<List<Question>> outcome = interviewer.planOutcome(RESUME, JOB, null, 5);

    assertEquals(Engine.LANGUAGE_MODEL, outcome.engine());
    assertEquals(5, outcome.value().size());
    assertEquals(2, server.requests().size());
    JsonNode second = messages(server.requests().get(1));
    assertEquals(4, second.size(), second.toString());
    assertEquals("assistant", second.get(2).path("role").asText());
    assertEquals("Sure! Here are your questions: 1. Tell me about yourself", second.get(2).path("content").asText());
    assertEquals("user", second.get(3).path("role").asText());
    assertTrue(second.get(3).path("content").asText().contains("not valid JSON"), second.get(3).toString());
  }

  @Test
  void anEmptyReplyCountsAsInvalid() {
    server.openAi("").openAi("{\"acknowledgement\": \"Thank you.\"}");

    Outcome<String> outcome = interviewer.acknowledgeOutcome(rules.analyse(QUESTION, ANSWER, JOB, null));

    assertEquals(new Outcome<>("Thank you.", Engine.LANGUAGE_MODEL, null), outcome);
    assertTrue(messages(server.requests().get(1)).get(3).path("content").asText().contains("one JSON object"));
  }

  @Test
  void twoInvalidPlansFallBackToTheRules() {
    ObjectNode fourQuestions = plan();
    ((ArrayNode) fourQuestions.get("questions")).remove(3);
    ObjectNode repeatedId = plan();
    ((ObjectNode) repeatedId.get("questions").get(2)).put("id", "q2_technical_kafka");
    server.openAi(fourQuestions.toString()).openAi(repeatedId.toString());

    Outcome<List<Question>> outcome = interviewer.planOutcome(RESUME, JOB, null, 5);

    assertEquals(Engine.RULE_BASED, outcome.engine());
    assertEquals(rules.plan(RESUME, JOB, null, 5), outcome.value());
    assertTrue(outcome.fallbackReason().contains("used twice"), outcome.fallbackReason());
    String quoted = messages(server.requests().get(1)).get(3).path("content").asText();
    assertTrue(quoted.contains("expected exactly 5 questions, got 4"), quoted);
    assertEquals(2, server.requests().size());
    assertEquals(1, interviewer.answeredBy(Engine.RULE_BASED));
    assertEquals(0, interviewer.answeredBy(Engine.LANGUAGE_MODEL));
  }

  @Test
  void theAttributedResultsNameTheEngineThatAnswered() {
    LanguageModelInterviewer named = new LanguageModelInterviewer(ChatModels.create(new LlmSettings(
        LlmSettings.Provider.OPENAI, "gpt-test", server.url("/v1"), "sk-test", Duration.ofMillis(500), 0.2, 2000)),
        rules, "openai:gpt-test");
    server.openAi(plan().toString()).openAi("not json").openAi("still not json");
    assertEquals("openai:gpt-test", named.planAttributed(RESUME, JOB, null, 5).engine());
    String fallback = named.planAttributed(RESUME, JOB, null, 5).engine();
    assertTrue(fallback.startsWith("rule-based (instead of openai:gpt-test: "), fallback);
  }

  @Test
  void scoresOutsideTheRangeAndForeignEnumsAreInvalid() {
    ObjectNode badType = plan();
    ((ObjectNode) badType.get("questions").get(1)).put("type", "situational");
    server.openAi(analysis(140).toString()).openAi(analysis(-1).toString()).openAi(badType.toString())
        .openAi(badType.toString());

    Outcome<AnswerAnalysis> analysed = interviewer.analyseOutcome(QUESTION, ANSWER, JOB, null);
    Outcome<List<Question>> planned = interviewer.planOutcome(RESUME, JOB, null, 5);

    assertEquals(new Outcome<>(rules.analyse(QUESTION, ANSWER, JOB, null), Engine.RULE_BASED,
        "invalid reply: \"score\" must be a whole number from 0 to 100"), analysed);
    assertEquals(Engine.RULE_BASED, planned.engine());
    assertTrue(planned.fallbackReason().contains("\"situational\" must be one of [behavioral, technical, leadership]"),
        planned.fallbackReason());
  }

  @Test
  void aPlanBreakingThePhaseOrderOrTheAskedDifficultyIsInvalid() {
    ObjectNode leadershipFirst = plan();
    ArrayNode qs = (ArrayNode) leadershipFirst.get("questions");
    JsonNode first = qs.get(0);
    qs.set(0, qs.get(4));
    qs.set(4, first);
    qs.forEach(q -> ((ObjectNode) q).put("difficulty", "hard"));
    server.openAi(leadershipFirst.toString()).openAi(plan().toString());

    Outcome<List<Question>> outcome = interviewer.planOutcome(RESUME, JOB,
        new InterviewPreferences(30, Difficulty.HARD, List.of()), 5);

    assertEquals(Engine.RULE_BASED, outcome.engine());
    String quoted = messages(server.requests().get(1)).get(3).path("content").asText();
    assertTrue(quoted.contains("the first question must be a behavioral warm-up"), quoted);
    assertTrue(outcome.fallbackReason().contains("difficulty must be HARD"), outcome.fallbackReason());
  }

  @Test
  void aReportWithoutADrillPerImprovementFallsBack() {
    ObjectNode oneDrill = report();
    oneDrill.putArray("microDrills").add("Only one");
    server.openAi(oneDrill.toString()).openAi("{}");
    List<AnsweredQuestion> answered = List.of(
        new AnsweredQuestion(QUESTION, ANSWER, rules.analyse(QUESTION, ANSWER, JOB, null)));

    Outcome<Report> outcome = interviewer.reportOutcome(answered, RESUME, JOB);

    assertEquals(new Outcome<>(rules.report(answered, RESUME, JOB), Engine.RULE_BASED,
        "invalid reply: \"improvements\" must be an array of 1 to 5 strings"), outcome);
  }

  @Test
  void aQuestionCountOutsideTheContractIsRefusedBeforeAnyCall() {
    assertThrows(IllegalArgumentException.class, () -> interviewer.plan(RESUME, JOB, null, 4));
    assertEquals(0, server.requests().size());
  }

  // ---- provider failures ----

  @Test
  void aRateLimitPropagatesForTheSessionToRetryAndIsNotRetriedHere() {
    server.then(429, "application/json", "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}",
        "Retry-After", "7");

    RateLimitException e = assertThrows(RateLimitException.class, () -> interviewer.plan(RESUME, JOB, null, 5));

    assertTrue(e.getMessage().contains("Rate limit reached"), e.getMessage());
    assertEquals(1, server.requests().size(), "neither langchain4j nor the interviewer retries");
    assertEquals(0, interviewer.answeredBy(Engine.RULE_BASED));
  }

  @Test
  void aServerErrorPropagatesAndIsNotRetriedHere() {
    server.then(500, "application/json", "{\"error\":{\"message\":\"boom\"}}");

    assertThrows(InternalServerException.class, () -> interviewer.analyse(QUESTION, ANSWER, JOB, null));
    assertEquals(1, server.requests().size());
  }

  @Test
  void aSlowProviderTimesOutAndPropagates() {
    server.stall();

    RetriableException e = assertThrows(RetriableException.class, () -> interviewer.plan(RESUME, JOB, null, 5));

    assertEquals(dev.langchain4j.exception.TimeoutException.class, e.getClass());
    assertEquals(1, server.requests().size());
  }

  @Test
  void aTransientFailureOnTheRetryPropagatesToo() {
    server.openAi("not json").then(503, "application/json", "{\"error\":{\"message\":\"overloaded\"}}");

    assertThrows(RetriableException.class, () -> interviewer.plan(RESUME, JOB, null, 5));
    assertEquals(2, server.requests().size());
  }

  @Test
  void aMalformedProviderBodyFallsBackToTheRules() {
    server.then(200, "application/json", "<html>gateway says hello</html>");

    Outcome<List<Question>> outcome = interviewer.planOutcome(RESUME, JOB, null, 5);

    assertEquals(Engine.RULE_BASED, outcome.engine());
    assertEquals(rules.plan(RESUME, JOB, null, 5), outcome.value());
    assertTrue(outcome.fallbackReason().startsWith("provider failed"), outcome.fallbackReason());
    assertEquals(1, server.requests().size());
  }

  @Test
  void aRejectedKeyFallsBackToTheRules() {
    server.then(401, "application/json", "{\"error\":{\"message\":\"Incorrect API key\"}}");

    Outcome<String> outcome = interviewer.acknowledgeOutcome(rules.analyse(QUESTION, ANSWER, JOB, null));

    assertEquals(Engine.RULE_BASED, outcome.engine());
    assertEquals(rules.acknowledge(rules.analyse(QUESTION, ANSWER, JOB, null)), outcome.value());
    assertTrue(outcome.fallbackReason().contains("AuthenticationException"), outcome.fallbackReason());
  }
}
