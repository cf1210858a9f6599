package dev.candor.ingest.resume;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A heuristic resume parser: plain resume text in, a structured {@link Resume} out. It works line by
 * line: sections are found at their headings ({@link SectionSplitter}), contact details in the lines
 * before them ({@link ContactExtractor}), jobs, schools and projects cut into entries at their heading
 * and date lines ({@link ResumeEntries}, {@link DateRanges}), skills split into single items
 * ({@link SkillList}). No model and no network; it never throws, and its work is bounded (inputs
 * beyond {@value ResumeText#MAX_CHARS} characters are parsed up to that length).
 */
public final class ResumeParser {

  private static final Logger log = LoggerFactory.getLogger(ResumeParser.class);

  private static final int HEADER_LINES = 40;
  private static final Pattern CONTACT_BITS = Pattern.compile(
      "(?i)@|linkedin|github|https?://|www\\.|\\(\\d{3}\\)|\\d{3}[-.\\s]\\d{3}[-.\\s]\\d{4}");

  /** "N/A", "None", "-": a summary left empty. */
  private static final Pattern NOTHING = Pattern.compile("(?i)n/?a|none|nil|-+|tbd");
  /** Words that end a certificate's name on its own: "Certified ScrumMaster" reads as one, "Scrum Alliance" does not. */
  private static final String CERTIFICATE_WORDS = "certification|certified|licen[cs]e";
  private static final String INITIALS = "\\(\\p{Lu}[\\p{Lu}\\d-]{1,11}\\)$";
  private static final Pattern CERTIFICATE_END = Pattern.compile("(?i:\\b(?:" + CERTIFICATE_WORDS + "))$");
  /** A credential among others on one line: a certificate's word, a course's, or its initials ("(SCI)"). */
  private static final Pattern CREDENTIAL_END = Pattern.compile(
      "(?i:\\b(?:" + CERTIFICATE_WORDS + "|training|testing|certificate|awareness|course|diploma))$|" + INITIALS);
  /** "Project Management Professional (PMP)": initials after a credential's own word, not a school's or a degree's. */
  private static final Pattern CREDENTIAL_WITH_INITIALS = Pattern.compile(
      "(?i:\\b(?:professional|certified|accredited|licensed|practitioner|specialist)\\b).*" + INITIALS);

  private ResumeParser() {}

  /** Parses resume text; {@code rawText} of the result is the input. Never throws. */
  public static Resume parse(String text) {
    if (text == null || text.isBlank()) {
      return new Resume(null, null, null, null, null, null, null, null, null, null, null, null, text);
    }
    try {
      return parseLines(text);
    } catch (RuntimeException | StackOverflowError e) {
      log.warn("Resume parsing failed; returning the raw text only", e);
      return new Resume(null, null, null, null, null, null, null, null, null, null, null, null, text);
    }
  }

  private static Resume parseLines(String text) {
    List<String> all = ResumeText.lines(text);
    int width = width(all);
    // Jobs laid out as labelled fields are read wherever they are, and the rest is read as usual.
    LabelledJobs.Found labelled = LabelledJobs.extract(all);
    List<String> lines = labelled.rest();
    List<SectionSplitter.Section> sections = SectionSplitter.split(lines);

    List<String> header = new ArrayList<>();
    String summary = null;
    List<Resume.Experience> experience = new ArrayList<>(labelled.jobs());
    List<Resume.Education> education = new ArrayList<>();
    List<String> skills = new ArrayList<>();
    List<Resume.Project> projects = new ArrayList<>();
    List<String> certifications = new ArrayList<>();
    for (SectionSplitter.Section s : sections) {
      switch (s.kind()) {
        case HEADER -> header.addAll(s.lines().subList(0, Math.min(HEADER_LINES, s.lines().size())));
        case CONTACT -> header.addAll(s.lines().subList(0, Math.min(HEADER_LINES, s.lines().size())));
        case SUMMARY -> {
          String written = prose(s.lines());
          if (summary == null && written != null && !NOTHING.matcher(written).matches()) {
            summary = written;
          }
        }
        case EXPERIENCE -> experience.addAll(ResumeExperience.parse(s.lines(), width));
        case EDUCATION -> {
          List<String> schooling = new ArrayList<>();
          for (String line : s.lines()) {
            if (isCertificate(line)) {
              certifications.add(ResumeText.stripBullet(line));
            } else {
              schooling.add(line);
            }
          }
          education.addAll(ResumeEducation.parse(schooling, width));
        }
        case SKILLS -> addAllNew(skills, SkillList.parse(s.lines()));
        case PROJECTS -> projects.addAll(ResumeProjects.parse(s.lines(), width));
        case CERTIFICATIONS -> certifications.addAll(credentials(items(s.lines(), 0)));
        default -> {
        }
      }
    }
    List<String> headerOnly = sections.get(0).lines();
    ContactExtractor.Contact contact = ContactExtractor.extract(lines, header);
    if (summary == null) {
      summary = headerSummary(headerOnly, contact.name());
    }
    return new Resume(contact.name(), contact.email(), contact.phone(), contact.location(), contact.linkedin(),
        contact.github(), summary, experience, education, skills, projects, certifications, text);
  }

  /** The length of the document's longest lines: lines near it were probably wrapped. */
  private static int width(List<String> lines) {
    int max = 0;
    int count = 0;
    for (String l : lines) {
      max = Math.max(max, l.length());
      count += l.isEmpty() ? 0 : 1;
    }
    // too few lines to tell a wrapped line from a long one
    return count < 20 ? 0 : max;
  }

  /** Paragraph text: lines joined with spaces (hyphenated line breaks mended), bullet glyphs dropped. */
  static String prose(List<String> lines) {
    String out = "";
    for (String line : lines) {
      if (line.isEmpty()) {
        continue;
      }
      out = ResumeText.join(out, ResumeText.stripBullet(line));
    }
    return ResumeText.blankToNull(out);
  }

  /** One item per bullet or line (wrapped lines joined), for certifications. */
  private static List<String> items(List<String> lines, int width) {
    List<String> out = new ArrayList<>();
    for (ResumeEntries.Item it : ResumeEntries.items(lines, width)) {
      String t = ResumeText.trimPunct(it.text());
      if (t.isEmpty() || it.type() == ResumeEntries.Type.DATE && it.date() != null
          && it.text().strip().equals(it.date().text())) {
        continue;
      }
      out.add(t);
    }
    return out;
  }

  /**
   * Certificates as single items: a year printed after one ("Standard First Aid   2022") is dropped, and a line that lists
   * several ("AODA Training, WHMIS Training") is split when every piece reads as a credential on its own, so "Oracle
   * Certified Professional, Java SE 8 Programmer" stays whole.
   */
  private static List<String> credentials(List<String> items) {
    List<String> out = new ArrayList<>();
    for (String item : items.stream().flatMap(item -> cells(item).stream()).toList()) {
      DateRanges.Found date = DateRanges.find(item);
      String text = item;
      if (date != null && date.to() == item.length() && date.from() > 0) {
        text = ResumeText.trimPunct(item.substring(0, date.from()));
      }
      List<String> pieces = ResumeFields.commaPieces(text);
      if (pieces.size() > 1 && pieces.stream().allMatch(p -> CREDENTIAL_END.matcher(p).find())) {
        out.addAll(pieces);
      } else {
        out.add(text);
      }
    }
    return out;
  }

  /**
   * A row of columns: "CMFAS M3   CMFAS M5" holds two certificates; a row with a date column ("Certified ScrumMaster
   * Scrum Alliance   2020", "Standard First Aid   2022") is one certificate with its issuer and date.
   */
  private static List<String> cells(String row) {
    List<String> cells = Arrays.stream(row.split("\\s{3,}")).map(String::strip).filter(cell -> !cell.isEmpty()).toList();
    boolean dated = cells.stream().anyMatch(cell -> cell.chars().noneMatch(Character::isLetter) || DateRanges.range(cell) != null);
    if (cells.size() < 2) {
      return List.of(row);
    }
    return dated ? List.of(cells.get(0)) : cells;
  }

  /**
   * A certificate listed among the schools ("Project Management Professional (PMP)", "Dale Carnegie Institute
   * Certification"): a short line that ends as a credential, is no degree and has no dates; a school named with its
   * initials ("University of Southern California (USC)") stays a school.
   */
  private static boolean isCertificate(String line) {
    String text = ResumeText.stripBullet(line);
    if (text.isEmpty() || ResumeText.words(text) > 8 || ResumeEducation.isDegree(text) || DateRanges.find(text) != null) {
      return false;
    }
    return CERTIFICATE_END.matcher(text).find() || CREDENTIAL_WITH_INITIALS.matcher(text).find() && !ResumeEducation.isSchool(text);
  }

  /** Without a summary heading: a sentence-like tagline printed under the name, above the contacts. */
  private static String headerSummary(List<String> header, String name) {
    int seen = 0;
    for (String line : header) {
      if (line.isEmpty()) {
        continue;
      }
      if (++seen > 6 || CONTACT_BITS.matcher(line).find()) {
        return null;
      }
      // a headline ("Data Analyst at Tech in Asia") is not a summary
      if (ResumeText.words(line) >= 6 && (name == null || !line.contains(name) && !spells(line, name))
          && DateRanges.find(line) == null && !ResumeFields.isTitleAtCompany(line)) {
        return line;
      }
    }
    return null;
  }

  /** "M a r i a   G a r c i a" spells "Maria Garcia". */
  private static boolean spells(String line, String name) {
    return line.replaceAll("\\s+", "").equalsIgnoreCase(name.replaceAll("\\s+", ""));
  }

  private static void addAllNew(List<String> target, List<String> items) {
    for (String item : items) {
      if (target.stream().noneMatch(t -> t.equalsIgnoreCase(item))) {
        target.add(item);
      }
    }
  }
}
