package dev.candor.ingest.resume;

import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads an education section into institution, degree, field of study and year. */
final class ResumeEducation {

  private static final Pattern LONG_DEGREE = Pattern.compile(
      "(?i)^(?:(?:the\\s)?(?:bachelor|master|associate|doctor|doctorate)(?:'s|’s|s)?\\b"
          + "|(?:high school|(?:higher )?secondary(?: school)?|higher national|senior secondary) (?:diploma|certificate)"
          + "|juris doctor|diploma\\b|certificate\\b"
          // the same degrees in the languages of European CVs
          + "|(?:grado|licenciatura|máster|laurea|licence|maîtrise|mestrado|bacharelado|diplom(?:-\\p{L}+)?)\\s)");
  private static final Pattern SHORT_DEGREE = Pattern.compile(
      "^(?:Ph\\.?\\s?D\\.?|D\\.?Phil\\.?|B\\.?\\s?S\\.?c?\\.?|M\\.?\\s?S\\.?c?\\.?|B\\.?\\s?A\\.?|M\\.?\\s?A\\.?"
          + "|M\\.?B\\.?A\\.?|B\\.?\\s?Tech\\.?|M\\.?\\s?Tech\\.?|B\\.?\\s?E\\.?|M\\.?\\s?E\\.?|B\\.?\\s?Eng\\.?"
          + "|M\\.?\\s?Eng\\.?|BBA|BCom|B\\.Com|MCA|BCA|LL\\.?B\\.?|LL\\.?M\\.?|J\\.?D\\.?|M\\.?D\\.?|A\\.?A\\.?S?\\.?"
          + "|A\\.?S\\.?|HND|GED|MPhil|M\\.?Phil\\.?|Ed\\.?D\\.?|MFA|BFA|MPH|MSW|BSN|MSN|BArch|MArch)"
          + "(?:\\s?\\((?:Hons|Honours|Honors)\\.?\\))?(?=$|[\\s,(])");
  private static final Pattern INSTITUTION = Pattern.compile(
      "(?i)\\b(?:universit\\p{L}*|college|institute|institut|school|academy|polytechnic|conservatory|seminary"
          + "|hochschule|escuela|école|ecole|faculty)\\b|^UC\\s|\\bIIT\\b|\\bMIT\\b|\\bUCLA\\b|\\bETH\\b|\\bEPFL\\b");
  private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");
  /** "Course: Bachelor of Science in Nursing": the label before a degree. */
  private static final Pattern PART_LABEL = Pattern.compile("(?i)^(?:course|degree|qualification|diploma|award)\\s*:\\s*");
  /** "Nursing Batch" (of 2010), "Accountancy Graduation Date:": words the removed year leaves behind. */
  private static final Pattern GRADUATION_TAIL = Pattern.compile(
      "(?i)(?:^|\\s+)(?:batch|class of|graduat(?:ed|ion)(?:\\s+date)?|expected(?:\\s+graduation)?|completed|passed out)\\s*:?\\s*$");
  private static final Pattern LEVEL = Pattern.compile(
      "(?i)college|university|high school|secondary(?: school)?|elementary(?: school)?|primary(?: school)?|tertiary|graduate|undergraduate|post-?graduate");
  private static final Pattern INITIALS = Pattern.compile("^(?=(?:[^,]*\\p{Lu}){2})\\p{Lu}[\\p{L}.]{1,7},\\s+(?=\\S)");
  /** Words of subjects one studies, to tell a field printed after the school from the school's campus. */
  private static final Pattern SUBJECT = Pattern.compile(
      "(?i)\\b(?:sciences?|engineering|studies|arts|management|administration|economics|math(?:ematics)?|physics|chemistry"
          + "|biology|nursing|law|medicine|business|finance|accounting|accountancy|design|psychology|history|literature"
          + "|english|education|marketing|computer|computing|information|technology|statistics|philosophy|sociology"
          + "|politic(?:s|al)|communications?|journalism|architecture|music|theology|linguistics|languages|data|analytics"
          + "|health|pharmacy|geography|geology|anthropology|media)\\b");
  private static final Pattern FIELD_AFTER_DEGREE = Pattern.compile("(?i)\\s(?:in|en|em|major(?:ing)? in)\\s+(.+)$");
  private static final Pattern FIELD_LABEL = Pattern.compile(
      "(?i)^(?:major|course of study|field of study|area of study|concentration|speciali[sz]ation|programme|program)\\s*:\\s*(.{2,80})$");
  /** A school's name that follows a word with no separator between them. */
  private static final Pattern RUN_ON_SCHOOL = Pattern.compile("(?<=\\p{L} )(?:University|College|Institute|School|Academy) of\\b");

