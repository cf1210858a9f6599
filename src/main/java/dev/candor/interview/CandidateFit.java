package dev.candor.interview;

import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a resume meets a job before the interview: the candidate's seniority, the job's technologies the resume shows
 * (strengths) and those it does not (gaps), and the areas the interview presses on. Without a job, the strengths are
 * the technologies the resume names most prominently and there are no gaps.
 *
 * <pre>
 * seniority  from the years the experience spans (overlapping jobs counted once) and the newest title:
 *            under 2 years junior, under 5 mid, else senior; years alone never make a lead:
 *            a lead/principal/staff/head/director/architect title is lead from 5 years (else at least mid),
 *            a senior title is senior from 3 years (else mid), an intern/junior/trainee title at most mid
 * focus      the gaps first (the job's order), then "System Design" for a senior or lead candidate,
 *            then the strengths, to check their depth; at most five
 * </pre>
 */
public record CandidateFit(Seniority seniority, List<String> strengths, List<String> gaps, List<String> focusAreas) {

  public enum Seniority {
    JUNIOR, MID, SENIOR, LEAD;

    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final int MAX_LABELS = 5;

  private static final Pattern YEAR = Pattern.compile("\\b(19[5-9]\\d|20\\d\\d)\\b");
  private static final Pattern ONGOING = Pattern.compile("\\b(present|current|now|today|ongoing)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern LEAD_TITLE =
      Pattern.compile("\\b(lead|principal|staff|head|director|architect|vp|cto)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern SENIOR_TITLE = Pattern.compile("\\b(senior|sr)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern JUNIOR_TITLE =
      Pattern.compile("\\b(intern|internship|junior|jr|trainee|apprentice|graduate)\\b", Pattern.CASE_INSENSITIVE);

  public CandidateFit {
    strengths = List.copyOf(strengths);
    gaps = List.copyOf(gaps);
    focusAreas = List.copyOf(focusAreas);
  }

  /** @param job null when no job description has come yet */
  public static CandidateFit of(Resume resume, JobPosting job, Year thisYear) {
    Resume r = resume == null ? Resume.empty() : resume;
    Seniority seniority = seniority(r, thisYear);
    Set<String> shown = new LinkedHashSet<>();
    TechVocabulary.find(resumeText(r)).forEach(t -> shown.add(t.name()));
    List<String> strengths = new ArrayList<>();
    List<String> gaps = new ArrayList<>();
    if (job == null) {
      shown.stream().limit(MAX_LABELS).forEach(strengths::add);
    } else {
      for (TechVocabulary.Technology technology : JobTerms.of(job).technologies()) {
        (shown.contains(technology.name()) ? strengths : gaps).add(technology.name());
      }
    }
    Set<String> focus = new LinkedHashSet<>(gaps.subList(0, Math.min(3, gaps.size())));
    if (seniority == Seniority.SENIOR || seniority == Seniority.LEAD) {
      focus.add("System Design");
    }
    focus.addAll(strengths);
    focus.addAll(gaps);
    return new CandidateFit(seniority, limit(strengths), limit(gaps), limit(new ArrayList<>(focus)));
  }

  /**
   * The same fit for a candidate remembered from an earlier interview: that interview's gaps come first among the
   * focus areas (those the resume now shows are left out).
   */
  public CandidateFit rememberingGaps(List<String> earlierGaps) {
    Set<String> focus = new LinkedHashSet<>();
    earlierGaps.stream().filter(g -> !strengths.contains(g)).forEach(focus::add);
    focus.addAll(focusAreas);
    return new CandidateFit(seniority, strengths, gaps, limit(new ArrayList<>(focus)));
  }

  static Seniority seniority(Resume resume, Year thisYear) {
    double years = experienceYears(resume, thisYear.getValue());
    Seniority byYears = years < 2 ? Seniority.JUNIOR : years < 5 ? Seniority.MID : Seniority.SENIOR;
    String title = resume.experience().isEmpty() ? "" : String.valueOf(resume.experience().get(0).position());
    if (LEAD_TITLE.matcher(title).find()) {
      return years >= 5 ? Seniority.LEAD : max(byYears, Seniority.MID);
    }
    if (SENIOR_TITLE.matcher(title).find()) {
      return years >= 3 ? Seniority.SENIOR : Seniority.MID;
    }
    if (JUNIOR_TITLE.matcher(title).find()) {
      return byYears.compareTo(Seniority.MID) > 0 ? Seniority.MID : byYears;
    }
    return byYears;
  }

  /** The union of the jobs' spans in whole years: two jobs held at once count once. */
  static double experienceYears(Resume resume, int thisYear) {
    boolean[] worked = new boolean[200];
    int base = thisYear - worked.length + 1;
    for (Resume.Experience job : resume.experience()) {
      String period = String.join(" ", nonNull(job.startDate()), nonNull(job.endDate()), nonNull(job.duration()));
      List<Integer> years = new ArrayList<>();
      Matcher m = YEAR.matcher(period);
      while (m.find()) {
        years.add(Integer.parseInt(m.group(1)));
      }
      if (years.isEmpty()) {
        continue;
      }
      int start = years.stream().min(Integer::compare).orElseThrow();
      int end = ONGOING.matcher(period).find() ? thisYear : years.stream().max(Integer::compare).orElseThrow();
      // A job from 2019 to 2021 spans two years; one started and left in 2021 counts as one.
      for (int y = Math.max(start, base); y < Math.max(end, start + 1) && y <= thisYear; y++) {
        worked[y - base] = true;
      }
    }
    int count = 0;
    for (boolean w : worked) {
      count += w ? 1 : 0;
    }
    return count;
  }

  /** The whole document when it is at hand: a skill the parser put in no field is still shown on the resume. */
  private static String resumeText(Resume r) {
    StringBuilder text = new StringBuilder(nonNull(r.rawText())).append('\n');
    r.skills().forEach(s -> text.append(s).append('\n'));
    r.experience().forEach(e -> text.append(nonNull(e.position())).append('\n').append(nonNull(e.description())).append('\n')
        .append(String.join("\n", e.highlights())).append('\n'));
    r.projects().forEach(p -> text.append(nonNull(p.description())).append('\n').append(String.join(", ", p.technologies()))
        .append('\n'));
    return text.append(nonNull(r.summary())).toString();
  }

  private static Seniority max(Seniority a, Seniority b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static List<String> limit(List<String> labels) {
    return labels.subList(0, Math.min(MAX_LABELS, labels.size()));
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
