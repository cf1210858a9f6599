package dev.candor.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.util.Map;

/** Candor's application.conf with what tests change: free ports, no JVM exit, a given database. */
public final class TestConfigs {

  private TestConfigs() {}

  /** For actor tests without a cluster or a database. */
  public static Config local() {
    return ConfigFactory.parseMap(Map.of(
            "pekko.actor.provider", "local",
            "pekko.coordinated-shutdown.exit-jvm", "off",
            "pekko.persistence.journal.plugin", "pekko.persistence.journal.inmem",
            "pekko.persistence.snapshot-store.plugin", "pekko.persistence.snapshot-store.local"))
        .withFallback(ConfigFactory.load());
  }

  /** A full node on loopback with free ports, on the given database. */
  public static Config node(TestDatabase.Db db) {
    return ConfigFactory.parseMap(Map.of(
            "candor.http.host", "127.0.0.1",
            "candor.http.port", 0,
            "candor.database.url", db.url(),
            "candor.database.user", db.user(),
            "candor.database.password", db.password(),
            "pekko.remote.artery.canonical.port", 0,
            "pekko.coordinated-shutdown.exit-jvm", "off",
            "pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on",
            // The engines load on first use instead: most test servers never speak.
            "candor.speech.warm-up", false))
        .withFallback(ConfigFactory.load());
  }
}