  private ResumeEducation() {}

  static List<Resume.Education> parse(List<String> lines, int width) {
    List<Resume.Education> out = new ArrayList<>();
    for (ResumeEntries.Entry e : ResumeEntries.split(separated(lines), width, ResumeEducation::complete,
        ResumeEducation::namesASchooling)) {
      String institution = null;
      String degree = null;
      String field = null;
      List<String> rest = new ArrayList<>();
      List<String> beforeTheDegree = new ArrayList<>();
      boolean beforeDegree = true;
      ResumeFields.Fields fields = ResumeFields.split(e.head);
      for (String printed : fields.parts()) {
        String part = GRADUATION_TAIL.matcher(PART_LABEL.matcher(printed).replaceFirst("")).replaceFirst("").strip();
        if (part.isEmpty() || LEVEL.matcher(part).matches()) {
          // "COLLEGE", "HIGH SCHOOL": the row's label in a table of schools, not a school
          continue;
        }
        if (institution != null && beforeDegree && !isDegree(part) && !isSchool(part) && !SUBJECT.matcher(part).find()
            && rest.isEmpty() && ResumeText.words(part) <= 3) {
          // a campus between the school and the degree: "University of California, Riverside, Bachelor of Science"
          // (a subject there is the field: "Stanford University | Computer Science | B.S.")
          institution = institution + ", " + part;
          continue;
        }
        beforeDegree &= !isDegree(part);
        Matcher s = SHORT_DEGREE.matcher(part);
        if (degree == null && LONG_DEGREE.matcher(part).find()) {
          // "Bachelor of Science: Nursing", LinkedIn's "Bachelor of Arts (B.A.), Spanish and Sociology"
          int cut = part.indexOf(':');
          List<String> pieces = ResumeFields.commaPieces(part);
          if (cut < 0 && pieces.size() == 2 && !isSchool(pieces.get(1))) {
            cut = pieces.get(0).length();
          }
          degree = cut > 0 ? part.substring(0, cut).strip() : part;
          field = cut > 0 ? ResumeText.blankToNull(ResumeText.trimPunct(part.substring(cut + 1))) : fieldOf(part);
        } else if (degree == null && s.find()) {
          degree = s.group().strip();
          String remainder = part.substring(s.end()).strip().replaceFirst("(?i)^(?:in|of)\\s+", "");
          if (!remainder.isEmpty()) {
            if (institution == null && isSchool(remainder)) {
              institution = remainder;
            } else {
              field = remainder;
            }
          }
        } else if (institution == null && isSchool(part)) {
          institution = part;
        } else if (degree == null) {
          beforeTheDegree.add(part);
        } else {
          // LinkedIn's "Bachelor of Applied Science - BASc, Computer Engineering": the degree's initials, then the field
          rest.add(INITIALS.matcher(part).replaceFirst(""));
        }
      }
      // what is printed after the degree is its field ("B.S., Physics"); before it, the school ("UCSB" / "Bachelor of Arts")
      if (field == null && !rest.isEmpty() && degree != null) {
        field = rest.remove(0);
      }
      if (institution == null && !beforeTheDegree.isEmpty() && degree != null) {
        institution = beforeTheDegree.remove(0);
      }
      rest.addAll(0, beforeTheDegree);
      if (field == null && !rest.isEmpty() && degree != null && institution != null) {
        field = rest.remove(0);
      }
      if (institution == null && !rest.isEmpty() && (degree != null || e.date != null)) {
        institution = rest.get(0);
      }
      String year = null;
      if (e.date != null) {
        year = lastYear(e.date.end() != null ? e.date.end() : e.date.start());
        if (year == null) {
          year = lastYear(e.date.start());
        }
      }
      if (field == null) {
        field = labelledField(e);
      }
      if (degree == null && fields.location() != null && SHORT_DEGREE.matcher(fields.location()).matches()) {
        // "Boston University, MD": after a school, a state's code that is also a degree's (MD, MA, MS, ME) is the degree
        degree = fields.location();
      }
      if (institution == null && degree == null) {
        continue;
      }
      out.add(new Resume.Education(institution, degree, field, year));
    }
    return out;
  }

