package dev.candor.ingest.resume;

import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jobs written as a form, one labelled field a line ("Date: Oct 2016 – present" / "Position: Compliance Manager" /
 * "Company: Zhongtai Ltd", or a consultant's "Client: Northern Trust, Chicago, IL"), as CV templates and recruiters'
 * forms lay them out, with or without an experience heading.
 * Two or more such lines of different kinds, one of them a title or an employer, make a job; the lines below, up to a
 * blank line, the next job, a heading or a label of its own ("Others:"), are its highlights.
 */
final class LabelledJobs {

  private enum Field { DATES, TITLE, COMPANY }

  private static final Pattern LABEL = Pattern.compile(
      "^(date|dates|period|duration|tenure|position|job title|title|role|designation|company|employer|organi[sz]ation|client)"
          + "\\s*[:：]\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);
  private static final int MAX_FIELDS = 4;
  /** "Responsibilities:": the label of a job's own highlights. */
  private static final Pattern DUTIES = Pattern.compile(
      "(?i)(?:key\\s+)?(?:responsibilities|duties|roles? (?:and|&) responsibilities|achievements|accomplishments|tasks)\\s*:?");
  /** "Past employment:", "Others:": a line that labels what follows ends a job's highlights. */
  private static final Pattern LABEL_LINE = Pattern.compile("^[^:]{1,40}:\\s*$");

  /** The jobs found, and the document's lines without them. */
  record Found(List<Resume.Experience> jobs, List<String> rest) {}

  private LabelledJobs() {}

  static Found extract(List<String> lines) {
    List<Resume.Experience> jobs = new ArrayList<>();
    List<String> rest = new ArrayList<>();
    int i = 0;
    while (i < lines.size()) {
      int end = fieldsEnd(lines, i);
      if (end == i) {
        rest.add(lines.get(i++));
        continue;
      }
      String dates = null;
      String title = null;
      String company = null;
      // fieldsEnd took each kind once.
      for (int k = i; k < end; k++) {
        Matcher m = LABEL.matcher(lines.get(k).strip());
        m.matches();
        String value = m.group(2).strip();
        switch (field(m.group(1))) {
          case DATES -> dates = value;
          case TITLE -> title = value;
          case COMPANY -> company = withoutLocation(value);
        }
      }
      int k = end;
      if (dates == null && k < lines.size() && isDatesOnly(lines.get(k))) {
        // dates printed right under the fields are theirs
        dates = lines.get(k++).strip();
      } else if (dates == null) {
        dates = datesAbove(rest);
      }
      List<String> highlights = new ArrayList<>();
      // "Responsibilities:" and the blank lines around it introduce the highlights
      int introduced = k;
      while (introduced < lines.size() && (lines.get(introduced).isBlank() || DUTIES.matcher(lines.get(introduced).strip()).matches())) {
        introduced++;
      }
      if (introduced > k && introduced < lines.size() && (ResumeText.isBullet(lines.get(introduced))
          || lines.subList(k, introduced).stream().anyMatch(line -> !line.isBlank()))) {
        k = introduced;
      }
      while (k < lines.size() && !lines.get(k).isBlank() && fieldsEnd(lines, k) == k && !isDatesOnly(lines.get(k))
          && !SectionSplitter.isHeading(lines.get(k)) && !LABEL_LINE.matcher(lines.get(k).strip()).matches()) {
        highlights.add(ResumeText.stripBullet(lines.get(k)).strip());
        k++;
      }
      DateRanges.Found range = dates == null ? null : DateRanges.find(dates);
      jobs.add(new Resume.Experience(company, title, range == null ? null : range.start(), range == null ? null : range.end(),
          range == null ? dates : range.text(), null, highlights));
      i = k;
    }
    return new Found(jobs, rest);
  }

  /**
   * A line of dates alone just above the fields ("Mar - 2023 to Current", a text box Word anchors there): the job's dates,
   * taken out of the lines read as usual.
   */
  private static String datesAbove(List<String> rest) {
    int k = rest.size() - 1;
    while (k >= 0 && rest.get(k).isBlank()) {
      k--;
    }
    if (k < 0) {
      return null;
    }
    if (!isDatesOnly(rest.get(k))) {
      return null;
    }
    return rest.remove(k).strip();
  }

  private static boolean isDatesOnly(String line) {
    DateRanges.Found found = DateRanges.range(line);
    return found != null && ResumeText.trimPunct(line.substring(0, found.from()) + line.substring(found.to())).isEmpty();
  }

  /** Where the run of labelled job fields starting at {@code from} ends; {@code from} when there is no job there. */
  private static int fieldsEnd(List<String> lines, int from) {
    Set<Field> kinds = EnumSet.noneOf(Field.class);
    int k = from;
    while (k < lines.size() && k - from < MAX_FIELDS) {
      Matcher m = LABEL.matcher(lines.get(k).strip());
      if (!m.matches() || !kinds.add(field(m.group(1)))) {
        break;
      }
      k++;
    }
    boolean job = kinds.size() >= 2 && (kinds.contains(Field.TITLE) || kinds.contains(Field.COMPANY));
    return job ? k : from;
  }

  /** "Northern Trust, Chicago, IL": the employer, without the place that follows it. */
  private static String withoutLocation(String value) {
    String[] parts = value.split(",");
    for (int cut = 1; cut < parts.length; cut++) {
      if (ContactExtractor.isLocation(String.join(",", Arrays.copyOfRange(parts, cut, parts.length)).strip())) {
        return String.join(",", Arrays.copyOfRange(parts, 0, cut)).strip();
      }
    }
    return value;
  }

  private static Field field(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "date", "dates", "period", "duration", "tenure" -> Field.DATES;
      case "position", "job title", "title", "role", "designation" -> Field.TITLE;
      default -> Field.COMPANY;
    };
  }
}
