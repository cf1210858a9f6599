package dev.candor.ai.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Difficulty;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.Question;
import dev.candor.interview.QuestionType;
import dev.candor.interview.Report;
import dev.candor.interview.Star;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses the model's JSON replies into our records and checks them against what the rest of Candor relies on,
 * so that a reply which parses but breaks a contract (a missing leadership question, a score of 140) is retried
 * or replaced like one that does not parse at all.
 */
final class Replies {

  static final int MIN_TEXT = 50;
  static final int MAX_TEXT = 200;
  static final int MIN_SECONDS = 30;
  static final int MAX_SECONDS = 600;
  static final int MAX_KEYWORDS = 10;
  static final int MAX_SUGGESTIONS = 4;
  static final int MAX_ITEMS = 5;
  static final int MAX_ACKNOWLEDGEMENT = 200;

  /** Seed 000's id pattern, {@code q{n}_{type}_{topic}}, which the report splits to find a topic. */
  private static final Pattern ID = Pattern.compile("q\\d+_(behavioral|technical|leadership)_[a-z0-9_]+");

  /** The fewest of each type every contract needs, as {@link dev.candor.interview.Interviewer#MIN_QUESTIONS} says. */
  private static final Map<QuestionType, Integer> MIN_MIX = new EnumMap<>(Map.of(
      QuestionType.BEHAVIORAL, 2, QuestionType.TECHNICAL, 2, QuestionType.LEADERSHIP, 1));

  private static final ObjectMapper JSON = new ObjectMapper();

  private Replies() {}

  static List<Question> plan(String reply, int count, InterviewPreferences preferences) throws InvalidReply {
    JsonNode questions = object(reply).path("questions");
    if (!questions.isArray()) {
      throw new InvalidReply("\"questions\" must be an array");
    }
    if (questions.size() != count) {
      throw new InvalidReply("expected exactly " + count + " questions, got " + questions.size());
    }
    List<Question> out = new ArrayList<>(count);
    Set<String> ids = new HashSet<>();
    Map<QuestionType, Integer> mix = new EnumMap<>(QuestionType.class);
    for (int i = 0; i < count; i++) {
      JsonNode q = questions.get(i);
      String where = "questions[" + i + "]";
      String id = text(q, "id", where);
      if (!ID.matcher(id).matches()) {
        throw new InvalidReply(where + ".id \"" + id + "\" must look like q1_behavioral_topic (q{n}_{type}_{topic})");
      }
      if (!ids.add(id)) {
        throw new InvalidReply("question id \"" + id + "\" is used twice");
      }
      String text = text(q, "text", where);
      if (text.length() < MIN_TEXT || text.length() > MAX_TEXT) {
        throw new InvalidReply(where + ".text must be " + MIN_TEXT + "-" + MAX_TEXT + " characters, was " + text.length());
      }
      QuestionType type = constant(QuestionType.class, q, "type", where);
      if (!id.contains("_" + type.wireName() + "_")) {
        throw new InvalidReply(where + ".id \"" + id + "\" does not match its type " + type.wireName());
      }
      Difficulty difficulty = constant(Difficulty.class, q, "difficulty", where);
      if (preferences.difficulty() != null && difficulty != preferences.difficulty()) {
        throw new InvalidReply(where + ".difficulty must be " + preferences.difficulty() + " as the candidate asked");
      }
      JsonNode seconds = q.path("estimatedTime");
      if (!seconds.canConvertToInt() || !seconds.isIntegralNumber()
          || seconds.intValue() < MIN_SECONDS || seconds.intValue() > MAX_SECONDS) {
        throw new InvalidReply(where + ".estimatedTime must be a whole number of seconds from " + MIN_SECONDS + " to "
            + MAX_SECONDS);
      }
      mix.merge(type, 1, Integer::sum);
      out.add(new Question(id, text, type, difficulty, seconds.intValue(), text(q, "topic", where)));
    }
    for (Map.Entry<QuestionType, Integer> need : MIN_MIX.entrySet()) {
      if (mix.getOrDefault(need.getKey(), 0) < need.getValue()) {
        throw new InvalidReply("the plan needs at least " + need.getValue() + " " + need.getKey().wireName()
            + " questions, it has " + mix.getOrDefault(need.getKey(), 0));
      }
    }
    // The session derives its phases from the order: a behavioral warm-up first, leadership last.
    if (out.get(0).type() != QuestionType.BEHAVIORAL) {
      throw new InvalidReply("the first question must be a behavioral warm-up");
    }
    if (out.get(count - 1).type() != QuestionType.LEADERSHIP) {
      throw new InvalidReply("the last question must be a leadership question");
    }
    return List.copyOf(out);
  }

