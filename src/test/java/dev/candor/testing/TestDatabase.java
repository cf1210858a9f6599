package dev.candor.testing;

import dev.candor.store.Database;
import dev.candor.store.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL for tests: the server DATABASE_URL names (the user needs CREATEDB), else one embedded
 * server per test JVM. Every caller gets a database of its own, created and migrated, so tests never see
 * each other's rows.
 */
public final class TestDatabase {

  private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]*)(.*)$");
  private static EmbeddedPostgresServer embedded;

  private TestDatabase() {}

  public record Db(String url, String user, String password) {}

  public static synchronized Db fresh() {
    Db server = server();
    String name = "candor_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a test database on " + server.url() + ": " + e.getMessage(), e);
    }
    Matcher m = JDBC_URL.matcher(server.url());
    if (!m.matches()) {
      throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + server.url());
    }
    Db fresh = new Db(m.group(1) + name + m.group(3), server.user(), server.password());
    Database.migrate(fresh.url(), fresh.user(), fresh.password());
    return fresh;
  }

  /** Runs a statement on the server's maintenance database, e.g. to lock a test database out. */
  public static void onServer(String sql) {
    Db server = server();
    try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String name(Db db) {
    Matcher m = JDBC_URL.matcher(db.url());
    if (!m.matches()) {
      throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + db.url());
    }
    return m.group(2);
  }

  private static synchronized Db server() {
    String external = System.getenv("DATABASE_URL");
    if (external != null && !external.isBlank()) {
      return new Db(external, envOr("DATABASE_USER", "postgres"), envOr("DATABASE_PASSWORD", ""));
    }
    if (embedded == null) {
      try {
        Path dir = Files.createTempDirectory("candor-test-pg");
        embedded = EmbeddedPostgresServer.start(dir, 0, Duration.ofSeconds(60), Duration.ofSeconds(30));
        EmbeddedPostgresServer server = embedded;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          deleteTree(dir);
        }, "test-postgres-cleanup"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Db(embedded.jdbcUrl("postgres"), EmbeddedPostgresServer.superuser(), "");
  }

  /** Removes what a test left in the temp folder; a file that will not go is left (the next boot clears /tmp). */
  public static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Runs one SQL query returning a single number: for tests that look into the journal. */
  public static long count(Db db, String sql) {
    try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
        Statement s = c.createStatement();
        var rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
