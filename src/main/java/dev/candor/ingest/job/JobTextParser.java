package dev.candor.ingest.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A job description given as plain text (or Markdown-ish text) goes through the same splitter as pages. */
public final class JobTextParser {

  private static final Logger log = LoggerFactory.getLogger(JobTextParser.class);

  static final int MAX_TEXT = 1_000_000;
  private static final Pattern BULLET = Pattern.compile(
      "^\\s*(?:[-*+•·▪◦●○■□►▸➢➤✓✔→–—]|\\d{1,2}[.)]|\\(\\d{1,2}\\))\\s+(.*)$");
  private static final Pattern MARKDOWN_HEADING = Pattern.compile("^\\s*#{1,6}\\s+(.+?)\\s*#*\\s*$");
  private static final Pattern BOLD_LINE = Pattern.compile("^\\s*(?:\\*\\*|__)(.+?)(?:\\*\\*|__)\\s*:?\\s*$");
  private static final Pattern TITLE_AT = Pattern.compile("^(.{2,80}?)\\s+(?:at|@)\\s+(.{2,60})$");

  private JobTextParser() {}

  /** Parses a plain-text job description. Never throws. */
  public static ParsedJob parse(String text) {
    try {
      String t = text == null ? "" : text;
      if (t.length() > MAX_TEXT) {
        t = t.substring(0, MAX_TEXT);
      }
      List<JobLine> lines = lines(t);
      JobDraft d = new JobDraft();
      d.descriptionLines(lines);
      titleFromFirstLine(lines, d);
      return d.finish(JobBoards.OTHER);
    } catch (RuntimeException | StackOverflowError e) {
      log.warn("Job text parsing failed; returning an empty posting", e);
      return new ParsedJob(null, null, JobBoards.OTHER);
    }
  }

  /** The first line as title when it looks like one ("Senior Engineer at Acme" also gives the company). */
  private static void titleFromFirstLine(List<JobLine> lines, JobDraft d) {
    if (lines.isEmpty()) {
      return;
    }
    JobLine first = lines.get(0);
    String t = first.text();
    if (first.kind() == JobLine.Kind.BULLET || t.length() > 100 || t.endsWith(".")
        || JobSections.classify(t) != null || t.contains(":")) {
      return;
    }
    Matcher m = TITLE_AT.matcher(t);
    if (m.matches()) {
      d.title(m.group(1));
      d.company(m.group(2));
    } else if (t.split("\\s+").length <= 10) {
      d.title(t);
    }
  }

  /** Text lines: bullets by their markers, headings by name, Markdown, or a short line ending in ":". */
  static List<JobLine> lines(String text) {
    List<JobLine> out = new ArrayList<>();
    String[] raw = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    StringBuilder para = null;
    for (String r : raw) {
      if (out.size() >= HtmlLines.MAX_LINES) {
        break;
      }
      String line = HtmlLines.clean(r);
      if (line.isEmpty()) {
        para = flush(para, out);
        continue;
      }
      Matcher md = MARKDOWN_HEADING.matcher(line);
      Matcher bold = BOLD_LINE.matcher(line);
      Matcher bullet = BULLET.matcher(line);
      if (md.matches()) {
        para = flush(para, out);
        out.add(JobLine.heading(stripMarkdown(md.group(1))));
      } else if (bold.matches() && bold.group(1).length() <= 100) {
        para = flush(para, out);
        out.add(JobLine.heading(stripMarkdown(bold.group(1))));
      } else if (bullet.matches() && !bullet.group(1).isBlank()) {
        para = flush(para, out);
        out.add(JobLine.bullet(stripMarkdown(bullet.group(1).strip())));
      } else if (JobSections.isHeading(JobLine.text(line)) || allCapsHeading(line)) {
        para = flush(para, out);
        out.add(JobLine.heading(line));
      } else if (para != null && startsLower(line)) {
        // A wrapped line continues its paragraph (or bullet).
        para.append(' ').append(stripMarkdown(line));
      } else if (para == null && !out.isEmpty() && out.get(out.size() - 1).kind() == JobLine.Kind.BULLET
          && startsLower(line)) {
        JobLine last = out.remove(out.size() - 1);
        out.add(JobLine.bullet(last.text() + " " + stripMarkdown(line)));
      } else {
        para = flush(para, out);
        para = new StringBuilder(stripMarkdown(line));
      }
    }
    flush(para, out);
    return out;
  }

  private static StringBuilder flush(StringBuilder para, List<JobLine> out) {
    if (para != null && para.length() > 0) {
      out.add(JobLine.text(para.toString()));
    }
    return null;
  }

  private static boolean startsLower(String line) {
    return !line.isEmpty() && Character.isLowerCase(line.charAt(0));
  }

  private static boolean allCapsHeading(String line) {
    if (line.length() < 3 || line.length() > 50 || line.endsWith(".")) {
      return false;
    }
    int letters = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (Character.isDigit(c)) {
        return false;
      }
      if (Character.isLetter(c)) {
        letters++;
        if (Character.isLowerCase(c)) {
          return false;
        }
      }
    }
    // Single all-caps words are often list items ("AWS", "SQL"); known headings are caught by name.
    return letters >= 8 && line.strip().contains(" ");
  }

  private static String stripMarkdown(String s) {
    return s.replaceAll("(\\*\\*|__)", "").strip();
  }
}
