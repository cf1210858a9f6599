package dev.candor.ingest.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an entry's heading lines ("Senior Engineer | Tech Corp | 2020 - Present",
 * "Gilmore Financial, New Orleans, LA, Certified Public Accountant") into fields, and tells job titles
 * from company names and locations.
 */
final class ResumeFields {

  /**
   * The fields of some heading lines: the text parts, any location, in reading order, and the part printed just before
   * a location that ends its line ("Panini's Bar and Grill, Cleveland, Ohio"), -1 if none: where one works is said there.
   */
  record Fields(List<String> parts, String location, int beforePlace) {}

  private static final Pattern STRONG = Pattern.compile(
      "\\s*[|•·▪●◦♦◆]\\s*|\\s+[-–—]\\s+|\\s*[–—]\\s*(?=\\p{Lu})|\\s{3,}|\\s+/\\s+|\\s*[\\uE000-\\uF8FF]\\s*");
  private static final Pattern TITLE_CASE = Pattern.compile(
      "(?:\\p{Lu}[\\p{L}\\d/&.'’-]*|of|and|for|the|&|-|–)(?:\\s+(?:\\p{Lu}[\\p{L}\\d/&.'’-]*|of|and|for|the|&|-|–)){0,7}");
  /** "Software Engineer at Google": split only after a job title ("St. Joseph's at Fleming" is one name). */
  private static final Pattern AT = Pattern.compile("\\s+(?:at|@)\\s+");
  private static final Pattern TITLE_WORDS = Pattern.compile(
      "(?i)\\b(?:engineer|engineers|developer|programmer|manager|accountant|intern|internship|assistant|analyst"
          + "|director|lead|consultant|specialist|coordinator|designer|architect|scientist|officer|cto|ceo|cfo|coo"
          + "|cio|founder|co-founder|cofounder|head|vp|vice president|president|associate|administrator"
          + "|technician|researcher|teacher|professor|lecturer|instructor|tutor|sre|devops|representative"
          + "|supervisor|executive|clerk|cashier|nurse|editor|writer|owner|partner|principal|staff|fellow"
          + "|advisor|adviser|strategist|recruiter|secretary|receptionist|agent|auditor|controller|bookkeeper"
          + "|trainee|apprentice|volunteer|chair|ambassador|mentor|attorney|lawyer|paralegal|physician"
          + "|pharmacist|therapist|operator|mechanic|electrician|chef|cook|driver|student|postdoc|postdoctoral"
          + "|member|contractor|freelancer|freelance|expert|generalist|leader|hr|qa|tester|ux|ui|sales"
          + "|product owner|scrum master|full[- ]stack|front[- ]end|back[- ]end|software)\\b");
  private static final Pattern COMPANY_WORDS = Pattern.compile(
      "(?i)\\b(?:inc|llc|l\\.l\\.c|ltd|limited|corp|corporation|company|co|gmbh|ag|plc|s\\.a|sa|pvt|pty"
          + "|technologies|technology|tech|solutions|systems|group|labs|lab|university|college|institute|school"
          + "|academy|bank|agency|studio|studios|partners|consulting|holdings|international|foundation"
          + "|organization|organisation|hospital|clinic|financial|services|dental|research|capital|ventures"
          + "|industries|enterprises|media|networks|software|health|healthcare|government|department|ministry"
          + "|council|association|society|center|centre|firm|store|restaurant|hotel|airlines|motors|energy"
          + "|pharmaceuticals|insurance|bureau|authority|district|church|startup)\\b\\.?");
  private static final Pattern PART_OF_ORGANISATION = Pattern.compile(
      "(?i)\\b(?:unit|ward|wing|department|dept|division|team|branch|office)\\.?$");
  /**
   * "Part time job", "Full-time", "Contract", LinkedIn's "Remote": how or where one was employed, neither the title nor the
   * employer.
   */
  private static final Pattern EMPLOYMENT_TYPE = Pattern.compile(
      "(?i)(?:part|full)[- ]?time(?:\\s+(?:job|role|position|work|basis))?|contract(?:\\s+(?:job|role|position|basis))?"
          + "|temporary|permanent|freelance|seasonal|casual|remote|hybrid|on-?site|in[- ]office");
  private static final Pattern GPA = Pattern.compile("(?i)\\bgpa\\b|\\bcgpa\\b|\\b\\d\\.\\d{1,2}\\s?/\\s?\\d");
  private static final Pattern LEGAL_SUFFIX = Pattern.compile(
      "(?i)^(?:inc|llc|ltd|corp|co|gmbh|ag|plc|s\\.a|pvt\\.? ltd|l\\.l\\.c)\\.?$");

