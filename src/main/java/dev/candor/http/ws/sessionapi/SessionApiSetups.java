package dev.candor.http.ws.sessionapi;

import dev.candor.ingest.job.JobTextParser;
import dev.candor.ingest.resume.ResumeParser;
import dev.candor.interview.CandidateFit;
import dev.candor.interview.InterviewPreferences;
import dev.candor.interview.JobPosting;
import dev.candor.interview.Resume;
import dev.candor.session.InterviewSession;
import dev.candor.store.InterviewSetup;
import dev.candor.store.InterviewSetupRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;

/**
 * Seed 004's setup (the interview_setups row its REST calls fill) read as the interview's inputs: the resume and the
 * job, how they fit, and the context the interview starts from. Both its REST routes and its WebSocket read it here.
 */
public final class SessionApiSetups {

  /**
   * @param questionCount questions planned per interview
   * @param duration each interview's time budget, told down by the clock
   * @param maxFollowUps follow-ups an interview asks at most (one at most per planned question)
   * @param clockInterval how often time_remaining is sent
   * @param maxResumeBytes largest resume upload
   * @param voice the voice a spoken interview is held in; null on a node that cannot speak
   */
  public record Settings(int questionCount, Duration duration, int maxFollowUps, Duration clockInterval, long maxResumeBytes,
      String voice) {}

  private final Settings settings;
  private final InterviewSetupRepository setups;
  private final Clock clock;

  public SessionApiSetups(Settings settings, InterviewSetupRepository setups, Clock clock) {
    this.settings = settings;
    this.setups = setups;
    this.clock = clock;
  }

  public Settings settings() {
    return settings;
  }

  public static Resume resume(InterviewSetup setup) {
    return setup.hasResume() ? ResumeParser.parse(setup.resumeText()) : null;
  }

  /** The posting from its text; the role the client named is its title. */
  public static JobPosting job(InterviewSetup setup) {
    if (!setup.hasJob()) {
      return null;
    }
    JobPosting parsed = JobTextParser.parse(setup.jobText()).posting();
    if (setup.role() == null || setup.role().isBlank()) {
      return parsed;
    }
    return new JobPosting(setup.role().strip(), parsed.company(), parsed.location(), parsed.description(),
        parsed.requirements(), parsed.responsibilities(), parsed.benefits(), parsed.salary(), parsed.employmentType(),
        parsed.experienceLevel(), parsed.remote());
  }

  /**
   * How the resume meets the job; for a candidate who consented in an earlier interview to be remembered (found by the
   * resume's email), that interview's gaps come first among the focus areas. Blocking: it reads the database.
   */
  public CandidateFit fit(InterviewSetup setup) {
    CandidateFit fit = CandidateFit.of(resume(setup), job(setup), Year.now(clock));
    return setups.remembered(setup.candidateEmail(), setup.sessionId())
        .map(earlier -> fit.rememberingGaps(CandidateFit.of(resume(earlier), job(earlier), Year.now(clock)).gaps()))
        .orElse(fit);
  }

  /** The interview to start once both documents are in: its focus areas come from {@code fit}, this setup's. */
  public InterviewSession.SessionContext context(InterviewSetup setup, CandidateFit fit) {
    Resume resume = resume(setup);
    JobPosting job = job(setup);
    InterviewPreferences preferences = new InterviewPreferences(settings.duration().toMillis() / 60_000.0, null, fit.focusAreas());
    String voice = setup.voiceEnabled() ? settings.voice() : null;
    return new InterviewSession.SessionContext(null, null, resume, job, preferences, voice, false, settings.questionCount(),
        false, null, null)
        .withFollowUps(settings.maxFollowUps())
        .withClock((int) Math.max(1, settings.clockInterval().toSeconds()));
  }
}
