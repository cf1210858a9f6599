package dev.candor.session;

import com.typesafe.config.Config;
import dev.candor.interview.Interviewer;
import java.time.Duration;

/** {@code candor.interview} of application.conf. */
public record SessionSettings(
    int questionCount,
    Duration defaultMaxDuration,
    Duration idleTimeout,
    Duration passivateAfter,
    Duration passivateEndedAfter,
    int snapshotEvery,
    int snapshotsKept,
    int workerRetries,
    Duration workerBackoff,
    Duration workerTimeout,
    Duration speechTimeout) {

  public SessionSettings {
    if (questionCount < Interviewer.MIN_QUESTIONS || questionCount > Interviewer.MAX_QUESTIONS) {
      throw new IllegalArgumentException("candor.interview.question-count (INTERVIEW_QUESTION_COUNT) must be between "
          + Interviewer.MIN_QUESTIONS + " and " + Interviewer.MAX_QUESTIONS + ", was " + questionCount);
    }
  }

  public static SessionSettings from(Config config) {
    Config c = config.getConfig("candor.interview");
    return new SessionSettings(
        c.getInt("question-count"),
        c.getDuration("default-max-duration"),
        c.getDuration("idle-timeout"),
        c.getDuration("passivate-after"),
        c.getDuration("passivate-ended-after"),
        c.getInt("snapshot-every"),
        c.getInt("snapshots-kept"),
        c.getInt("worker-retries"),
        c.getDuration("worker-backoff"),
        c.getDuration("worker-timeout"),
        c.getDuration("speech-timeout"));
  }
}
