package dev.candor.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the embedded PostgreSQL on its own, so that several Candor nodes (or a test that kills them)
 * can share one database that outlives them:
 * {@code java -cp target/candor.jar dev.candor.store.EmbeddedDatabaseMain [port] [data-folder]}.
 * It prints the JDBC URL to give the nodes as DATABASE_URL and runs until stopped (Ctrl-C stops PostgreSQL).
 */
public final class EmbeddedDatabaseMain {

  private EmbeddedDatabaseMain() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 5432;
    Path dataDir = Path.of(args.length > 1 ? args[1] : "data/postgres");
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, port, Duration.ofSeconds(60), Duration.ofSeconds(30));
    Database.migrate(server.jdbcUrl("postgres"), EmbeddedPostgresServer.superuser(), "");
    System.out.println("DATABASE_URL=" + server.jdbcUrl("postgres"));
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
