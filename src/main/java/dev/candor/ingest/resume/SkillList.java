package dev.candor.ingest.resume;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a skills section into single items: comma/semicolon/bar lists are split, category labels
 * ("Languages:", "Tools:") removed, wrapped lines rejoined, "skill chips" printed in a row split at
 * spaces. A bullet that reads as a phrase ("Spring Boot, Spring MVC, and Hibernate") stays one item.
 */
final class SkillList {

  /** What a pasted LinkedIn profile prints under each skill. */
  private static final Pattern PROFILE_NOISE = Pattern.compile(
      "(?i)^(?:endorsed by\\b|\\d+\\+?\\s+endorsements?$|passed linkedin skill assessment|show all\\b|\\d+ experiences? (?:at|across)\\b)");
  private static final Pattern LABEL = Pattern.compile("^([\\p{L}][\\p{L}\\d /&+.()-]{0,40}?)\\s*[:：]\\s*(.*)$");
  /** Also a sentence's end before the next category ("..., WildFly. Databases: MySQL, ..."), run on in one paragraph. */
  private static final Pattern SEGMENT_SEP = Pattern.compile(
      "\\s*;\\s*|\\s+\\|\\s+|\\s*[•·▪●◦]\\s*|\\s{3,}|(?<=\\p{L}\\.)\\s+(?=\\p{Lu}[\\p{L}\\d /&+-]{0,40}:)");
  /** "Medical equipment operation, such as monitors, ventilators...": one skill told with its examples. */
  private static final Pattern EXAMPLES = Pattern.compile("(?i)^(?:such as|including|like|e\\.g\\.?)\\s");
  /** "English and French", "VMware and Mac OS": two short names joined at the end of a list. */
  private static final Pattern TWO_NAMES = Pattern.compile("^(\\p{Lu}\\S*(?:\\s\\S+)?)\\s+and\\s+(\\p{Lu}\\S*(?:\\s\\S+)?)$");
  private static final Set<String> GLUE_BEFORE = Set.of("design", "testing", "flags", "systems",
      "development", "architecture", "learning", "science", "engineering", "analysis", "analytics", "management",
      "services", "platform", "native", "boot", "mvc", "studio", "office", "cloud", "vision", "processing");
  private static final Set<String> GLUE_AFTER = Set.of("rest", "machine", "deep", "data", "unit", "integration",
      "google", "amazon", "microsoft", "apache", "spring", "react", "ruby", "feature", "a/b", "visual", "computer",
      "natural", "project", "product", "system", "test-driven", "problem", "public", "agile", "team");

  private static final Pattern LANGUAGES_LABEL = Pattern.compile("(?i)\\blanguages?\\b");
  private static final Pattern AND_SOME = Pattern.compile("(?i)^and\\s+(?:some\\s+|also\\s+)?");
  private static final Pattern LEAD_IN = Pattern.compile("^.{0,80}\\b(?:with|in|including|using|such as)\\s+");
  /** "MySQL databases": a closing common noun, in lower case ("Google Cloud Platform" keeps its name). */
  private static final Pattern GENERIC_TAIL = Pattern.compile(
      "\\s+(?:databases?|(?:development\\s+)?environments?|technologies|frameworks?|platforms?)\\.?$");
  /** Longer than this, a line is a sentence about skills rather than one. */
  private static final int MAX_ITEM = 80;
  private static final int MAX_ITEM_WITH_EXAMPLES = 200;

  private SkillList() {}

