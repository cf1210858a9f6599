package dev.candor.interview;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Text helpers shared by the planner, the analyser and the report: resume and job fragments are
 * written by people and parsers, so they arrive with bullets, ellipses and odd spacing that must be
 * tidied before they are spoken back to the candidate.
 */
final class Phrases {

  private static final Pattern SPACES = Pattern.compile("\\s+");
  // The ends of a fragment are trimmed by walking in from them: a pattern anchored at the end is still
  // tried from every position of the text.
  /** What {@code \\s} matches in a regular expression. */
  static final String WHITESPACE = " \t\n\u000B\f\r";
  private static final String BULLETS = WHITESPACE + "•·*-–—>";
  private static final String TRAILING_PUNCTUATION = WHITESPACE + ".,;:!?…-–—";
  /** A final period that belongs to the name: "Tech Corp Inc." keeps it. */
  private static final Set<String> ABBREVIATIONS = Set.of("inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "st");

  /** Words that read badly at the end of a clipped fragment ("... using Python and"). */
  private static final Set<String> DANGLING = Set.of(
      "a", "an", "the", "and", "or", "of", "to", "for", "with", "using", "in", "on", "at", "by", "from",
      "as", "into", "via", "that", "which", "while", "across", "including", "our", "your", "their", "its");

  /** Stopwords for picking the significant words of a phrase. */
  static final Set<String> STOPWORDS = Set.of(
      "a", "an", "the", "and", "or", "but", "of", "to", "for", "with", "using", "in", "on", "at", "by",
      "from", "as", "into", "via", "that", "this", "these", "those", "which", "while", "across", "is", "are",
      "was", "were", "be", "been", "being", "have", "has", "had", "do", "does", "did", "it", "its", "our",
      "your", "their", "my", "we", "you", "they", "i", "me", "us", "them", "he", "she", "his", "her", "will",
      "would", "can", "could", "should", "may", "might", "must", "not", "no", "all", "any", "some", "more",
      "most", "other", "such", "than", "then", "so", "very", "also", "just", "about", "over", "under", "up",
      "out", "what", "when", "where", "who", "how", "why", "there", "here", "if", "each", "per", "own",
      "well", "etc", "including", "within", "both", "new", "work");

  private Phrases() {}

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Collapses whitespace, strips list bullets and trailing punctuation or ellipses. */
  static String tidy(String s) {
    if (s == null) {
      return "";
    }
    String t = SPACES.matcher(s).replaceAll(" ").trim();
    int start = 0;
    while (start < t.length() && BULLETS.indexOf(t.charAt(start)) >= 0) {
      start++;
    }
    t = t.substring(start);
    return endsWithAbbreviation(t) ? t : withoutTrailingPunctuation(t);
  }

  private static String withoutTrailingPunctuation(String s) {
    int end = s.length();
    while (end > 0 && TRAILING_PUNCTUATION.indexOf(s.charAt(end - 1)) >= 0) {
      end--;
    }
    return s.substring(0, end);
  }

  /** "... Inc.": a final period after one of the abbreviations, as a whole word. */
  private static boolean endsWithAbbreviation(String s) {
    if (!s.endsWith(".")) {
      return false;
    }
    int start = s.length() - 1;
    while (start > 0 && isWordChar(s.charAt(start - 1))) {
      start--;
    }
    return ABBREVIATIONS.contains(s.substring(start, s.length() - 1).toLowerCase(Locale.ROOT));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  /**
   * Shortens a tidied fragment to at most {@code max} characters at a word boundary, dropping
   * dangling connectors, so a question built around it still reads as a sentence.
   */
  static String clip(String s, int max) {
    String t = tidy(s);
    if (t.length() <= max) {
      return t;
    }
    int cut = t.lastIndexOf(' ', max);
    String head = cut > 0 ? t.substring(0, cut) : t.substring(0, Math.max(0, max));
    head = withoutTrailingPunctuation(head);
    while (true) {
      int space = head.lastIndexOf(' ');
      String last = head.substring(space + 1).toLowerCase(Locale.ROOT);
      if (space <= 0 || !DANGLING.contains(last)) {
        break;
      }
      head = withoutTrailingPunctuation(head.substring(0, space));
    }
    return head;
  }

  /** A lowercase alphanumeric slug for question ids; symbols that carry meaning are spelled out. */
  static String slug(String s, int max) {
    if (s == null) {
      return "";
    }
    String t = s.toLowerCase(Locale.ROOT).replace("++", "pp").replace("#", "sharp");
    if (t.startsWith(".")) {
      t = "dot" + t.substring(1);
    }
    t = t.replaceAll("[^a-z0-9]", "");
    return t.length() > max ? t.substring(0, max) : t;
  }

  /**
   * Lowercases the first letter unless the first word looks like a name or acronym ("React",
   * "CI/CD"), so a resume bullet can continue a sentence.
   */
  static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    int end = s.indexOf(' ');
    String first = end < 0 ? s : s.substring(0, end);
    boolean nameLike = first.length() > 1 && !first.substring(1).equals(first.substring(1).toLowerCase(Locale.ROOT));
    return nameLike ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  /** "a Senior Engineer", "an Engineering Manager": by the first letter, which is right for job titles. */
  static String withArticle(String noun) {
    boolean vowel = !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + noun;
  }

  /** "a", "a and b", "a, b and c". */
  static String joinNatural(List<String> items) {
    if (items.isEmpty()) {
      return "";
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /**
   * A crude stem so that "mentored", "mentoring" and "mentor" meet: answers rarely repeat the job
   * posting's exact word form.
   */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (String suffix : List.of("ments", "ment", "ings", "ing", "ers", "er", "ed", "es", "s")) {
      boolean doubleS = suffix.equals("s") && w.endsWith("ss");
      if (w.endsWith(suffix) && !doubleS && w.length() - suffix.length() >= 4) {
        return w.substring(0, w.length() - suffix.length());
      }
    }
    return w;
  }

  static double roundToTenth(double value) {
    return Math.round(value * 10.0) / 10.0;
  }
}
