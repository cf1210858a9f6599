package dev.candor.ingest.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Salary, employment type, experience level, remote and "Label: value" lines read off job text. */
final class JobFields {

  // Bounded digit runs, anchored at a run's start: "\\d+" retried from every position of a long number is quadratic.
  private static final String NUM = "(?<!\\d)(?:\\d{1,3}(?:[,.'\u00a0\u202f]\\d{3}){1,4}(?:[.,]\\d{1,2})?|\\d{1,12}(?:[.,]\\d{1,2})?)";
  private static final String MULT = "(?:\\s?(?:[kK]\\b|[kK](?=[-–—/])|thousand\\b))?";
  private static final String CODE = "(?:USD|EUR|GBP|CAD|AUD|CHF|INR|JPY|SGD|NZD|SEK|NOK|DKK|PLN|ZAR|BRL|MXN)";
  private static final String AMOUNT = "(?:(?:[A-Z]{1,2})?[$€£¥₹]\\s?(?:" + NUM + ")" + MULT
      + "|" + CODE + "\\s?(?:" + NUM + ")" + MULT
      + "|(?:" + NUM + ")" + MULT + "\\s?(?:[€£]|" + CODE + "\\b))";
  private static final String PERIOD = "(?:\\s*(?:/|per|an|a|each)\\s*(?:year|yr|annum|hour|hr|month|mo|week|wk|day)\\b"
      + "|\\s*(?:annually|yearly|hourly|monthly|p\\.a\\.|pa\\b)|\\s*\\((?:base|OTE|annual|yearly)\\))?";
  static final Pattern SALARY = Pattern.compile("(?i:" + AMOUNT + ")(?:\\s*(?:-|–|—|to|and)\\s*(?i:"
      + AMOUNT + "|(?:" + NUM + ")" + MULT + "))?" + "(?i:" + PERIOD + ")");
  private static final Pattern NOT_PAY_AFTER = Pattern.compile(
      "^\\s*(?:million|billion|bn\\b|mn\\b|m\\b|in (?:funding|revenue|sales|assets|arr)|of (?:funding|revenue))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_PAY_LINE = Pattern.compile(
      "\\b(?:budget|stipend|allowance|reimburse\\w*|funding|raised|revenue|valuation|credit|donat\\w*|match(?:ing)?"
          + "|fee|fees|cost|discount|bonus(?:es)?|relocation|gift|worth)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern PAY_WORDS = Pattern.compile(
      "\\b(?:salary|salaries|compensation|pay|paid|base|ote|wage|wages|earn|earning|remuneration|per year|per hour"
          + "|annual|annually|hourly|rate)\\b", Pattern.CASE_INSENSITIVE);

  static final Pattern EMPLOYMENT = Pattern.compile(
      "(?i)\\b(?:full[- ]?time|part[- ]?time|contract(?:or)?(?:[- ]to[- ]hire)?|internship|intern|temporary|temp"
          + "|freelance|permanent|seasonal|apprenticeship|volunteer|fixed[- ]term|per diem)\\b");
  private static final Pattern EMPLOYMENT_IN_TEXT = Pattern.compile(
      "(?i)\\b(?:full[- ]time|part[- ]time|internship|fixed[- ]term|contract[- ]to[- ]hire"
          + "|contract(?:or)? (?:role|position|basis|assignment|job))\\b");

  private static final Pattern REMOTE_CHIP = Pattern.compile(
      "(?i)\\b(?:remote|telecommut\\w*|work from home|wfh|anywhere|distributed)\\b");
  private static final Pattern ONSITE_CHIP = Pattern.compile("(?i)\\b(?:on-?site|on site|in[- ]office|in-person|hybrid)\\b");
  private static final Pattern REMOTE_TEXT = Pattern.compile(
      "(?i)\\b(?:(?:fully|100\\s?%|completely|entirely|full) remote|remote[- ](?:first|only|position|role|job|opportunity"
          + "|friendly|work(?:ing)? environment)|(?:role|position|job|team) is (?:fully |100% )?remote"
          + "|work (?:fully )?(?:remotely )?from anywhere|work from home|location: ?remote|workplace(?: type)?: ?remote"
          + "|telecommute|telecommuting|remote work (?:is )?(?:available|possible|allowed))\\b");
  private static final Pattern TELECOMMUTE_MAYBE = Pattern.compile("(?i)\\bmay telecommute\\b");
  private static final Pattern ONSITE_TEXT = Pattern.compile(
      "(?i)\\b(?:on-?site (?:role|position|job|work|only)|(?:role|position|job) is on-?site|on-site in\\b|onsite in\\b"
          + "|in[- ]office (?:role|position|job|work|only)|in the office \\d|\\d+ days? (?:a |per )?(?:week )?in (?:the )?office"
          + "|days in the office|hybrid (?:role|position|work|working|model|schedule|environment|arrangement)"
          + "|not (?:a )?remote|no remote|work(?:ing)? from (?:our|the) office|(?:must|required to) (?:be|work) (?:on-?site|in the office))\\b");