  private ResumeFields() {}

  /** Splits heading lines into parts, removing dates, lengths and GPA notes; pulls out a location. */
  static Fields split(List<String> lines) {
    List<String> parts = new ArrayList<>();
    String location = null;
    int beforePlace = -1;
    for (String raw : lines) {
      String line = raw;
      DateRanges.Found d = DateRanges.find(line);
      if (d != null) {
        line = line.substring(0, d.from()) + "   " + line.substring(d.to());
      }
      line = line.replaceAll("[()]\\s*[()]", " ");
      List<String> strong = new ArrayList<>();
      for (String s : STRONG.split(line)) {
        for (String t : splitAtTitle(ResumeText.trimPunct(s))) {
          if (!t.isEmpty()) {
            strong.add(t);
          }
        }
      }
      for (String s : strong) {
        // "..., Andhra Pradesh, India.": the full stop after a place is not part of it
        List<String> pieces = commaPieces(ContactExtractor.endsWithPlaceAndStop(s) ? s.substring(0, s.length() - 1) : s);
        boolean found = false;
        int r = pieces.size();
        while (r - 1 >= 1 && ContactExtractor.isRegion(pieces.get(r - 1))) {
          r--;
        }
        boolean endsWithPlace = false;
        if (r == pieces.size() && r >= 2 && ContactExtractor.isCityAndRegion(pieces.get(r - 1))) {
          // "..., Peterborough ON": a city and a province code without the comma
          location = location == null ? pieces.get(r - 1) : location;
          pieces = pieces.subList(0, r - 1);
          found = true;
          endsWithPlace = true;
        } else if (r < pieces.size()) {
          // a trailing "City, ST" / "City, ST, Country" run of pieces is a location; an organisation before the state
          // ("Acme Corp, CA", "Boston University, MD") is no city
          int city = companyScore(pieces.get(r - 1)) > 0 || ResumeEducation.isSchool(pieces.get(r - 1)) ? r : r - 1;
          String loc = String.join(", ", pieces.subList(city, pieces.size()));
          location = location == null ? loc : location;
          pieces = pieces.subList(0, city);
          found = true;
          endsWithPlace = true;
        } else {
          // a location in the middle: "Gilmore Financial, New Orleans, LA, Certified Public Accountant"
          for (int i = 1; i + 1 < pieces.size(); i++) {
            if (ContactExtractor.isRegion(pieces.get(i))) {
              String loc = pieces.get(i - 1) + ", " + pieces.get(i);
              location = location == null ? loc : location;
              List<String> rest = new ArrayList<>(pieces.subList(0, i - 1));
              rest.addAll(pieces.subList(i + 1, pieces.size()));
              pieces = rest;
              found = true;
              break;
            }
          }
        }
        if (!found && strong.size() > 1 && !(titleThenOther(pieces) && othersArePlaces(strong, s))) {
          // "University of California, Berkeley" between bars stays whole; RenderCV's "Software Engineer, Apple – Cupertino,
          // CA" and "BS in Computer Science, University of Pennsylvania" are two
          pieces = List.of(s);
        }
        for (String p : pieces) {
          String t = ResumeText.trimPunct(p);
          if (t.isEmpty() || GPA.matcher(t).find() || DateRanges.isLength(t) || !hasLetter(t) || EMPLOYMENT_TYPE.matcher(t).matches()) {
            continue;
          }
          parts.add(t);
        }
        if (endsWithPlace && !pieces.isEmpty() && beforePlace < 0) {
          beforePlace = parts.size() - 1;
        }
      }
    }
    return new Fields(parts, location, beforePlace);
  }

