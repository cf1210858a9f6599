package dev.candor.http.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.BadRequest;
import dev.candor.http.Fields;
import dev.candor.http.Json;
import dev.candor.http.JsonRoutes;
import dev.candor.interview.Difficulty;
import dev.candor.interview.Interviewer;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Question;
import dev.candor.interview.QuestionType;
import java.util.Arrays;
import java.util.Locale;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code POST /api/analyze-answer}: the answer analyser on its own, for practising one answer. Answers with
 * seed 000's {@code answer_analyzed} object (no {@code questionId}, since no interview question is involved).
 */
public final class AnalyzeAnswerRoutes extends JsonRoutes {

  private static final int MAX_QUESTION_CHARS = 2_000;
  private static final double MAX_DURATION_SECONDS = 3_600;

  private final Interviewer interviewer;

  public AnalyzeAnswerRoutes(ActorSystem<?> system, long maxBodyBytes, Interviewer interviewer) {
    super(system, maxBodyBytes);
    this.interviewer = interviewer;
  }

  public Route routes() {
    return path(segments("api", "analyze-answer"), () -> post(() -> jsonBody(body -> {
      Fields f = Fields.of(body, "The request");
      String questionText = f.requiredText("question").trim();
      if (questionText.length() > MAX_QUESTION_CHARS) {
        throw new BadRequest("question must be at most " + MAX_QUESTION_CHARS + " characters");
      }
      if (!f.has("answer")) {
        throw new BadRequest("answer is required (an empty string is analysed as no answer)");
      }
      String answer = f.optionalText("answer");
      QuestionType type = questionType(f.optionalText("questionType"));
      Double duration = f.optionalNumber("durationSeconds");
      if (duration != null && (duration < 0 || duration > MAX_DURATION_SECONDS)) {
        throw new BadRequest("durationSeconds must be between 0 and " + (int) MAX_DURATION_SECONDS);
      }
      JobPosting job = job(f.raw("job"));
      Question question = new Question(null, questionText, type, Difficulty.MEDIUM, 0, null);
      return onSuccess(blocking(() -> interviewer.analyse(question, answer, job, duration)),
          analysis -> json(StatusCodes.OK, analysis));
    })));
  }

  private static org.apache.pekko.http.javadsl.server.PathMatcher0 segments(String first, String second) {
    return org.apache.pekko.http.javadsl.server.PathMatchers.segment(first).slash(second);
  }

  private static QuestionType questionType(String raw) {
    if (raw == null) {
      return QuestionType.BEHAVIORAL;
    }
    try {
      return QuestionType.valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequest("questionType must be one of " + Arrays.stream(QuestionType.values())
          .map(QuestionType::wireName).toList());
    }
  }

  private static JobPosting job(JsonNode raw) {
    if (raw == null || raw.isNull()) {
      return JobPosting.empty();
    }
    if (!raw.isObject()) {
      throw new BadRequest("job must be a JSON object with seed 000's job fields");
    }
    try {
      return Json.MAPPER.treeToValue(raw, JobPosting.class);
    } catch (JsonProcessingException e) {
      throw new BadRequest("job is not a valid job posting: " + e.getOriginalMessage());
    }
  }
}
