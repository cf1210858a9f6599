package dev.candor.store;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Candor's PostgreSQL: the server DATABASE_URL names, or the embedded one. Flyway creates every table on
 * open, pekko-persistence-jdbc's journal included, so a fresh server needs nothing done by hand.
 */
public final class Database implements AutoCloseable {

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final HikariDataSource dataSource;
  private final EmbeddedPostgresServer embedded;

  private Database(String jdbcUrl, String user, String password, DatabaseSettings settings, EmbeddedPostgresServer embedded) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embedded = embedded;
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(jdbcUrl);
    hikari.setUsername(user);
    hikari.setPassword(password);
    hikari.setMaximumPoolSize(settings.poolSize());
    hikari.setPoolName("candor");
    hikari.setConnectionTimeout(settings.connectionTimeout().toMillis());
    // A query on a hung server must fail, not hold a thread (and a client waiting behind it) forever.
    hikari.addDataSourceProperty("socketTimeout", Math.max(1, settings.queryTimeout().toSeconds()));
    this.dataSource = new HikariDataSource(hikari);
  }

  /** Starts the embedded server when the settings name none, then migrates the schema. */
  public static Database open(DatabaseSettings settings) throws IOException {
    if (!settings.embedded()) {
      migrate(settings.url(), settings.user(), settings.password());
      return new Database(settings.url(), settings.user(), settings.password(), settings, null);
    }
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(settings.embeddedDataDir(), settings.embeddedPort(),
        settings.embeddedStartupTimeout(), settings.embeddedLeftoverStopTimeout());
    try {
      String url = server.jdbcUrl("postgres");
      migrate(url, EmbeddedPostgresServer.superuser(), "");
      return new Database(url, EmbeddedPostgresServer.superuser(), "", settings, server);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  public static void migrate(String url, String user, String password) {
    Flyway.configure()
        .dataSource(url, user, password)
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** The connection pekko-persistence-jdbc's shared database must use; layered over application.conf. */
  public Config persistenceConfig() {
    String prefix = "pekko-persistence-jdbc.shared-databases.default.db.";
    return ConfigFactory.parseMap(Map.of(prefix + "url", jdbcUrl, prefix + "user", user, prefix + "password", password));
  }

  /** True when a connection answers within the timeout: what /ready asks. */
  public boolean answers(int timeoutSeconds) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(timeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    dataSource.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
