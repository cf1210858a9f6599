package dev.candor.ingest.job;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Splits description lines into requirements, responsibilities, benefits and nice-to-have by their
 * headings ("What you'll need", "Responsibilities:", "Perks", "Bonus points"...). A section's items are its
 * bullets; a section with no bullets gives its paragraphs. An unknown heading ("About us", "The way we
 * work") ends the current section. Requirement bullets that say they are optional ("... is a plus") move
 * to nice-to-have.
 */
final class JobSections {

  enum Category { REQUIREMENTS, RESPONSIBILITIES, BENEFITS, NICE_TO_HAVE, OTHER }

  record Split(List<String> requirements, List<String> responsibilities, List<String> benefits,
      List<String> niceToHave) {

    boolean isEmpty() {
      return requirements.isEmpty() && responsibilities.isEmpty() && benefits.isEmpty() && niceToHave.isEmpty();
    }
  }

  private static final int MAX_HEADING = 80;
  private static final int MAX_ITEMS = 200;
  private static final int MAX_ITEM = 2_000;

  // Each pattern is matched from the start of the normalised heading (lower case, straight quotes,
  // no trailing colon); headings are short, so a few trailing words are allowed after the variant.
  private static final Pattern NICE = Pattern.compile(
      "^(?:(?:it'?s |it is |would be )?nice[ -]to[ -]haves?|bonus(?: points?)?(?: if| for|:|$| qualifications| skills)"
          + "|bonus|extra (?:credit|points)|(?:preferred|desired|desirable|additional|optional)"
          + " (?:qualifications?|skills?|experience|requirements?)|preferred|desired|desirable|pluses"
          + "|(?:it'?s |it would be |would be )?(?:a )?(?:big |huge )?plus(?:es)?(?: if)?"
          + "|(?:ideally|even better|good to have|great to have)|what (?:would|will) make you stand out"
          + "|you(?:'ll| will)? stand out if|it would be great if|we'?d love (?:it )?if|not required but)\\b.*");
  private static final Pattern BENEFITS = Pattern.compile(
      "^(?:(?:our |the |key |employee |additional )?benefits?|(?:our )?perks?|what we offer|what we provide"
          + "|what(?:'s| is) in it for you|why (?:join|work)|why (?:you(?:'ll| will)? )?(?:love|like|enjoy)"
          + "|why .{0,40}\\b(?:us|here|our team)$|compensation (?:and|&) benefits|total rewards|rewards"
          + "|what you(?:'ll| will)? get|what you get|in return|we offer|life at|working at|working with us"
          + "|what(?:'s| is| we have) on offer|on offer|(?:the )?package|salary (?:and|&) benefits|what(?:'s| is) in it for me)\\b.*");
  private static final Pattern RESPONSIBILITIES = Pattern.compile(
      "^(?:(?:key |main |core |primary |your |job |role |the )?responsibilit(?:y|ies)|(?:key )?duties"
          + "|what you(?:'ll| will|'d| would)? (?:do|be doing|work on|achieve)|what you'll do|(?:the|your) role$"
          + "|(?:your|the) impact|(?:your|the) mission|in this role,? you(?:'ll| will)?|as (?:a|an|our) .{1,50}, you(?:'ll| will)"
          + "|you(?:'ll| will)(?! (?:have|need|bring|get|love|enjoy|be (?:a|an) (?:good|great) fit))|day[ -]to[ -]day|a day in the life|what the job involves|the job$"
          + "|(?:your )?tasks|what we(?:'d| would)? like you to do|how you(?:'ll| will) (?:contribute|make an impact))\\b.*");
  private static final Pattern REQUIREMENTS = Pattern.compile(
      "^(?:(?:key |job |minimum |basic |required |essential |core |technical |must[ -]have |your |the )?"
          + "(?:requirements?|qualifications?|skills?(?: (?:and|&) (?:experience|qualifications))?)"
          + "|(?:position|job|role) requires|requires?$|what you(?:'ll| will)? (?:need|bring)|what you need"
          + "|what we(?:'re| are) looking for|what we look for|we(?:'re| are) looking for|looking for"
          + "|you have|you(?:'ll| will) have|you should have|you must have|you bring|who you are|about you"
          + "|your (?:profile|background|experience|skills)|(?:the )?ideal candidate|(?:the )?candidate|must[ -]haves?"
          + "|experience(?: (?:and|&) (?:skills|qualifications))?$|what it takes|is this you|you might be a fit"
          + "|you may be a (?:good )?fit|(?:are you|you are) a (?:good |great )?(?:fit|match)|who we(?:'re| are) looking for"
          + "|to be successful|to succeed|education(?: (?:and|&) experience)?$|knowledge,? skills)\\b.*");

  /** Headings of sections that are none of the four ("About us", "How to apply"): they end a section. */
  private static final Pattern OTHER_HEADING = Pattern.compile(
      "^(?:about(?: us| the (?:company|team|role|job|position|opportunity))?|about [\\w&.' -]{1,30}|who we are"
          + "|our (?:story|mission|values|culture|team|company)|company (?:overview|description)|overview|summary"
          + "|(?:job |role |position )?(?:overview|summary|description)|the team|the company|how to apply|to apply"
          + "|apply(?: now)?|application process|(?:our )?(?:interview|hiring) process|next steps"
          + "|equal (?:opportunity|employment)(?: employer)?|eeo(?: statement)?|diversity(?:,? equity)?(?: (?:and|&) inclusion)?"
          + "|location|compensation|salary|pay|the way we work|how we work|our values|culture|disclaimer)$");

  private static final Pattern OPTIONAL_ITEM = Pattern.compile(
      "(?i)(?:\\bis (?:a )?(?:big |huge |strong )?plus\\b|\\bare (?:a )?(?:big |huge )?plus(?:es)?\\b|\\ba (?:big |huge )?plus\\.?$"
          + "|\\bnice[ -]to[ -]have\\b"
          + "|\\b(?:is |are )?a bonus\\b|\\bbonus points?\\b|\\bpreferred\\.?$|^ideally\\b|\\b(?:would be|is) (?:an )?advantage)");

  private JobSections() {}

  /** The category a heading names, or null when the text is not a known heading. */
  static Category classify(String heading) {
    String h = normalise(heading);
    if (h.isEmpty() || h.length() > MAX_HEADING) {
      return null;
    }
    if (NICE.matcher(h).matches()) {
      return Category.NICE_TO_HAVE;
    }
    if (BENEFITS.matcher(h).matches()) {
      return Category.BENEFITS;
    }
    if (RESPONSIBILITIES.matcher(h).matches()) {
      return Category.RESPONSIBILITIES;
    }
    if (REQUIREMENTS.matcher(h).matches()) {
      return Category.REQUIREMENTS;
    }
    return null;
  }

  static String normalise(String heading) {
    if (heading == null) {
      return "";
    }
    String h = HtmlLines.clean(heading).toLowerCase(Locale.ROOT)
        .replace('\u2019', '\'').replace('\u2018', '\'').replace('`', '\'').replace('\u2013', '-')
        .replace('\u2014', '-');
    h = h.replaceAll("^[#*_\\-=>•·|\\s]+", "").replaceAll("[\\s:.!?*_#=|-]+$", "");
    return h.strip();
  }

  /** Whether a line is a heading: a heading line, or a short line ending in ":" or naming a known section. */
  static boolean isHeading(JobLine line) {
    String t = line.text();
    if (line.kind() == JobLine.Kind.HEADING) {
      return t.length() <= 200;
    }
    if (line.kind() == JobLine.Kind.BULLET || t.length() > MAX_HEADING) {
      return false;
    }
    String body = t.endsWith(":") ? t.substring(0, t.length() - 1) : t;
    if (body.contains(":")) {
      return false; // "Requirements: 5 years of Go" is a section with its content inline
    }
    if (t.endsWith(":") && t.length() <= 60) {
      return true;
    }
    if (t.endsWith(".") || t.endsWith(",") || t.endsWith(";") || t.split("\\s+").length > 8) {
      return false;
    }
    return classify(t) != null || OTHER_HEADING.matcher(normalise(t)).matches();
  }

  /** Splits lines by their headings. */
  static Split split(List<JobLine> lines) {
    List<String> req = new ArrayList<>();
    List<String> resp = new ArrayList<>();
    List<String> ben = new ArrayList<>();
    List<String> nice = new ArrayList<>();
    Category current = null;
    List<String> bullets = new ArrayList<>();
    List<String> paragraphs = new ArrayList<>();
    for (JobLine line : lines) {
      if (isHeading(line)) {
        flush(current, bullets, paragraphs, req, resp, ben, nice);
        Category c = classify(line.text());
        current = c == null ? Category.OTHER : c;
        continue;
      }
      if (line.kind() == JobLine.Kind.TEXT) {
        int colon = line.text().indexOf(':');
        if (colon > 0 && colon <= 40) {
          Category inline = classify(line.text().substring(0, colon));
          if (inline != null) {
            flush(current, bullets, paragraphs, req, resp, ben, nice);
            current = inline;
            String rest = item(line.text().substring(colon + 1));
            if (!rest.isEmpty()) {
              paragraphs.add(rest);
            }
            continue;
          }
        }
      }
      if (current == null || current == Category.OTHER) {
        continue;
      }
      String item = item(line.text());
      if (item.isEmpty()) {
        continue;
      }
      if (line.kind() == JobLine.Kind.BULLET) {
        bullets.add(item);
      } else {
        paragraphs.add(item);
      }
    }
    flush(current, bullets, paragraphs, req, resp, ben, nice);
    List<String> keptReq = new ArrayList<>();
    for (String r : req) {
      if (OPTIONAL_ITEM.matcher(r).find()) {
        nice.add(r);
      } else {
        keptReq.add(r);
      }
    }
    return new Split(dedupe(keptReq), dedupe(resp), dedupe(ben), dedupe(nice));
  }

  private static void flush(Category current, List<String> bullets, List<String> paragraphs, List<String> req,
      List<String> resp, List<String> ben, List<String> nice) {
    if (current != null && current != Category.OTHER) {
      List<String> items = bullets.isEmpty() ? paragraphs : bullets;
      List<String> target = switch (current) {
        case REQUIREMENTS -> req;
        case RESPONSIBILITIES -> resp;
        case BENEFITS -> ben;
        default -> nice;
      };
      target.addAll(items);
    }
    bullets.clear();
    paragraphs.clear();
  }

  /** A bullet's text without its marker and trailing ";" / ",". */
  static String item(String text) {
    String t = HtmlLines.clean(text);
    t = t.replaceFirst("^(?:[-*•·▪◦●○■□►▸➢➤✓✔→–—]|\\d{1,2}[.)]|\\(\\d{1,2}\\)|[a-z][.)](?=\\s))\\s*", "");
    if (t.length() > MAX_ITEM) {
      t = t.substring(0, MAX_ITEM);
    }
    // A backwards scan, not a "[;,\\s]+$" pattern, which is quadratic on long runs of separators.
    int end = t.length();
    while (end > 0 && (t.charAt(end - 1) == ';' || t.charAt(end - 1) == ',' || Character.isWhitespace(t.charAt(end - 1)))) {
      end--;
    }
    return t.substring(0, end).strip();
  }

  private static List<String> dedupe(List<String> items) {
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    List<String> out = new ArrayList<>();
    for (String s : items) {
      if (out.size() >= MAX_ITEMS) {
        break;
      }
      if (!s.isEmpty() && seen.add(s.toLowerCase(Locale.ROOT))) {
        out.add(s);
      }
    }
    return out;
  }
}
