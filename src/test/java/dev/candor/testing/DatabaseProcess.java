package dev.candor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL started on its own ({@code dev.candor.store.EmbeddedDatabaseMain} from the jar), as a
 * database that outlives the Candor processes a test starts and kills.
 */
public final class DatabaseProcess implements AutoCloseable {

  private Process process;
  private final TestDatabase.Db db;
  private final Path dataDir;
  private final int port;

  private DatabaseProcess(Process process, TestDatabase.Db db, Path dataDir, int port) {
    this.process = process;
    this.db = db;
    this.dataDir = dataDir;
    this.port = port;
  }

  public static DatabaseProcess start(Path dataDir) throws Exception {
    int port = ServerProcess.freePort();
    Process process = launch(port, dataDir);
    return new DatabaseProcess(process, new TestDatabase.Db(awaitUrl(process), "postgres", ""), dataDir, port);
  }

  /** Stops PostgreSQL cleanly, waits {@code down}, and starts it again on the same port and data. */
  public void restart(java.time.Duration down) throws Exception {
    stop();
    Thread.sleep(down.toMillis());
    process = launch(port, dataDir);
    awaitUrl(process);
  }

  private static Process launch(int port, Path dataDir) throws Exception {
    String jar = System.getProperty("candor.jar", Path.of("target", "candor.jar").toAbsolutePath().toString());
    return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", jar, "dev.candor.store.EmbeddedDatabaseMain", String.valueOf(port), dataDir.toString())
        .redirectErrorStream(true)
        .start();
  }

  /** The URL the process prints once PostgreSQL is up; its further output is drained. */
  private static String awaitUrl(Process process) throws Exception {
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    String line;
    while ((line = output.readLine()) != null) {
      seen.append(line).append('\n');
      if (line.startsWith("DATABASE_URL=")) {
        Thread drain = new Thread(() -> output.lines().forEach(l -> { }), "database-process-output");
        drain.setDaemon(true);
        drain.start();
        return line.substring("DATABASE_URL=".length());
      }
    }
    fail("EmbeddedDatabaseMain ended without printing DATABASE_URL:\n" + seen);
    return null;
  }

  public TestDatabase.Db db() {
    return db;
  }

  /** SIGTERM: its shutdown hook stops PostgreSQL cleanly; then its data folder is removed. */
  @Override
  public void close() {
    stop();
    TestDatabase.deleteTree(dataDir);
  }

  private void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
