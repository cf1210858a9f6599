package dev.candor;

import com.typesafe.config.ConfigFactory;
import org.slf4j.LoggerFactory;

/** {@code java -jar target/candor.jar}: one node with the settings of application.conf and the environment. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    try {
      Candor.start(ConfigFactory.load());
    } catch (Exception e) {
      // Pekko's threads would otherwise keep a node that failed to start alive, serving nothing.
      LoggerFactory.getLogger(Main.class).error("Candor could not start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }
}
