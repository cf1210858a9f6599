package dev.candor;

import com.typesafe.config.ConfigFactory;

/** {@code java -jar target/candor.jar}: one node with the settings of application.conf and the environment. */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    Candor.start(ConfigFactory.load());
  }
}