  /** "Course of Study: Computer and Information Science", "Major: Accounting" under a school. */
  private static String labelledField(ResumeEntries.Entry entry) {
    for (ResumeEntries.Item item : entry.body) {
      Matcher m = FIELD_LABEL.matcher(item.text());
      if (m.matches()) {
        // "Major: Business Management       GPA: 3.6": the field ends at the next column
        return ResumeText.blankToNull(m.group(1).split("\\s{3,}|(?i)\\s+(?:c?gpa)\\b")[0]);
      }
    }
    return null;
  }

  /** "The Ohio State University", "Imperial College London": a school's name. */
  static boolean isSchool(String text) {
    return INSTITUTION.matcher(text).find();
  }

  private static boolean namesADegree(String text) {
    return ResumeFields.commaPieces(text).stream().anyMatch(ResumeEducation::isDegree);
  }

  /** "Bachelor of Science", "B.S. Computer Science", "MBA": a degree. */
  static boolean isDegree(String text) {
    return LONG_DEGREE.matcher(text).find() || SHORT_DEGREE.matcher(text).find();
  }

  /**
   * Lines where a second school runs on after the first with nothing between ("... Computer Science University of
   * California, Riverside, ..."), as when a layout's line break was a tab stop, are cut before the second school.
   */
  private static List<String> separated(List<String> lines) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      String rest = line;
      Matcher m = RUN_ON_SCHOOL.matcher(rest);
      // "Boston University School of Medicine" is one school: a second one runs on only after a degree
      while (m.find() && isSchool(rest.substring(0, m.start())) && namesADegree(rest.substring(0, m.start()))) {
        out.add(rest.substring(0, m.start()).strip());
        rest = rest.substring(m.start());
        m = RUN_ON_SCHOOL.matcher(rest);
        m.region(1, rest.length());
      }
      out.add(rest);
    }
    return out;
  }

  /** A school with its degree, or a dated degree ("- Bachelor's Degree in Accountancy Graduation Date: 2008"). */
  private static boolean namesASchooling(List<String> head) {
    return complete(head) || head.stream().anyMatch(line -> DateRanges.find(line) != null)
        && ResumeFields.split(head).parts().stream().anyMatch(part -> isDegree(PART_LABEL.matcher(part).replaceFirst("")));
  }

  private static boolean complete(List<String> head) {
    boolean degree = false;
    boolean institution = false;
    for (String part : ResumeFields.split(head).parts()) {
      degree |= LONG_DEGREE.matcher(part).find() || SHORT_DEGREE.matcher(part).find();
      institution |= isSchool(part);
    }
    return degree && institution;
  }

  /** "Bachelor of Science in Computer Science" -> "Computer Science". */
  private static String fieldOf(String degree) {
    Matcher m = FIELD_AFTER_DEGREE.matcher(degree);
    // "Bachelor of Science in Nursing (BSN)": the degree's initials are not the field's
    return m.find() ? m.group(1).replaceFirst("\\s*\\(\\p{Lu}[\\p{Lu}.-]{1,7}\\)$", "").strip() : null;
  }

  private static String lastYear(String s) {
    if (s == null) {
      return null;
    }
    Matcher m = YEAR.matcher(s);
    String last = null;
    while (m.find()) {
      last = m.group();
    }
    return last;
  }
}
