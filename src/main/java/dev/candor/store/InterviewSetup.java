package dev.candor.store;

import java.time.Instant;

/** One row of interview_setups: what seed 004's REST calls gave an interview before it started. */
public record InterviewSetup(String sessionId, String resumeText, String resumeFileName, String jobText, String role,
    boolean memoryOptIn, boolean voiceEnabled, Instant createdAt) {

  public boolean hasResume() {
    return resumeText != null;
  }

  public boolean hasJob() {
    return jobText != null;
  }
}