  private static final Pattern LABEL = Pattern.compile("^([A-Za-z][A-Za-z /&()'’-]{1,40}?)\\s*[:：]\\s*(.+)$");
  private static final Map<String, Pattern> LABELS = new LinkedHashMap<>();

  static {
    LABELS.put("title", Pattern.compile("(?:job |position |role )?title|position|role|job"));
    LABELS.put("company", Pattern.compile("company(?: name)?|employer|organi[sz]ation|hiring (?:company|organi[sz]ation)"));
    LABELS.put("location", Pattern.compile("(?:job |work |office |primary )?location(?:s|\\(s\\))?|based in|office|city"));
    LABELS.put("salary", Pattern.compile("(?:base |annual |expected |target )?(?:salary|pay|compensation)(?: range| band)?"
        + "(?: \\(.*\\))?|rate of pay|pay rate|wage|wages|remuneration|ote|base pay|hourly rate"));
    LABELS.put("employmentType", Pattern.compile("(?:job|employment|contract|position|work) type|employment|schedule"
        + "|type|job schedule"));
    LABELS.put("experienceLevel", Pattern.compile("(?:experience|seniority|career|job|position) level|seniority|level"));
    LABELS.put("workplace", Pattern.compile("workplace(?: type)?|work (?:model|arrangement|style|setting)|remote"
        + "|location type|remote work"));
  }

  private JobFields() {}

  /** "Label: value" lines of the description, by field ("title", "company", "location", "salary", ...). */
  static Map<String, String> labels(List<JobLine> lines) {
    Map<String, String> out = new LinkedHashMap<>();
    int n = 0;
    for (JobLine line : lines) {
      if (++n > 400) {
        break;
      }
      String text = line.text();
      if (text.length() > 300) {
        continue;
      }
      Matcher m = LABEL.matcher(text);
      if (!m.matches()) {
        continue;
      }
      String label = m.group(1).strip().toLowerCase(Locale.ROOT).replace('’', '\'');
      String value = m.group(2).strip();
      if (value.isEmpty()) {
        continue;
      }
      for (Map.Entry<String, Pattern> e : LABELS.entrySet()) {
        if (e.getValue().matcher(label).matches()) {
          out.putIfAbsent(e.getKey(), value);
          break;
        }
      }
    }
    return out;
  }

  /** The salary in a labelled value ("Salary: $120k–$150k"), as printed. */
  static String salaryFromLabel(String value) {
    if (value == null) {
      return null;
    }
    Matcher m = SALARY.matcher(value);
    if (m.find()) {
      return tidy(m.group());
    }
    return null;
  }

  /** A salary printed in running text, preferring lines that talk about pay; null when none is plausible. */
  static String salaryFromText(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    String best = null;
    int bestScore = 0;
    int lines = 0;
    for (String line : text.split("\n")) {
      if (++lines > 2_000) {
        break;
      }
      if (line.length() > 5_000) {
        line = line.substring(0, 5_000);
      }
      if (line.indexOf('$') < 0 && line.indexOf('€') < 0 && line.indexOf('£') < 0 && line.indexOf('¥') < 0
          && line.indexOf('₹') < 0 && !line.matches("(?s).*\\b" + CODE + "\\b.*") && !line.matches("(?s).*\\d\\s?(?:€|£).*")) {
        continue;
      }
      boolean payLine = PAY_WORDS.matcher(line).find();
      boolean notPayLine = NOT_PAY_LINE.matcher(line).find();
      Matcher m = SALARY.matcher(line);
      while (m.find()) {
        String s = m.group();
        if (NOT_PAY_AFTER.matcher(line.substring(m.end())).find()) {
          continue;
        }
        boolean range = s.matches("(?s).*\\d.*(?:-|–|—|to|and)\\s*\\D{0,3}\\d.*");
        boolean period = s.matches("(?is).*(?:year|yr|annum|hour|hr|month|mo|week|wk|day|annually|yearly|hourly"
            + "|monthly|p\\.a\\.|pa|base|ote)\\)?$");
        double amount = amount(s);
        boolean hourly = s.matches("(?is).*(?:hour|hr|hourly)$");
        boolean plausible = hourly ? amount >= 7 && amount <= 2_000 : amount >= 10_000 || (period && amount >= 1_000
            && s.matches("(?is).*(?:month|mo|monthly)$"));
        if (!plausible) {
          continue;
        }
        int score = (payLine ? 4 : 0) + (range ? 2 : 0) + (period ? 2 : 0) - (notPayLine ? 5 : 0);
        if (!payLine && !range && !period) {
          continue;
        }
        if (score > bestScore) {
          bestScore = score;
          best = tidy(s);
        }
      }
    }
    return best;
  }

