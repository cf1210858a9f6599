package dev.candor.ingest.resume;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the dates of a resume line in their common printed forms: "Jan 2020 – Present", "2019-2021",
 * "06/2017 - 12/2019", "Sept 2018 – May 2023", "Summer 2022", "2020 - Present", "Oct. 2021 – Current",
 * "Mar - 2023 to Current".
 * Dates are returned as printed; nothing is normalised. The patterns have no nested quantifiers, so
 * matching stays linear in the line length.
 */
final class DateRanges {

  /** A date range (or a single date, then {@code end} is null) found in a line, with its position. */
  record Found(String text, String start, String end, int from, int to) {
    boolean isRange() {
      return end != null;
    }
  }

  private static final String MONTH =
      "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
  private static final String SEASON = "(?:spring|summer|fall|autumn|winter)";
  private static final String YEAR = "(?:19|20)\\d{2}(?!\\d)";
  /** The day of a full date ("Sept. 1, 2010", "March 3rd 2020"): the month and year still say the point. */
  private static final String DAY = "(?:(?:0?[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)?\\s?,?\\s{1,2})?";
  private static final String POINT =
      "(?:(?<![a-z])(?:" + MONTH + "|" + SEASON + ")\\s{0,2}" + DAY + "(?:,\\s?)?" + YEAR
          + "|(?<![a-z])" + MONTH + "\\s{0,2}[-–]\\s{0,2}" + YEAR
          + "|(?<![a-z])" + MONTH + "\\s?['’]\\d{2}(?!\\d)"
          + "|(?<![\\d/.])(?:0?[1-9]|1[0-2])\\s?[/.]\\s?(?:(?:0?[1-9]|[12]\\d|3[01])/)?" + YEAR
          + "|(?<![\\d/])" + YEAR + "(?:[-/.](?:0[1-9]|1[0-2])(?!\\d))?)";
  private static final String OPEN_END =
      "(?:present|current(?:ly)?|now|today|ongoing|till date|to date|date"
          // the same in the languages of European CVs
          + "|présent|aujourd'hui|en cours|actualidad|presente|actual|atual|heute|jetzt|oggi)(?![\\p{L}])";
  private static final String SEP = "(?:\\s{0,3}[-–—‒―~→]{1,2}\\s{0,3}|\\s{1,3}(?:to|until|till|through|thru)\\s{1,3})";

  private static final Pattern YEAR_P = Pattern.compile(YEAR);
  private static final Pattern POINT_P = Pattern.compile(POINT, Pattern.CASE_INSENSITIVE);
  private static final Pattern RANGE_P =
      Pattern.compile("(" + POINT + ")" + SEP + "(" + POINT + "|" + OPEN_END + ")", Pattern.CASE_INSENSITIVE);
  /** "02/15-08/15", "3/00 - 7/00", "11/06-present": month and two-digit year, only ever read as a range. */
  private static final String SHORT_POINT = "(?<![\\d/.])(?:0?[1-9]|1[0-2])/\\d{2}(?![\\d/])";
  private static final Pattern SHORT_RANGE_P = Pattern.compile(
      "(" + SHORT_POINT + ")" + SEP + "(" + SHORT_POINT + "|" + OPEN_END + ")", Pattern.CASE_INSENSITIVE);
  /** "Jan. – Apr. 2022": two months of one year, the year printed once, after the second. */
  private static final Pattern MONTHS_OF_A_YEAR_P = Pattern.compile(
      "(?<![a-z])(" + MONTH + ")" + SEP + "(" + MONTH + "\\s{0,2}" + YEAR + ")", Pattern.CASE_INSENSITIVE);
  /** "Summer 2020, 2021": the same season of several years. */
  private static final Pattern YEARS_P = Pattern.compile(
      "(?<![a-z])(?:" + MONTH + "|" + SEASON + ")\\s{0,2}" + YEAR + "(?:\\s?(?:,|and|&)\\s{1,2}" + YEAR + ")+",
      Pattern.CASE_INSENSITIVE);
  /** "Duration: 6 months", "2 years 10 months", a placement's "300 hours": a length of time, not a date. */
  private static final Pattern LENGTH_P =
      Pattern.compile("^\\(?(?:\\d{1,2}\\+?\\s?(?:years?|yrs?|months?|mos?|weeks?)(?:,?\\s{1,3}\\d{1,2}\\s?(?:months?|mos?))?"
          + "|\\d{1,4}\\+?\\s?(?:hours?|hrs?|days?))\\)?$", Pattern.CASE_INSENSITIVE);
  /** A start date followed by a dash at the end of a line ("June 2022 –"): the range continues below. */
  private static final Pattern DANGLING_P =
      Pattern.compile("(?:" + POINT + ")\\s{0,3}[-–—]\\s*$", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_END_P =
      Pattern.compile("^\\s*(?:" + POINT + "|" + OPEN_END + ")", Pattern.CASE_INSENSITIVE);

  private DateRanges() {}

  /** The first date range in the line, else the last single date, else null. */
  static Found find(String line) {
    if (line == null || line.isEmpty()) {
      return null;
    }
    Found range = range(line);
    return range != null ? range : point(line);
  }

  /** The first date range ("2019 - 2021") in the line, or null. */
  static Found range(String line) {
    if (line == null || !hasDigit(line)) {
      return null;
    }
    Matcher m = RANGE_P.matcher(line);
    if (m.find()) {
      return new Found(m.group().trim(), m.group(1).trim(), m.group(2).trim(), m.start(), m.end());
    }
    m = SHORT_RANGE_P.matcher(line);
    if (m.find()) {
      return new Found(m.group().trim(), m.group(1).trim(), m.group(2).trim(), m.start(), m.end());
    }
    m = MONTHS_OF_A_YEAR_P.matcher(line);
    if (m.find()) {
      String end = m.group(2).trim();
      String year = end.substring(end.length() - 4);
      return new Found(m.group().trim(), m.group(1).trim() + " " + year, end, m.start(), m.end());
    }
    m = YEARS_P.matcher(line);
    if (m.find()) {
      String years = m.group().trim();
      Matcher firstYear = YEAR_P.matcher(years);
      firstYear.find();
      return new Found(years, years.substring(0, firstYear.end()), years.substring(years.length() - 4), m.start(), m.end());
    }
    return null;
  }

  /** The last single date ("Summer 2022", "May 2016", "2019") in the line, or null. */
  static Found point(String line) {
    if (line == null || !hasDigit(line)) {
      return null;
    }
    Matcher m = POINT_P.matcher(line);
    Found last = null;
    while (m.find()) {
      last = new Found(m.group().trim(), m.group().trim(), null, m.start(), m.end());
    }
    return last;
  }

  /** Every date has a year or a number in it: a line without a digit is passed over without matching. */
  private static boolean hasDigit(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (Character.isDigit(line.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "6 months", "2 years 10 months", "300 hours": a printed length of time. */
  static boolean isLength(String text) {
    return text != null && text.length() < 40 && LENGTH_P.matcher(text.trim()).matches();
  }

  /** True when the line ends with a start date and a dash, so the end date is on the next line. */
  static boolean endsDangling(String line) {
    return line.length() < 200 && DANGLING_P.matcher(line).find();
  }

  /** True when the line starts with a date or "Present". */
  static boolean startsWithDate(String line) {
    return line.length() < 200 && LEADING_END_P.matcher(line).find();
  }
}
