package dev.candor.store;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/** {@code candor.database} of application.conf. An empty url means: run the embedded PostgreSQL. */
public record DatabaseSettings(
    String url,
    String user,
    String password,
    int poolSize,
    Duration connectionTimeout,
    Duration queryTimeout,
    Path embeddedDataDir,
    int embeddedPort,
    Duration embeddedStartupTimeout,
    Duration embeddedLeftoverStopTimeout) {

  public static DatabaseSettings from(Config config) {
    Config c = config.getConfig("candor.database");
    return new DatabaseSettings(
        c.getString("url").trim(),
        c.getString("user"),
        c.getString("password"),
        c.getInt("pool-size"),
        c.getDuration("connection-timeout"),
        c.getDuration("query-timeout"),
        Path.of(c.getString("embedded.data-dir")),
        c.getInt("embedded.port"),
        c.getDuration("embedded.startup-timeout"),
        c.getDuration("embedded.leftover-stop-timeout"));
  }

  public boolean embedded() {
    return url.isEmpty();
  }
}
