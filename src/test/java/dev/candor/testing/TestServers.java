package dev.candor.testing;

import com.typesafe.config.ConfigFactory;
import dev.candor.Candor;
import dev.candor.testing.audio.CandidateVoice;

/** Nodes for tests that hold spoken interviews. */
public final class TestServers {

  private TestServers() {}

  /** A node on a fresh database, with the given settings (HOCON) over the test defaults. */
  public static Candor node(String settings) throws Exception {
    return Candor.start(ConfigFactory.parseString(settings).withFallback(TestConfigs.node(TestDatabase.fresh())));
  }

  /**
   * A node on a fresh database, with the given settings over the test defaults. The candidate's voice is
   * loaded first, so that no client waits for it inside its wait for the first audio.
   */
  public static Candor speaking(String settings) throws Exception {
    CandidateVoice.say("Warming up.");
    return node(settings);
  }
}
