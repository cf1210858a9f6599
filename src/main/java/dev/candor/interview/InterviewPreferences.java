package dev.candor.interview;

import java.util.List;

/**
 * What the candidate asked for: seed 002's InterviewPreferences. A null difficulty lets the
 * interviewer derive it from the job's experience level.
 */
public record InterviewPreferences(double maxDurationMinutes, Difficulty difficulty, List<String> focusAreas) {

  public static final double DEFAULT_MAX_DURATION_MINUTES = 30;

  public InterviewPreferences {
    focusAreas = List.copyOf(Resume.nullToEmpty(focusAreas));
  }

  public static InterviewPreferences defaults() {
    return new InterviewPreferences(DEFAULT_MAX_DURATION_MINUTES, null, List.of());
  }
}
