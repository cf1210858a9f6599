package dev.candor.ingest.resume;

import dev.candor.ingest.Whitespace;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-level helpers for resume text: normalisation, bullets, wrapped lines, page furniture. */
final class ResumeText {

  /** Work is bounded: text beyond this is ignored by the parser (the raw text keeps everything). */
  static final int MAX_CHARS = 100_000;
  static final int MAX_LINE = 600;
  static final int MAX_LINES = 6_000;

  private static final String OCR_BULLETS = "e«©®°¢~";
  private static final String BULLET_GLYPHS =
      "•▪▫●○◦◉◎■□▸▹►▻▶▷➢➣➤➔→⇒✓✔✗✘❖◆◇♦⬥⬦⦿⦾∙⋅·‣⁃∗★☆✦✧❯›»";
  /** "community-" + "driven": a compound's second word, so the hyphen is real. */
  private static final Pattern COMPOUND_TAIL = Pattern.compile(
      "(?:driven|based|oriented|level|time|end|scale|facing|ready|aware|friendly|free|specific|like|related|term"
          + "|wide|first|native|source|side|stack|world|focused|centric|made|owned|led|run|year|month|week|day"
          + "|quality|class|hand|house|line|up|out|on|off|in|to|the|of|and|new|based)\\b");
  /** Four characters, at least two of them digits, the others letters OCR mistakes for digits. */
  private static final Pattern OCR_YEAR = Pattern.compile("(?<![\\p{L}\\d])[12][0-9OoIl]{3}(?![\\p{L}\\d])");
  private static final Pattern PAGE_FURNITURE = Pattern.compile(
      "(?i)^(?:\\d{1,3}|page\\s?\\d{1,3}(?:\\s?(?:of|/)\\s?\\d{1,3})?|\\d{1,3}\\s?(?:of|/)\\s?\\d{1,3}"
          + "|.{0,40}\\s[-–—]\\s\\d{1,2}\\s?/\\s?\\d{1,2})$");

  private ResumeText() {}

