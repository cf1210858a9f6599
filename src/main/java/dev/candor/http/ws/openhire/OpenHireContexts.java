package dev.candor.http.ws.openhire;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.candor.http.Fields;
import dev.candor.ingest.resume.ResumeParser;
import dev.candor.interview.Difficulty;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Resume;
import dev.candor.session.InterviewSession.SessionContext;
import dev.candor.store.CandidateRecord;
import dev.candor.store.JobRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Turns seed 002's database rows and start_interview preferences into what the session is planned from. */
final class OpenHireContexts {

  /** Minutes. Fractions are allowed (the seed types max_duration as a number): 0.5 is a 30-second drill. */
  static final double MIN_DURATION = 0.1;
  static final double MAX_DURATION = 240;
  private static final Pattern LINE_BREAKS = Pattern.compile("\\r?\\n|;|•");

  private OpenHireContexts() {}

  /** A start_interview preference that cannot be honoured. */
  static final class InvalidPreference extends RuntimeException {
    InvalidPreference(String message) {
      super(message);
    }
  }

  static InterviewPreferences preferences(Fields preferences, double defaultMaxDurationMinutes) {
    if (preferences == null) {
      return new InterviewPreferences(defaultMaxDurationMinutes, null, List.of());
    }
    Double maxDuration = preferences.optionalNumber("max_duration");
    if (maxDuration != null && (maxDuration < MIN_DURATION || maxDuration > MAX_DURATION)) {
      throw new InvalidPreference("preferences.max_duration must be between " + MIN_DURATION + " and " + (int) MAX_DURATION
          + " minutes");
    }
    String level = preferences.optionalText("difficulty_level");
    Difficulty difficulty = null;
    if (level != null) {
      try {
        difficulty = Difficulty.valueOf(level.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidPreference("preferences.difficulty_level must be one of easy, medium, hard");
      }
    }
    double minutes = maxDuration == null ? defaultMaxDurationMinutes : maxDuration;
    return new InterviewPreferences(minutes, difficulty, preferences.textList("focus_areas"));
  }

  static SessionContext context(JobRecord job, CandidateRecord candidate, String resumeText, InterviewPreferences preferences) {
    return new SessionContext(candidate.id(), job.id(), resume(candidate, resumeText),
        JOB_POSTINGS.get(job, OpenHireContexts::jobPosting), preferences);
  }

  /**
   * A candidate the candidates table does not hold, for a client that sent the resume itself (seed 002's frontend
   * takes the id as free text): what it knows is the id and, if sent, the name; the rest comes from the resume.
   */
  static CandidateRecord unlisted(String candidateId, String name) {
    return new CandidateRecord(candidateId, name == null ? "" : name.strip(), "", "", "", List.of(), "", "", Instant.EPOCH);
  }

  /** Every interview for one job row holds the same posting, not a copy of its own. */
  private static final Cache<JobRecord, JobPosting> JOB_POSTINGS = Caffeine.newBuilder().maximumSize(256).build();

  /** The requirements text is one requirement per line; each required skill is a requirement too. */
  static JobPosting jobPosting(JobRecord job) {
    List<String> requirements = new ArrayList<>(Arrays.stream(LINE_BREAKS.split(job.requirements()))
        .map(line -> line.replaceFirst("^\\s*[-*]\\s*", "").trim())
        .filter(line -> !line.isEmpty())
        .toList());
    String allRequirements = String.join(" ", requirements).toLowerCase(Locale.ROOT);
    job.skillsRequired().stream()
        .filter(skill -> !allRequirements.contains(skill.toLowerCase(Locale.ROOT)))
        .forEach(requirements::add);
    boolean remote = job.location().toLowerCase(Locale.ROOT).contains("remote");
    return new JobPosting(job.title(), job.company(), job.location(), job.description(), requirements, List.of(), List.of(),
        blankToNull(job.salaryRange()), null, blankToNull(job.experienceLevel()), remote ? Boolean.TRUE : null);
  }

  /**
   * The resume text, parsed, completed by the candidates row: the row's name, email and education are what
   * the candidate entered, and its skills come first.
   */
  static Resume resume(CandidateRecord candidate, String resumeText) {
    Resume parsed = resumeText == null ? ResumeParser.parse(null) : PARSED_RESUMES.get(resumeText, ResumeParser::parse);
    List<Resume.Education> education = !parsed.education().isEmpty() || candidate.education().isBlank()
        ? parsed.education()
        : List.of(new Resume.Education(null, candidate.education(), null, null));
    Set<String> skills = new LinkedHashSet<>(candidate.skills());
    parsed.skills().stream().filter(skill -> skills.stream().noneMatch(skill::equalsIgnoreCase)).forEach(skills::add);
    String email = blankToNull(candidate.email()) != null ? candidate.email() : parsed.email();
    String summary = parsed.summary() != null ? parsed.summary() : blankToNull(candidate.experience());
    String name = blankToNull(candidate.name()) != null ? candidate.name() : parsed.name();
    return new Resume(name, email, parsed.phone(), parsed.location(), parsed.linkedin(), parsed.github(), summary,
        parsed.experience(), education, List.copyOf(skills), parsed.projects(), parsed.certifications(), resumeText);
  }

  /** A candidate's stored resume is the same text for every interview they start: it is parsed once. */
  private static final Cache<String, Resume> PARSED_RESUMES = Caffeine.newBuilder().maximumSize(256).build();

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