  /** The first amount of a salary string in units (k = thousand); 0 when unreadable. */
  static double amount(String salary) {
    Matcher m = Pattern.compile("(" + NUM + ")(\\s?[kK]|\\s?thousand)?").matcher(salary);
    if (!m.find()) {
      return 0;
    }
    String digits = m.group(1).replaceAll("[\u00a0\u202f' ]", "");
    // "60.000" and "60,000" are thousands; "12.50" and "12,5" are decimals.
    if (digits.matches("\\d{1,3}([.,]\\d{3})+")) {
      digits = digits.replaceAll("[.,]", "");
    } else if (digits.matches("\\d{1,3}(,\\d{3})+\\.\\d{1,2}")) {
      digits = digits.replace(",", "");
    } else if (digits.matches("\\d{1,3}(\\.\\d{3})+,\\d{1,2}")) {
      digits = digits.replace(".", "").replace(',', '.');
    } else {
      digits = digits.replace(',', '.');
    }
    try {
      double v = Double.parseDouble(digits);
      return m.group(2) != null ? v * 1000 : v;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String tidy(String s) {
    return HtmlLines.clean(s).replaceAll("[\\s,;.]+$", "");
  }

  /** A chip or label that is an employment type ("Full-time", "Contract"), as printed; else null. */
  static String employmentTypeOf(String value) {
    if (value == null) {
      return null;
    }
    String v = HtmlLines.clean(value);
    if (v.isEmpty() || v.length() > 60) {
      return null;
    }
    Matcher m = EMPLOYMENT.matcher(v);
    if (!m.find()) {
      return null;
    }
    // A short label value is kept whole ("Full Time", "Full-time, Permanent").
    return v.length() <= 40 ? v.replaceAll("[.;]+$", "") : m.group();
  }

  /** Whether a short chip is exactly an employment type ("Full-time"). */
  static boolean isEmploymentChip(String chip) {
    String v = HtmlLines.clean(chip);
    return v.length() <= 30 && EMPLOYMENT.matcher(v).matches();
  }

  /** An employment type stated in running text ("this is a full-time role"), as printed; else null. */
  static String employmentTypeFromText(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = EMPLOYMENT_IN_TEXT.matcher(text.length() > 200_000 ? text.substring(0, 200_000) : text);
    return m.find() ? m.group() : null;
  }

  /** Remote from a location, chip or workplace value: true for "Remote", false for "On-site"/"Hybrid", else null. */
  static Boolean remoteFromChip(String value) {
    if (value == null || value.isBlank() || value.length() > 200) {
      return null;
    }
    boolean remote = REMOTE_CHIP.matcher(value).find() && !TELECOMMUTE_MAYBE.matcher(value).find();
    boolean onsite = ONSITE_CHIP.matcher(value).find();
    if (remote && !onsite) {
      return Boolean.TRUE;
    }
    if (onsite && !remote) {
      return Boolean.FALSE;
    }
    return null;
  }

  /** Remote from running text: only clear statements count ("fully remote", "3 days in the office"). */
  static Boolean remoteFromText(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.length() > 200_000 ? text.substring(0, 200_000) : text;
    t = TELECOMMUTE_MAYBE.matcher(t).replaceAll(" ");
    boolean remote = REMOTE_TEXT.matcher(t).find();
    boolean onsite = ONSITE_TEXT.matcher(t).find();
    if (remote && !onsite) {
      return Boolean.TRUE;
    }
    if (onsite && !remote) {
      return Boolean.FALSE;
    }
    return null;
  }
}
