package dev.candor.ai.llm;

import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Attributed;
import dev.candor.interview.AnsweredQuestion;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Interviewer;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.Report;
import dev.candor.interview.Resume;
import dev.candor.interview.RuleBasedInterviewer;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interviewer that asks a chat model for JSON matching our records, with {@link RuleBasedInterviewer} as its
 * safety net.
 *
 * <p><b>What the model decides, and what stays measured.</b> The model writes the plan, judges an answer (score,
 * STAR parts, keywords, feedback, suggestions, follow-up), reacts to it and words the report. Word count, filler
 * words, pace, duration and comfort come from the rule-based analysis, and the report's overall score and
 * per-question results are the rule-based arithmetic over the analyses: those are measurements, not judgements.
 * An answer the rules find empty is a "no answer" and never reaches the model, so it is never praised.
 *
 * <p><b>Invalid replies.</b> A reply that is not the JSON asked for, or breaks a contract (wrong number of
 * questions, repeated ids, a score outside 0-100, a missing field, a type outside our enums), is asked for once
 * more with the problem quoted back; if the second reply is no better, that one call is answered by the rules.
 *
 * <p><b>Provider failures.</b> Transient ones, langchain4j's {@link RetriableException} (timeouts, 429, 5xx), are
 * not retried here and not hidden: they propagate, and the session's interviewer worker retries the call with
 * backoff, which also respects a rate limit better than an immediate second request would (langchain4j does not
 * expose the Retry-After header, so it is not read). Every other failure (a rejected key, an unknown model, a
 * filtered prompt, a body that is not the provider's format) would fail the same way on every retry, so the call
 * is answered by the rules at once rather than stalling the interview.
 *
 * <p><b>Which engine answered.</b> Our records have no room for it, and adding a field would change what
 * sessions persist, so the {@code ...Outcome} methods return the result with its {@link Engine}, each fallback is
 * logged with its reason, and {@link #answeredBy(Engine)} counts the calls per engine.
 */
public final class LanguageModelInterviewer implements Interviewer {

  public enum Engine { LANGUAGE_MODEL, RULE_BASED }

  /** @param fallbackReason why the rules answered; null when the model did */
  public record Outcome<T>(T value, Engine engine, String fallbackReason) {}

  private interface Parser<T> {
    T parse(String reply) throws InvalidReply;
  }

  private static final Logger log = LoggerFactory.getLogger(LanguageModelInterviewer.class);

  private final ChatModel model;
  private final Interviewer rules;
  private final String name;
  private final Map<Engine, AtomicLong> answered = new EnumMap<>(Map.of(
      Engine.LANGUAGE_MODEL, new AtomicLong(), Engine.RULE_BASED, new AtomicLong()));

  public LanguageModelInterviewer(ChatModel model) {
    this(model, new RuleBasedInterviewer(), "language-model");
  }

  /**
   * @param rules answers when the model cannot, and measures what the model should not guess
   * @param name the model as events record it ("openai:gpt-4o-mini")
   */
  public LanguageModelInterviewer(ChatModel model, Interviewer rules, String name) {
    this.model = model;
    this.rules = rules;
    this.name = name;
  }

  @Override
  public String engine() {
    return name;
  }

  @Override
  public Attributed<List<Question>> planAttributed(Resume resume, JobPosting job, InterviewPreferences preferences,
      int questionCount) {
    return attributed(planOutcome(resume, job, preferences, questionCount));
  }

  @Override
  public Attributed<AnswerAnalysis> analyseAttributed(Question question, String answer, JobPosting job,
      Double durationSeconds) {
    return attributed(analyseOutcome(question, answer, job, durationSeconds));
  }

  @Override
  public Attributed<Report> reportAttributed(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return attributed(reportOutcome(questions, resume, job));
  }

  private <T> Attributed<T> attributed(Outcome<T> outcome) {
    return new Attributed<>(outcome.value(), outcome.engine() == Engine.LANGUAGE_MODEL ? name
        : rules.engine() + " (instead of " + name + ": " + outcome.fallbackReason() + ")");
  }

  @Override
  public List<Question> plan(Resume resume, JobPosting job, InterviewPreferences preferences, int questionCount) {
    return planOutcome(resume, job, preferences, questionCount).value();
  }

  @Override
  public AnswerAnalysis analyse(Question question, String answer, JobPosting job, Double durationSeconds) {
    return analyseOutcome(question, answer, job, durationSeconds).value();
  }

  @Override
  public String acknowledge(AnswerAnalysis analysis) {
    return acknowledgeOutcome(analysis).value();
  }

  @Override
  public Report report(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    return reportOutcome(questions, resume, job).value();
  }

  public Outcome<List<Question>> planOutcome(Resume resume, JobPosting job, InterviewPreferences preferences,
      int questionCount) {
    if (questionCount < MIN_QUESTIONS || questionCount > MAX_QUESTIONS) {
      throw new IllegalArgumentException(
          "questionCount must be between " + MIN_QUESTIONS + " and " + MAX_QUESTIONS + ", was " + questionCount);
    }
    InterviewPreferences p = preferences == null ? InterviewPreferences.defaults() : preferences;
    return ask("plan", Prompts.plan(resume, job, p, questionCount),
        reply -> Replies.plan(reply, questionCount, p),
        () -> rules.plan(resume, job, preferences, questionCount));
  }

  public Outcome<AnswerAnalysis> analyseOutcome(Question question, String answer, JobPosting job,
      Double durationSeconds) {
    AnswerAnalysis measured = rules.analyse(question, answer, job, durationSeconds);
    if (measured.noAnswer()) {
      return byRules(measured, "no answer to judge");
    }
    return ask("analyse", Prompts.analysis(question, answer, job, measured),
        reply -> Replies.analysis(reply, measured), () -> measured);
  }

  public Outcome<String> acknowledgeOutcome(AnswerAnalysis analysis) {
    if (analysis == null || analysis.noAnswer()) {
      return byRules(rules.acknowledge(analysis), "no answer to react to");
    }
    return ask("acknowledge", Prompts.acknowledgement(analysis), Replies::acknowledgement,
        () -> rules.acknowledge(analysis));
  }

  public Outcome<Report> reportOutcome(List<AnsweredQuestion> questions, Resume resume, JobPosting job) {
    Report measured = rules.report(questions, resume, job);
    List<AnsweredQuestion> given = questions == null ? List.of() : questions;
    return ask("report", Prompts.report(given, resume, measured), reply -> Replies.report(reply, measured),
        () -> measured);
  }

  /** How many calls each engine has answered since this interviewer was made. */
  public long answeredBy(Engine engine) {
    return answered.get(engine).get();
  }

  private <T> Outcome<T> ask(String task, String prompt, Parser<T> parser, Supplier<T> fallback) {
    List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(Prompts.SYSTEM), UserMessage.from(prompt)));
    String problem = null;
    for (int attempt = 1; attempt <= 2; attempt++) {
      String reply;
      try {
        reply = model.chat(ChatRequest.builder().messages(messages).build()).aiMessage().text();
      } catch (RetriableException transientFailure) {
        throw transientFailure;
      } catch (RuntimeException permanentFailure) {
        log.warn("The language model failed to {} ({}); the rules answer this call", task, describe(permanentFailure));
        return byRules(fallback.get(), "provider failed: " + describe(permanentFailure));
      }
      try {
        T value = parser.parse(reply);
        answered.get(Engine.LANGUAGE_MODEL).incrementAndGet();
        return new Outcome<>(value, Engine.LANGUAGE_MODEL, null);
      } catch (InvalidReply invalid) {
        problem = invalid.getMessage();
        log.info("The language model's reply to {} was invalid (attempt {}): {}", task, attempt, problem);
        // langchain4j refuses a blank assistant message, and an empty reply is one a model can give.
        messages.add(AiMessage.from(reply == null || reply.isBlank() ? "(empty reply)" : reply));
        messages.add(UserMessage.from("That reply cannot be used: " + problem
            + ". Reply again with the corrected JSON object only."));
      }
    }
    log.warn("The language model gave no valid reply to {} in two attempts ({}); the rules answer this call", task,
        problem);
    return byRules(fallback.get(), "invalid reply: " + problem);
  }

  private <T> Outcome<T> byRules(T value, String reason) {
    answered.get(Engine.RULE_BASED).incrementAndGet();
    return new Outcome<>(value, Engine.RULE_BASED, reason);
  }

  private static String describe(Throwable error) {
    return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
  }
}
