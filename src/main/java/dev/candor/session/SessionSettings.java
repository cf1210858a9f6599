package dev.candor.session;

import com.typesafe.config.Config;
import java.time.Duration;

/** {@code candor.interview} of application.conf. */
public record SessionSettings(
    int questionCount,
    Duration defaultMaxDuration,
    Duration idleTimeout,
    Duration passivateAfter,
    int snapshotEvery,
    int snapshotsKept,
    int workerRetries,
    Duration workerTimeout) {

  public static SessionSettings from(Config config) {
    Config c = config.getConfig("candor.interview");
    return new SessionSettings(
        c.getInt("question-count"),
        c.getDuration("default-max-duration"),
        c.getDuration("idle-timeout"),
        c.getDuration("passivate-after"),
        c.getInt("snapshot-every"),
        c.getInt("snapshots-kept"),
        c.getInt("worker-retries"),
        c.getDuration("worker-timeout"));
  }
}
