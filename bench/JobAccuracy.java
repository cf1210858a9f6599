import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.ingest.job.JobPageParser;
import dev.candor.ingest.job.ParsedJob;
import dev.candor.interview.JobPosting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Job-page parsing measured on saved real pages with hand-checked answers (shared/fixtures/jobs): per-field
 * precision and recall, an overall field F1, and parse times. Matching follows the fixtures' README: text
 * case- and punctuation-insensitive, locations by token containment, salary by its digits, list items by
 * 80% word overlap, description by containment of each expected sentence, and benefits by key phrase where
 * the answer says benefits_are_keywords.
 *
 * Usage (see bench/parser-accuracy.sh job): java -cp target/classes:DEPS bench/JobAccuracy.java FIXTURE_DIR
 */
public class JobAccuracy {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, int[]> TOTAL = new TreeMap<>();

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "../shared/fixtures/jobs");
    List<Path> pages;
    try (var files = Files.list(dir)) {
      pages = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
    }
    System.out.printf("%-50s %6s %6s %6s  %s%n", "page", "P", "R", "F1", "source");
    for (Path page : pages) {
      String name = page.getFileName().toString().replaceFirst("\\.html$", "");
      JsonNode expected = MAPPER.readTree(dir.resolve(name + ".expected.json").toFile());
      ParsedJob parsed = JobPageParser.parse(Files.readString(page), "https://example.com/" + name);
      Map<String, int[]> counts = new TreeMap<>();
      score(expected, parsed, counts);
      counts.forEach((field, c) -> TOTAL.merge(field, c.clone(), (a, b) -> new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
      int[] sum = sum(counts);
      System.out.printf("%-50s %6.2f %6.2f %6.2f  %s%n", name, p(sum), r(sum), f1(sum), parsed.source());
    }
    System.out.printf("%n%-22s %5s %5s %5s %6s %6s %6s%n", "field", "TP", "FP", "FN", "P", "R", "F1");
    TOTAL.forEach((field, c) -> System.out.printf("%-22s %5d %5d %5d %6.2f %6.2f %6.2f%n", field, c[0], c[1], c[2], p(c), r(c), f1(c)));
    int[] all = sum(TOTAL);
    System.out.printf("%-22s %5d %5d %5d %6.2f %6.2f %6.2f%n", "OVERALL (micro)", all[0], all[1], all[2], p(all), r(all), f1(all));

    System.out.printf("%nparse, warm (rounds 6-30, one thread):%n");
    for (Path page : pages) {
      String html = Files.readString(page);
      List<Double> times = new ArrayList<>();
      for (int round = 0; round < 30; round++) {
        long start = System.nanoTime();
        JobPageParser.parse(html, "https://example.com/");
        if (round >= 5) {
          times.add((System.nanoTime() - start) / 1e6);
        }
      }
      Collections.sort(times);
      System.out.printf("%-50s %6d KB  p50 %7.1f ms  p99 %7.1f ms%n", page.getFileName(), html.length() / 1024,
          times.get(times.size() / 2), times.get(times.size() - 1));
    }
  }

  private static void score(JsonNode e, ParsedJob parsed, Map<String, int[]> counts) {
    JobPosting j = parsed.posting();
    scalar(counts, "title", text(e, "title"), j.title(), (a, b) -> norm(a).equals(norm(b)));
    scalar(counts, "company", text(e, "company"), j.company(), (a, b) -> norm(a).equals(norm(b)));
    scalar(counts, "location", text(e, "location"), j.location(), JobAccuracy::tokensContained);
    scalar(counts, "salary", text(e, "salary"), j.salary(), (a, b) -> a.replaceAll("\\D", "").equals(b.replaceAll("\\D", "")));
    scalar(counts, "employmentType", text(e, "employmentType"), j.employmentType(), (a, b) -> norm(a).equals(norm(b)));
    scalar(counts, "experienceLevel", text(e, "experienceLevel"), j.experienceLevel(), (a, b) -> norm(a).equals(norm(b)));
    scalar(counts, "remote", e.has("remote") ? e.get("remote").asText() : null, j.remote() == null ? null : j.remote().toString(),
        String::equals);
    for (JsonNode sentence : iterable(e.get("description_contains"))) {
      scalar(counts, "description", sentence.asText(), j.description(), (a, b) -> norm(b).contains(norm(a)));
    }
    list(counts, "requirements", items(e, "requirements"), j.requirements(), e.has("requirements"));
    list(counts, "responsibilities", items(e, "responsibilities"), j.responsibilities(), e.has("responsibilities"));
    list(counts, "nice_to_have", items(e, "nice_to_have"), parsed.niceToHave(), e.has("nice_to_have"));
    boolean keywords = e.path("_meta").path("benefits_are_keywords").asBoolean(false) || e.path("benefits_are_keywords").asBoolean(false);
    if (keywords) {
      String all = norm(String.join(" ", j.benefits()) + " " + j.description());
      for (String phrase : items(e, "benefits")) {
        counts.computeIfAbsent("benefits", k -> new int[3])[all.contains(norm(phrase)) ? 0 : 2]++;
      }
    } else {
      list(counts, "benefits", items(e, "benefits"), j.benefits(), e.has("benefits"));
    }
  }

  private static void scalar(Map<String, int[]> counts, String field, String expected, String parsed,
      java.util.function.BiPredicate<String, String> same) {
    int[] c = counts.computeIfAbsent(field, k -> new int[3]);
    boolean hasParsed = parsed != null && !parsed.isBlank();
    if (expected == null || expected.isBlank()) {
      if (hasParsed && !field.equals("experienceLevel") && !field.equals("description")) {
        c[1]++;
      }
    } else if (!hasParsed) {
      c[2]++;
    } else if (same.test(expected, parsed)) {
      c[0]++;
    } else {
      c[1]++;
      c[2]++;
    }
  }

  /** A list the answer does not give is not scored (the page may have one the checker left out). */
  private static void list(Map<String, int[]> counts, String field, List<String> expected, List<String> parsed, boolean scored) {
    if (!scored) {
      return;
    }
    int[] c = counts.computeIfAbsent(field, k -> new int[3]);
    List<String> left = new ArrayList<>(parsed);
    for (String item : expected) {
      String hit = left.stream().filter(p -> overlaps(item, p)).findFirst().orElse(null);
      if (hit == null) {
        c[2]++;
      } else {
        c[0]++;
        left.remove(hit);
      }
    }
    c[1] += left.size();
  }

  static boolean overlaps(String expected, String parsed) {
    List<String> want = Arrays.asList(norm(expected).split(" "));
    Set<String> have = new HashSet<>(Arrays.asList(norm(parsed).split(" ")));
    long found = want.stream().filter(have::contains).count();
    return found >= 0.8 * want.size() && have.size() <= 3 * Math.max(4, new HashSet<>(want).size());
  }

  static boolean tokensContained(String expected, String parsed) {
    Set<String> tokens = new HashSet<>(Arrays.asList(norm(parsed).split(" ")));
    return Arrays.stream(norm(expected).split(" ")).allMatch(tokens::contains);
  }

  static String norm(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}+#$]+", " ").trim();
  }

  private static List<String> items(JsonNode node, String field) {
    List<String> out = new ArrayList<>();
    iterable(node.get(field)).forEach(item -> out.add(item.asText()));
    return out;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Iterable<JsonNode> iterable(JsonNode array) {
    return array == null ? List.of() : array;
  }

  private static int[] sum(Map<String, int[]> counts) {
    int[] s = new int[3];
    counts.values().forEach(c -> {
      s[0] += c[0];
      s[1] += c[1];
      s[2] += c[2];
    });
    return s;
  }

  private static double p(int[] c) {
    return c[0] + c[1] == 0 ? 1 : (double) c[0] / (c[0] + c[1]);
  }

  private static double r(int[] c) {
    return c[0] + c[2] == 0 ? 1 : (double) c[0] / (c[0] + c[2]);
  }

  private static double f1(int[] c) {
    double p = p(c);
    double r = r(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }
}
