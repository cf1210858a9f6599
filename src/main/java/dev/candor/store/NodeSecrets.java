package dev.candor.store;

import java.util.function.Supplier;
import javax.sql.DataSource;

/** Secrets every node of a cluster must agree on when no one configured them. Blocking JDBC. */
public final class NodeSecrets {

  private final Jdbc jdbc;

  public NodeSecrets(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * The secret of this name: the one stored, or a new one from {@code generate} stored now. Nodes starting together
   * all end with the same secret: the first insert wins and the others read it.
   */
  public String getOrCreate(String name, Supplier<String> generate) {
    jdbc.update("INSERT INTO node_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", (c, s) -> {
      s.setString(1, name);
      s.setString(2, generate.get());
    });
    return jdbc.queryOne("SELECT value FROM node_secrets WHERE name = ?", (c, s) -> s.setString(1, name),
        row -> row.getString("value")).orElseThrow();
  }
}
