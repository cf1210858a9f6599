package dev.candor.interview;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Seed 004's three scores, 0-10, from the analysis every contract shares. Each answer is scored on the skill its
 * question tests and on communication; a dimension an answer does not test is null (a behavioural story says nothing of
 * system design), and a mean is over the answers that tested it.
 *
 * <pre>
 * technical      the answer's score / 10, for a technical question that is not about design
 * design         the answer's score / 10, for a question about design, architecture or scale
 * communication  {@link HiringScores}' communication / 10 (fillers, pace, length), for every answer
 * </pre>
 */
public record SkillScores(Double technical, Double design, Double communication) {

  public static final SkillScores NONE = new SkillScores(null, null, null);

  /** Seed 004's phases, in the order an interview passes them. */
  public enum Phase {
    SETUP, INTRO, TECHNICAL, DESIGN, BEHAVIOURAL, EVALUATION, COMPLETED;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern DESIGN =
      Pattern.compile("\\b(design(ing)?|architect\\w*|scal(e|ing|able|ability)|distributed|high(ly)? available)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Every view of a session asks again of the same questions: the answer is kept. */
  private static final Cache<Question, Boolean> DESIGN_QUESTIONS = Caffeine.newBuilder().maximumSize(16_384).build();

  public static boolean isDesign(Question question) {
    return question.type() == QuestionType.TECHNICAL && DESIGN_QUESTIONS.get(question,
        q -> DESIGN.matcher(String.valueOf(q.topic())).find() || DESIGN.matcher(q.text()).find());
  }

  /**
   * The phase question {@code index} of {@code questions} belongs to: the first is the warm-up, and a follow-up (its id
   * the id of the question before it, extended) is in the phase of the question it follows.
   */
  public static Phase phaseOf(List<Question> questions, int index) {
    if (index == 0) {
      return Phase.INTRO;
    }
    Question question = questions.get(index);
    String before = questions.get(index - 1).id();
    if (question.id().length() > before.length() && question.id().startsWith(before)) {
      return phaseOf(questions, index - 1);
    }
    if (question.type() != QuestionType.TECHNICAL) {
      return Phase.BEHAVIOURAL;
    }
    return isDesign(question) ? Phase.DESIGN : Phase.TECHNICAL;
  }

  /** What question {@code index} tests, in one sentence for the candidate. */
  public static String purpose(List<Question> questions, int index) {
    Question question = questions.get(index);
    String topic = question.topic() == null || question.topic().isBlank() ? "the technology" : question.topic();
    return switch (phaseOf(questions, index)) {
      case INTRO -> "This gets to know your background and what you would bring to the role.";
      case DESIGN -> "This tests how you design a system: its requirements, the trade-offs, and how it behaves under load.";
      case TECHNICAL -> "This tests your hands-on understanding of " + topic + ": how it works and how you have used it.";
      default -> question.type() == QuestionType.LEADERSHIP
          ? "This tests how you lead and influence others: the decisions you own and what came of them."
          : "This tests how you handled a real situation: what you did yourself and what came of it.";
    };
  }

  public static SkillScores of(Question question, AnswerAnalysis analysis) {
    if (analysis == null) {
      return NONE;
    }
    double content = tenth(analysis.noAnswer() ? 0 : analysis.score());
    double communication = tenth(HiringScores.of(analysis).communication());
    if (question == null || question.type() != QuestionType.TECHNICAL) {
      return new SkillScores(null, null, communication);
    }
    return isDesign(question) ? new SkillScores(null, content, communication) : new SkillScores(content, null, communication);
  }

  /** The means over every analysed answer of {@code questions}, in the questions' order. */
  public static SkillScores average(List<Question> questions, Map<String, AnswerAnalysis> analyses) {
    List<SkillScores> each = new ArrayList<>();
    for (Question q : questions) {
      AnswerAnalysis analysis = analyses.get(q.id());
      if (analysis != null) {
        each.add(of(q, analysis));
      }
    }
    return new SkillScores(mean(each, 0), mean(each, 1), mean(each, 2));
  }

  /** The mean of the dimensions that have a score; null when none has. */
  public Double overall() {
    List<Double> present = new ArrayList<>();
    for (Double d : new Double[] {technical, design, communication}) {
      if (d != null) {
        present.add(d);
      }
    }
    return present.isEmpty() ? null : round(present.stream().mapToDouble(Double::doubleValue).average().orElse(0));
  }

  /** Seed 004's recommendation on the overall mean: Strong Hire from 8, Hire from 6.5, Lean Hire from 5, else No Hire. */
  public String recommendation() {
    Double overall = overall();
    if (overall == null) {
      return "No Hire";
    }
    return overall >= 8 ? "Strong Hire" : overall >= 6.5 ? "Hire" : overall >= 5 ? "Lean Hire" : "No Hire";
  }

  /**
   * What to learn next, most pressing first: each gap the job showed, then each dimension under 7, each with the
   * practice the report suggests. At most six steps.
   *
   * @param gaps the job's requirements the resume does not show
   * @param drills the report's micro-drills
   */
  public List<RoadmapStep> roadmap(List<String> gaps, List<String> drills) {
    List<RoadmapStep> steps = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String gap : gaps) {
      if (seen.add(gap.toLowerCase(Locale.ROOT))) {
        steps.add(new RoadmapStep(gap, "high", "The job asks for " + gap + " and neither the resume nor the answers show it",
            "Build a small project with " + gap + " and prepare a two-minute story about what you learned"));
      }
    }
    addWeak(steps, "Technical depth", technical, "Explain one technology you used end to end: why it was chosen, how it"
        + " works inside, and one problem you debugged in it");
    addWeak(steps, "System design", design, "Practise one design question a week out loud: requirements, a diagram, the"
        + " bottleneck at ten times the load, and the trade-offs");
    addWeak(steps, "Communication", communication, "Record two-minute answers, count your filler words and aim for a"
        + " steady pace of 120-160 words a minute");
    for (String drill : drills) {
      if (steps.size() < 6 && seen.add(drill.toLowerCase(Locale.ROOT))) {
        steps.add(new RoadmapStep("Interview practice", "low", "A drill from your answers", drill));
      }
    }
    return List.copyOf(steps.subList(0, Math.min(6, steps.size())));
  }

  /** One step of the skill roadmap; {@code priority} is high, medium or low. */
  public record RoadmapStep(String skill, String priority, String reason, String practice) {}

  private static void addWeak(List<RoadmapStep> steps, String skill, Double score, String practice) {
    if (score != null && score < 7) {
      steps.add(new RoadmapStep(skill, score < 5 ? "high" : "medium", skill + " scored " + score + " of 10", practice));
    }
  }

  private static Double mean(List<SkillScores> scores, int dimension) {
    List<Double> values = new ArrayList<>();
    for (SkillScores s : scores) {
      Double v = dimension == 0 ? s.technical : dimension == 1 ? s.design : s.communication;
      if (v != null) {
        values.add(v);
      }
    }
    return values.isEmpty() ? null : round(values.stream().mapToDouble(Double::doubleValue).average().orElse(0));
  }

  private static double tenth(int score0to100) {
    return round(score0to100 / 10.0);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
