import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ai.llm.AnswerRelevance;
import dev.candor.ai.llm.RelevanceBlendingInterviewer;
import dev.candor.interview.AnswerAnalysis;
import dev.candor.interview.Difficulty;
import dev.candor.interview.Interviewer;
import dev.candor.interview.Question;
import dev.candor.interview.QuestionKind;
import dev.candor.interview.QuestionType;
import dev.candor.interview.RuleBasedInterviewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer judge measured on real answers with their sources' good/bad verdicts and hand STAR and filler
 * labels (shared/fixtures/answers): how often a good answer outscores a bad one (over all pairs, within length
 * bands so that length alone cannot carry it, and within the sources' own contrast pairs), STAR agreement per
 * flag, filler counts exact, the rank correlation of score with word count, whether the same answer gets the
 * same score twice, and the CPU time per answer. Each judge runs on the same answers in one process.
 *
 * Usage (see bench/judge-accuracy.sh): java -cp target/classes:DEPS bench/JudgeAccuracy.java ANSWERS_JSONL
 */
public class JudgeAccuracy {

  record Item(String id, String question, String answer, String kind, String label, String pairWith, JsonNode star,
      Integer fillers, int words) {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/answers/answers.jsonl");
    ObjectMapper mapper = new ObjectMapper();
    List<Item> items = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode n = mapper.readTree(line);
      String question = n.path("question").isTextual() ? n.get("question").asText() : n.path("question_helper").asText("");
      String answer = n.get("answer").asText();
      items.add(new Item(n.get("id").asText(), question, answer, n.path("question_kind").asText(""),
          n.path("dataset_label_binary").isTextual() ? n.get("dataset_label_binary").asText() : null,
          n.path("pair_with").isTextual() ? n.get("pair_with").asText() : null,
          n.path("star_helper").isObject() ? n.get("star_helper") : null,
          n.path("filler_count_helper").isInt() ? n.get("filler_count_helper").asInt() : null,
          answer.trim().split("\\s+").length));
    }
    Map<String, Interviewer> judges = new LinkedHashMap<>();
    judges.put("rules", new RuleBasedInterviewer());
    judges.put("rules + relevance 0.2 (embedding model)",
        new RelevanceBlendingInterviewer(new RuleBasedInterviewer(), AnswerRelevance::shared, 0.2));
    System.out.printf("%d answers (%d good, %d bad), %d with STAR labels, %d with filler counts%n", items.size(),
        items.stream().filter(i -> "good".equals(i.label())).count(), items.stream().filter(i -> "bad".equals(i.label())).count(),
        items.stream().filter(i -> i.star() != null).count(), items.stream().filter(i -> i.fillers() != null).count());
    Map<QuestionKind, Integer> kinds = new java.util.TreeMap<>();
    items.forEach(i -> kinds.merge(QuestionKind.of(question(i)), 1, Integer::sum));
    System.out.println("question kinds read from the wording: " + kinds);
    System.out.println();
    System.out.println("| judge | good > bad, all pairs | same length band | source pairs | STAR S/T/A/R agreement | fillers exact | Spearman(score, words) | same score twice | CPU ms per answer |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (var judge : judges.entrySet()) {
      System.out.println(measure(judge.getKey(), judge.getValue(), items));
    }
  }

  private static String measure(String name, Interviewer judge, List<Item> items) {
    for (int round = 0; round < 5; round++) {
      items.forEach(i -> judge.analyse(question(i), i.answer(), null, null));
    }
    Map<String, AnswerAnalysis> results = new LinkedHashMap<>();
    var bean = java.lang.management.ManagementFactory.getThreadMXBean();
    int rounds = 20;
    long cpu = bean.getCurrentThreadCpuTime();
    for (int round = 0; round < rounds; round++) {
      for (Item i : items) {
        results.put(i.id(), judge.analyse(question(i), i.answer(), null, null));
      }
    }
    double cpuMs = (bean.getCurrentThreadCpuTime() - cpu) / 1e6 / rounds / items.size();
    boolean stable = items.stream().allMatch(i -> judge.analyse(question(i), i.answer(), null, null).score()
        == results.get(i.id()).score());

    List<Item> good = items.stream().filter(i -> "good".equals(i.label())).toList();
    List<Item> bad = items.stream().filter(i -> "bad".equals(i.label())).toList();
    double[] all = pairs(good, bad, results, false);
    double[] banded = pairs(good, bad, results, true);
    double sourcePairs = 0;
    int sourcePairCount = 0;
    for (Item g : good) {
      for (Item b : bad) {
        if (g.id().equals(b.pairWith()) || b.id().equals(g.pairWith())) {
          sourcePairCount++;
          sourcePairs += compare(results.get(g.id()).score(), results.get(b.id()).score());
        }
      }
    }
    String[] flags = {"situation", "task", "action", "result"};
    List<String> star = new ArrayList<>();
    for (String flag : flags) {
      int agree = 0;
      int labelled = 0;
      for (Item i : items) {
        if (i.star() != null && i.star().path(flag).isBoolean()) {
          labelled++;
          var s = results.get(i.id()).star();
          boolean found = switch (flag) {
            case "situation" -> s.situation();
            case "task" -> s.task();
            case "action" -> s.action();
            default -> s.result();
          };
          agree += found == i.star().get(flag).asBoolean() ? 1 : 0;
        }
      }
      star.add(agree + "/" + labelled);
    }
    long fillersLabelled = items.stream().filter(i -> i.fillers() != null).count();
    long fillersExact = items.stream().filter(i -> i.fillers() != null && i.fillers() == results.get(i.id()).fillerWords()).count();
    double rho = spearman(items.stream().mapToDouble(i -> results.get(i.id()).score()).toArray(),
        items.stream().mapToDouble(Item::words).toArray());
    return String.format("| %s | %.3f (%d) | %.3f (%d) | %.3f (%d) | %s | %.3f (%d/%d) | %.2f | %s | %.2f |", name,
        all[0], (int) all[1], banded[0], (int) banded[1], sourcePairs / Math.max(1, sourcePairCount), sourcePairCount,
        String.join(" ", star), (double) fillersExact / fillersLabelled, fillersExact, fillersLabelled, rho,
        stable ? "yes" : "NO", cpuMs);
  }

  /** Share of good-bad pairs where the good one scores higher (a tie counts half); and how many pairs. */
  private static double[] pairs(List<Item> good, List<Item> bad, Map<String, AnswerAnalysis> results, boolean sameBand) {
    double won = 0;
    int n = 0;
    for (Item g : good) {
      for (Item b : bad) {
        if (sameBand && band(g.words()) != band(b.words())) {
          continue;
        }
        n++;
        won += compare(results.get(g.id()).score(), results.get(b.id()).score());
      }
    }
    return new double[] {won / Math.max(1, n), n};
  }

  /** Length bands of doubling width: up to 30 words, 31-60, 61-120, 121-240, longer. */
  private static int band(int words) {
    return words <= 30 ? 0 : words <= 60 ? 1 : words <= 120 ? 2 : words <= 240 ? 3 : 4;
  }

  private static double compare(int goodScore, int badScore) {
    return goodScore > badScore ? 1 : goodScore == badScore ? 0.5 : 0;
  }

  /**
   * The question as a judge meets it: its words only. The fixtures' own question kind is an annotator's label that
   * the hidden set need not carry, so it is neither the planned type nor the topic here; the judge reads the kind
   * from the wording.
   */
  private static Question question(Item i) {
    return new Question("q1_behavioral_fixture", i.question(), QuestionType.BEHAVIORAL, Difficulty.MEDIUM, 120, "");
  }

  private static double spearman(double[] x, double[] y) {
    double[] rx = ranks(x);
    double[] ry = ranks(y);
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += rx[i];
      my += ry[i];
    }
    mx /= x.length;
    my /= y.length;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (rx[i] - mx) * (ry[i] - my);
      sxx += (rx[i] - mx) * (rx[i] - mx);
      syy += (ry[i] - my) * (ry[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }

  /** Ranks with ties given their mean rank. */
  private static double[] ranks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(v[a], v[b]));
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        r[order[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return r;
  }
}
