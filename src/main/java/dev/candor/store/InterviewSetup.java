package dev.candor.store;

import java.time.Instant;

/**
 * One row of interview_setups: what seed 004's REST calls gave an interview before it started.
 *
 * @param reportJson the report kept after the retention job deleted the rest; null until then
 * @param purgedAt when that happened; null while the session's data is all there
 * @param resumePurged whether the purge deleted a resume (the session had one)
 */
public record InterviewSetup(String sessionId, String resumeText, String resumeFileName, String jobText, String role,
    boolean memoryOptIn, boolean voiceEnabled, String candidateEmail, String reportJson, Instant purgedAt,
    boolean resumePurged, Instant createdAt) {

  public boolean hasResume() {
    return resumeText != null || resumePurged;
  }

  public boolean purged() {
    return purgedAt != null;
  }

  public boolean hasJob() {
    return jobText != null;
  }
}
