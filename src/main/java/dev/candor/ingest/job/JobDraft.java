package dev.candor.ingest.job;

import dev.candor.interview.JobPosting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A posting being assembled from several sources, most trusted first: each setter keeps the first
 * non-blank value it is given. {@link #finish} fills what is still missing from the description.
 */
final class JobDraft {

  private static final int MAX_FIELD = 500;
  private static final Pattern TITLE_WORKPLACE = Pattern.compile(
      "(?i)(?:[(\\[|,]|\\s[-–—]\\s)\\s*(remote|hybrid|on-?site)\\b");
  private static final int MAX_DESCRIPTION = 100_000;

  String title;
  String company;
  String location;
  String salary;
  String employmentType;
  String experienceLevel;
  Boolean remote;
  String country;
  String datePosted;
  String validThrough;
  List<JobLine> descriptionLines;
  List<String> requirements = new ArrayList<>();
  List<String> responsibilities = new ArrayList<>();
  List<String> benefits = new ArrayList<>();
  List<String> niceToHave = new ArrayList<>();
  /** Short top-card texts ("Remote", "Hybrid", "Full-time") that may state remote or employment type. */
  final List<String> chips = new ArrayList<>();

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static final Pattern LEADING_SEPARATORS = Pattern.compile("^[-–—|·•,:\\s]+");
  private static final Pattern INTERFACE_WORDS = Pattern.compile(
      "(?i)(?:settings|preferences|sign ?in|sign ?up|log ?in|join now|menu|home|notifications|messaging|filters?|"
          + "search(?: results)?|job search|jobs?|saved jobs|my jobs|all jobs|recommended jobs|welcome(?: back)?|"
          + "\\d[\\d,]* (?:results|jobs)|(?:[\\w ]{1,40} )?jobs in [\\w ,]{1,60}|page not found|access denied)");

  private static String tidy(String s) {
    if (blank(s)) {
      return null;
    }
    // "-  Full-time": a separator the page put before a value is no part of it
    String t = LEADING_SEPARATORS.matcher(HtmlLines.clean(s)).replaceFirst("");
    if (t.isEmpty()) {
      return null;
    }
    return t.length() > MAX_FIELD ? t.substring(0, MAX_FIELD) : t;
  }

  void title(String v) {
    String t = tidy(v);
    // a board's own furniture ("Settings", "Sign in", "Job search") is never a posting's title
    if (title == null && t != null && !INTERFACE_WORDS.matcher(t).matches()) {
      title = t;
    }
  }

  void country(String v) {
    if (country == null) {
      country = shortValue(tidy(v));
    }
  }

  void datePosted(String v) {
    if (datePosted == null) {
      datePosted = shortValue(tidy(v));
    }
  }

  void validThrough(String v) {
    if (validThrough == null) {
      validThrough = shortValue(tidy(v));
    }
  }

  void company(String v) {
    if (company == null) {
      company = tidy(v);
    }
  }

  void location(String v) {
    if (location == null) {
      location = tidy(v);
    }
  }

  void salary(String v) {
    if (salary == null) {
      salary = tidy(v);
    }
  }

  void employmentType(String v) {
    if (employmentType == null) {
      employmentType = tidy(v);
    }
  }

  void experienceLevel(String v) {
    if (experienceLevel == null) {
      experienceLevel = tidy(v);
    }
  }

  void remote(Boolean v) {
    if (remote == null) {
      remote = v;
    }
  }

  void descriptionLines(List<JobLine> lines) {
    if ((descriptionLines == null || descriptionLines.isEmpty()) && lines != null && !lines.isEmpty()) {
      descriptionLines = lines;
    }
  }

  void requirements(List<String> items) {
    if (requirements.isEmpty() && items != null) {
      requirements.addAll(items);
    }
  }

  void responsibilities(List<String> items) {
    if (responsibilities.isEmpty() && items != null) {
      responsibilities.addAll(items);
    }
  }

  void benefits(List<String> items) {
    if (benefits.isEmpty() && items != null) {
      benefits.addAll(items);
    }
  }

  void chip(String text) {
    String t = tidy(text);
    if (t != null && t.length() <= 120 && chips.size() < 50) {
      chips.add(t);
    }
  }

  /** Fills the missing fields from the description and builds the result. */
  ParsedJob finish(String source) {
    List<JobLine> lines = descriptionLines == null ? List.of() : descriptionLines;
    String description = lines.isEmpty() ? null : HtmlLines.render(lines);
    if (description != null && description.length() > MAX_DESCRIPTION) {
      description = description.substring(0, MAX_DESCRIPTION);
    }

    JobSections.Split split = JobSections.split(lines);
    requirements(split.requirements());
    responsibilities(split.responsibilities());
    benefits(split.benefits());
    if (niceToHave.isEmpty()) {
      niceToHave.addAll(split.niceToHave());
    }

    for (String chip : chips) {
      if (employmentType == null && JobFields.isEmploymentChip(chip)) {
        employmentType = chip;
      }
    }
    Map<String, String> labels = JobFields.labels(lines);
    title(labels.get("title"));
    company(labels.get("company"));
    location(labels.get("location"));
    salary(JobFields.salaryFromLabel(labels.get("salary")));
    employmentType(JobFields.employmentTypeOf(labels.get("employmentType")));
    experienceLevel(shortValue(labels.get("experienceLevel")));
    for (String chip : chips) {
      if (salary == null && chip.length() <= 80 && JobFields.SALARY.matcher(chip).find()) {
        salary(JobFields.salaryFromLabel(chip));
      }
    }
    if (salary == null) {
      salary(JobFields.salaryFromText(description));
    }
    if (employmentType == null) {
      employmentType(JobFields.employmentTypeFromText(description));
    }
    if (remote == null) {
      for (String chip : chips) {
        Boolean r = JobFields.remoteFromChip(chip);
        if (r != null) {
          remote = r;
          break;
        }
      }
    }
    if (remote == null) {
      remote(JobFields.remoteFromChip(labels.get("workplace")));
    }
    if (remote == null && title != null) {
      // "Platform Engineer (Remote)", "Support Lead - Hybrid"
      Matcher m = TITLE_WORKPLACE.matcher(title);
      if (m.find()) {
        remote(JobFields.remoteFromChip(m.group(1)));
      }
    }
    if (remote == null) {
      remote(JobFields.remoteFromChip(location));
    }
    if (remote == null) {
      remote(JobFields.remoteFromText(description));
    }
    JobPosting posting = new JobPosting(title, company, location, description, requirements, responsibilities,
        benefits, salary, employmentType, experienceLevel, remote);
    return new ParsedJob(posting, niceToHave, source, new ParsedJob.Listing(country, datePosted, validThrough));
  }

  private static String shortValue(String v) {
    return v == null || v.length() > 60 ? null : v;
  }
}