  /**
   * "Assistant Engineer at China Telecom": one line that names a whole job; its title is written as one, every word
   * capitalised but "of", "and", "for" ("Promoted to Team Lead at end of year" is a sentence).
   */
  static boolean isTitleAtCompany(String line) {
    List<String> split = splitAtTitle(ResumeText.trimPunct(line));
    return DateRanges.find(line) == null && split.size() == 2 && TITLE_CASE.matcher(split.get(0)).matches();
  }

  private static List<String> splitAtTitle(String s) {
    Matcher at = AT.matcher(s);
    while (at.find()) {
      String before = s.substring(0, at.start());
      if (titleScore(before.substring(before.lastIndexOf(',') + 1)) > 0) {
        return List.of(ResumeText.trimPunct(before), ResumeText.trimPunct(s.substring(at.end())));
      }
    }
    return List.of(s);
  }

  /** The line's other parts are only places: "Software Engineer, Apple" before "Cupertino, CA" (but not before "Stripe"). */
  private static boolean othersArePlaces(List<String> strong, String piece) {
    return strong.stream().filter(other -> !other.equals(piece)).allMatch(other -> ContactExtractor.isLocation(other)
        || ContactExtractor.isCityAndRegion(other) || ContactExtractor.isRegion(other));
  }

  private static boolean titleThenOther(List<String> pieces) {
    if (pieces.size() != 2) {
      return false;
    }
    String first = pieces.get(0);
    String second = pieces.get(1);
    return titleScore(first) > 0 && titleScore(second) == 0
        || ResumeEducation.isDegree(first) && !ResumeEducation.isDegree(second) && ResumeEducation.isSchool(second);
  }

  /** Splits on commas outside parentheses, re-attaching legal suffixes ("ABC Company, Inc."). */
  static List<String> commaPieces(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '(' || c == '[') {
        depth++;
      } else if ((c == ')' || c == ']') && depth > 0) {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(s.substring(start, i).strip());
        start = i + 1;
      }
    }
    out.add(s.substring(start).strip());
    List<String> merged = new ArrayList<>();
    for (String p : out) {
      // "CO" in capitals is Colorado, not "Co."
      if (!merged.isEmpty() && LEGAL_SUFFIX.matcher(p).matches() && !p.equals("CO")) {
        merged.set(merged.size() - 1, merged.get(merged.size() - 1) + ", " + p);
      } else if (!p.isEmpty()) {
        merged.add(p);
      }
    }
    return merged;
  }

  private static boolean hasLetter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "Palliative Care Unit", "Cardiology Ward", "Sales Department": a part of an organisation. */
  static boolean isPartOfOrganisation(String s) {
    return PART_OF_ORGANISATION.matcher(s).find();
  }

  /** How much the text reads as a job title; its last word ("Research Intern") counts most. */
  static int titleScore(String s) {
    return score(TITLE_WORDS, s);
  }

  /** How much the text reads as an organisation; its last word ("NVIDIA Research") counts most. */
  static int companyScore(String s) {
    return score(COMPANY_WORDS, s);
  }

  private static int score(Pattern words, String s) {
    String t = ResumeText.trimPunct(s.replaceAll("\\([^)]*\\)", " ")).strip();
    var m = words.matcher(t);
    int n = 0;
    while (m.find()) {
      n++;
      String tail = t.substring(m.end()).replaceAll("[^\\p{L}\\d]", "");
      if (tail.isEmpty() || tail.matches("(?i)(?:i|ii|iii|iv|\\d)")) {
        n += 2;
      }
    }
    return n;
  }
}