  /**
   * Splits text into trimmed lines: newlines unified, control and zero-width characters dropped,
   * non-breaking spaces made spaces, tabs kept as a column break ("   "), over-long lines cut at a
   * space, page numbers and "Name – 1/2" footers dropped, and a date range broken over two lines
   * ("June 2022 –" / "Present") joined. Blank lines are kept as "".
   */
  static List<String> lines(String text) {
    List<String> out = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    String t = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    StringBuilder sb = new StringBuilder(t.length());
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '\r') {
        if (i + 1 < t.length() && t.charAt(i + 1) == '\n') {
          continue;
        }
        c = '\n';
      }
      if (c == '\u000B' || c == '\f' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
        c = '\n';
      }
      if (c == '\t') {
        sb.append("   ");
        continue;
      }
      if (c == '\u00A0' || c == '\u2007' || c == '\u202F' || (c >= '\u2000' && c <= '\u200A')) {
        c = ' ';
      }
      if (c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\uFEFF' || c == '\u00AD') {
        continue;
      }
      if (c != '\n' && Character.isISOControl(c)) {
        continue;
      }
      sb.append(c);
    }
    for (String raw : sb.toString().split("\n", -1)) {
      String line = raw.strip();
      while (line.length() > MAX_LINE) {
        int cut = line.lastIndexOf(' ', MAX_LINE);
        if (cut < MAX_LINE / 2) {
          cut = MAX_LINE;
        }
        out.add(line.substring(0, cut).strip());
        line = line.substring(cut).strip();
      }
      if (PAGE_FURNITURE.matcher(line).matches() && DateRanges.find(line) == null) {
        continue;
      }
      line = ocrYears(line);
      if (!line.isEmpty() && line.codePoints().noneMatch(Character::isLetterOrDigit) && bulletLength(line + " x") == 0) {
        // a rule ("______") or an OCR layer's specks ("| ~"): a break, nothing to read
        line = "";
      }
      if (!out.isEmpty() && !line.isEmpty() && DateRanges.startsWithDate(line)) {
        String prev = out.get(out.size() - 1);
        if (DateRanges.endsDangling(prev)) {
          out.set(out.size() - 1, prev + " " + line);
          continue;
        }
      }
      out.add(line);
      if (out.size() >= MAX_LINES) {
        break;
      }
    }
    return out;
  }

  /** "2O19", "20l8": a year an OCR layer read with a letter for a digit. */
  private static String ocrYears(String line) {
    if (line.indexOf('O') < 0 && line.indexOf('o') < 0 && line.indexOf('l') < 0 && line.indexOf('I') < 0) {
      return line;
    }
    Matcher m = OCR_YEAR.matcher(line);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String read = m.group();
      String digits = read.replace('O', '0').replace('o', '0').replace('l', '1').replace('I', '1');
      int year = Integer.parseInt(digits);
      boolean mostlyDigits = read.chars().filter(Character::isDigit).count() >= 2;
      m.appendReplacement(out, mostlyDigits && year >= 1950 && year <= 2039 ? digits : read);
    }
    m.appendTail(out);
    return out.toString();
  }

  /** Whether the line starts with a bullet glyph: "• x", "- x", "* x", "– x", "➢x", "o x", "1. x". */
  static boolean isBullet(String line) {
    return bulletLength(line) > 0;
  }

  /** The line without its bullet glyph. */
  static String stripBullet(String line) {
    int n = bulletLength(line);
    return n > 0 ? line.substring(n).strip() : line.strip();
  }

  private static int bulletLength(String line) {
    if (line == null || line.length() < 2) {
      return 0;
    }
    char c = line.charAt(0);
    char next = line.charAt(1);
    boolean glyph = BULLET_GLYPHS.indexOf(c) >= 0 || (c >= '\uE000' && c <= '\uF8FF')
        || (c >= '\u25A0' && c <= '\u25FF') || (c >= '\u2794' && c <= '\u27BF');
    int n;
    if (glyph) {
      n = 1;
    } else if ((c == '-' || c == '*' || c == '–' || c == '—' || c == '+' || c == '>' || c == 'o')
        && next == ' ') {
      n = 1;
    } else if (OCR_BULLETS.indexOf(c) >= 0 && next == ' ' && line.length() > 2 && Character.isUpperCase(line.charAt(2))) {
      // a bullet an OCR layer read as a letter or sign ("e Designed...", "« Led...")
      n = 1;
    } else if (Character.isDigit(c) && (next == '.' || next == ')') && line.length() > 2 && line.charAt(2) == ' ') {
      n = 2;
    } else {
      return 0;
    }
    // a double glyph ("• -") or glyph + spaces
    while (n < line.length() && (line.charAt(n) == ' ' || BULLET_GLYPHS.indexOf(line.charAt(n)) >= 0)) {
      n++;
    }
    return n >= line.length() ? 0 : n;
  }

  /** Joins a wrapped line onto the previous text, removing line-end hyphenation ("deploy-" + "ment"). */
  static String join(String previous, String next) {
    if (previous.isEmpty()) {
      return next;
    }
    if (next.isEmpty()) {
      return previous;
    }
    int n = previous.length();
    if (n > 1 && previous.charAt(n - 1) == '-' && Character.isLetter(previous.charAt(n - 2))
        && Character.isLowerCase(next.charAt(0))) {
      // "deploy-" + "ment" -> "deployment", but "community-" + "driven" -> "community-driven"
      return COMPOUND_TAIL.matcher(next).lookingAt() ? previous + next : previous.substring(0, n - 1) + next;
    }
    return previous + " " + next;
  }

  /** Collapses runs of white space to one space. */
  static String squash(String s) {
    return Whitespace.collapse(s);
  }

  static int words(String s) {
    if (s == null || s.isBlank()) {
      return 0;
    }
    return s.strip().split("\\s+").length;
  }

  static boolean startsLower(String s) {
    return !s.isEmpty() && Character.isLowerCase(s.charAt(0));
  }

  /** Null for blank strings, else the trimmed string. */
  static String blankToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }

  /** Trims separators and stray punctuation from both ends ("| Tech Corp ,"). */
  static String trimPunct(String s) {
    if (s == null) {
      return "";
    }
    int a = 0;
    int b = s.length();
    while (a < b && isEdgeJunk(s.charAt(a))) {
      a++;
    }
    while (b > a && isEdgeJunk(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }

  private static boolean isEdgeJunk(char c) {
    return Character.isWhitespace(c) || c == ',' || c == ';' || c == '|' || c == ':' || c == '/'
        || c == '-' || c == '–' || c == '—' || c == '•' || c == '·' || c == '@'
        || (c >= '\uE000' && c <= '\uF8FF') || BULLET_GLYPHS.indexOf(c) >= 0;
  }
}