  static List<String> parse(List<String> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String logical : logicalLines(lines.stream().map(line -> PROFILE_NOISE.matcher(line).find() ? "" : line).toList())) {
      boolean bullet = ResumeText.isBullet(logical);
      String text = bullet ? ResumeText.stripBullet(logical) : logical;
      for (String segment : SEGMENT_SEP.split(text)) {
        String content = segment.strip();
        boolean labelled = false;
        Matcher m = LABEL.matcher(content);
        boolean languages = false;
        if (m.matches() && ResumeText.words(m.group(1)) <= 6) {
          content = m.group(2).strip();
          labelled = true;
          languages = LANGUAGES_LABEL.matcher(m.group(1)).find();
        }
        if (content.isEmpty()) {
          continue;
        }
        List<String> items;
        int longest = MAX_ITEM;
        // a phrase ("Java and Spring, with Hibernate and JPA"), unless a sentence lists things ("Programming in Java, C++, ...")
        if (bullet && !labelled && content.contains(" and ") && !listingSentence(content)) {
          items = List.of(content);
        } else if (hasTopLevelComma(content)) {
          items = ResumeFields.commaPieces(content);
          if (items.stream().anyMatch(item -> EXAMPLES.matcher(item).find())) {
            items = List.of(content);
            longest = MAX_ITEM_WITH_EXAMPLES;
          } else {
            items = lastTwoNamesSplit(withoutLeadIn(items), languages);
          }
        } else if (labelled) {
          items = lastTwoNamesSplit(List.of(content), languages);
        } else {
          items = chips(content);
        }
        for (String item : items) {
          String clean = clean(item);
          if (!clean.isEmpty() && clean.length() <= longest) {
            out.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
          }
        }
      }
    }
    return new ArrayList<>(out.values());
  }

  /** Rejoins wrapped comma lists ("..., Google Cloud" / "Platform, Firebase, ..."). */
  private static List<String> logicalLines(List<String> lines) {
    List<String> out = new ArrayList<>();
    boolean open = false;
    for (String line : lines) {
      if (line.isEmpty()) {
        open = false;
        continue;
      }
      boolean labelled = LABEL.matcher(ResumeText.stripBullet(line)).matches();
      if (open && !ResumeText.isBullet(line) && !labelled && out.get(out.size() - 1).length() < ResumeEntries.MAX_JOINED) {
        int last = out.size() - 1;
        out.set(last, out.get(last) + " " + line);
      } else {
        out.add(line);
      }
      String cur = out.get(out.size() - 1);
      open = !ResumeText.isBullet(cur) && (hasTopLevelComma(cur) || cur.endsWith(","));
      if (ResumeText.isBullet(cur) && cur.endsWith(",")) {
        open = true;
      }
    }
    return out;
  }

  private static boolean hasTopLevelComma(String s) {
    return ResumeFields.commaPieces(s).size() > 1;
  }

  private static boolean listingSentence(String content) {
    List<String> pieces = ResumeFields.commaPieces(content);
    return pieces.size() >= 3 && ResumeText.words(pieces.get(0)) >= 3 && LEAD_IN.matcher(pieces.get(0)).lookingAt();
  }

  /**
   * A sentence that lists skills ("Programming in Java, C++, and Perl", "Application development with Oracle 8i,
   * Sybase, and MySQL databases"): the first item is what follows its lead-in, the last one loses a closing generic noun.
   */
  private static List<String> withoutLeadIn(List<String> items) {
    List<String> out = new ArrayList<>(items);
    Matcher lead = LEAD_IN.matcher(out.get(0));
    if (ResumeText.words(out.get(0)) >= 3 && lead.lookingAt() && lead.end() < out.get(0).length()) {
      out.set(0, out.get(0).substring(lead.end()));
      int last = out.size() - 1;
      String trimmed = GENERIC_TAIL.matcher(out.get(last)).replaceFirst("");
      out.set(last, trimmed.isBlank() ? out.get(last) : trimmed);
    }
    return out;
  }

  /**
   * "MySQL, Oracle and PostgreSQL", "VMware and Mac OS" -> the last piece is two names; plain words are two only in a list
   * of languages ("English and French"): "Research and Development", "Sales and Marketing" are one skill.
   */
  private static List<String> lastTwoNamesSplit(List<String> items, boolean languages) {
    String last = ResumeText.trimPunct(items.get(items.size() - 1));
    Matcher two = TWO_NAMES.matcher(last);
    if (!two.matches() || !languages && !isProductName(two.group(1)) && !isProductName(two.group(2))) {
      return items;
    }
    List<String> out = new ArrayList<>(items.subList(0, items.size() - 1));
    out.add(two.group(1));
    out.add(two.group(2));
    return out;
  }

  /** "VMware", "Mac OS", "C++", "Node.js", "S3": written as a product's name, not as a plain word. */
  private static boolean isProductName(String text) {
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isUpperCase(c) || Character.isDigit(c) || "+#./".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }

  /** "Go Python Node.js TypeScript" -> four items; "Microsoft Office software" stays whole. */
  private static List<String> chips(String content) {
    String[] tokens = content.split("\\s+");
    if (tokens.length < 3 || content.indexOf('(') >= 0) {
      return List.of(content);
    }
    for (String t : tokens) {
      boolean upperOrDigit = false;
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (Character.isUpperCase(c) || Character.isDigit(c)) {
          upperOrDigit = true;
          break;
        }
      }
      if (!upperOrDigit || t.length() > 25) {
        return List.of(content);
      }
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      String t = tokens[i];
      String lower = t.toLowerCase(Locale.ROOT);
      if (!out.isEmpty()) {
        String prev = out.get(out.size() - 1);
        String prevLast = prev.substring(prev.lastIndexOf(' ') + 1).toLowerCase(Locale.ROOT);
        if (GLUE_BEFORE.contains(lower) || GLUE_AFTER.contains(prevLast) && prev.indexOf(' ') < 0) {
          out.set(out.size() - 1, prev + " " + t);
          continue;
        }
      }
      out.add(t);
    }
    return out;
  }

  private static String clean(String item) {
    String s = ResumeText.trimPunct(ResumeText.squash(item));
    s = AND_SOME.matcher(s).replaceFirst("");
    while (s.endsWith(".") && !s.toLowerCase(Locale.ROOT).endsWith(".js") && s.length() > 1
        && !s.endsWith("..") && s.indexOf('.') == s.length() - 1) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }
}