  /**
   * The model's judgement of an answer laid over the measured analysis: words, fillers, pace, duration and
   * comfort stay as our own code measured them.
   */
  static AnswerAnalysis analysis(String reply, AnswerAnalysis measured) throws InvalidReply {
    JsonNode a = object(reply);
    JsonNode score = a.path("score");
    if (!score.isIntegralNumber() || score.intValue() < 0 || score.intValue() > 100) {
      throw new InvalidReply("\"score\" must be a whole number from 0 to 100");
    }
    JsonNode star = a.path("star");
    Star parts = new Star(bool(star, "situation"), bool(star, "task"), bool(star, "action"), bool(star, "result"));
    List<String> keywords = strings(a, "keywordsFound", 0, MAX_KEYWORDS).stream()
        .map(k -> k.toLowerCase(Locale.ROOT)).distinct().toList();
    String feedback = text(a, "feedback", "the analysis");
    List<String> suggestions = strings(a, "suggestions", 1, MAX_SUGGESTIONS);
    JsonNode followUp = a.path("followUp");
    if (!followUp.isMissingNode() && !followUp.isNull() && !followUp.isTextual()) {
      throw new InvalidReply("\"followUp\" must be a string or null");
    }
    String follow = followUp.isTextual() && !followUp.asText().isBlank() ? followUp.asText().strip() : null;
    return new AnswerAnalysis(measured.questionId(), score.intValue(), parts, keywords, measured.fillerWords(),
        measured.timeSpent(), feedback, suggestions, false, measured.wordCount(), measured.wordsPerMinute(),
        measured.comfortLevel(), follow);
  }

  static String acknowledgement(String reply) throws InvalidReply {
    String said = text(object(reply), "acknowledgement", "the reply");
    if (said.length() > MAX_ACKNOWLEDGEMENT || said.contains("\n")) {
      throw new InvalidReply("\"acknowledgement\" must be one short sentence of at most " + MAX_ACKNOWLEDGEMENT
          + " characters");
    }
    return said;
  }

  /** The model's words laid over the measured report: the overall score and per-question results stay ours. */
  static Report report(String reply, Report measured) throws InvalidReply {
    JsonNode r = object(reply);
    List<String> improvements = strings(r, "improvements", 1, MAX_ITEMS);
    List<String> drills = strings(r, "microDrills", 1, MAX_ITEMS);
    if (drills.size() != improvements.size()) {
      throw new InvalidReply("give one micro-drill per improvement: " + improvements.size() + " improvements, "
          + drills.size() + " microDrills");
    }
    return new Report(measured.overallScore(), measured.questions(), strings(r, "strengths", 1, MAX_ITEMS),
        improvements, drills, text(r, "followUpQuestion", "the report"), text(r, "recommendation", "the report"),
        text(r, "summary", "the report"));
  }

  /** Models often wrap JSON in a Markdown fence even when told not to; that alone is not worth a retry. */
  static String unfenced(String reply) {
    String s = reply == null ? "" : reply.strip();
    if (s.startsWith("```")) {
      int firstLine = s.indexOf('\n');
      int close = s.lastIndexOf("```");
      if (firstLine > 0 && close > firstLine) {
        return s.substring(firstLine + 1, close).strip();
      }
    }
    return s;
  }

  private static JsonNode object(String reply) throws InvalidReply {
    JsonNode node;
    try {
      node = JSON.readTree(unfenced(reply));
    } catch (JsonProcessingException e) {
      throw new InvalidReply("the reply is not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (node == null || !node.isObject()) {
      throw new InvalidReply("the reply must be one JSON object");
    }
    return node;
  }

  private static String text(JsonNode parent, String field, String where) throws InvalidReply {
    JsonNode v = parent.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new InvalidReply(where + " needs a non-empty string \"" + field + "\"");
    }
    return v.asText().strip();
  }

  private static boolean bool(JsonNode parent, String field) throws InvalidReply {
    JsonNode v = parent.path(field);
    if (!v.isBoolean()) {
      throw new InvalidReply("\"star\" needs a true or false \"" + field + "\"");
    }
    return v.booleanValue();
  }

  private static List<String> strings(JsonNode parent, String field, int min, int max) throws InvalidReply {
    JsonNode v = parent.path(field);
    if (!v.isArray() || v.size() < min || v.size() > max) {
      throw new InvalidReply("\"" + field + "\" must be an array of " + min + " to " + max + " strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode item : v) {
      if (!item.isTextual() || item.asText().isBlank()) {
        throw new InvalidReply("\"" + field + "\" may hold only non-empty strings");
      }
      out.add(item.asText().strip());
    }
    return out;
  }

  private static <E extends Enum<E>> E constant(Class<E> type, JsonNode parent, String field, String where)
      throws InvalidReply {
    String value = text(parent, field, where);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidReply(where + "." + field + " \"" + value + "\" must be one of "
          + List.of(type.getEnumConstants()).stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
    }
  }
}
