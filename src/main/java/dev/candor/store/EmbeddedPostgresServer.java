package dev.candor.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL (zonky's binaries from Maven Central) whose files live in a folder of our choosing
 * and survive restarts. Two things differ from zonky's defaults: commits are synchronous again (zonky
 * turns that off for speed, which would lose acknowledged answers on a crash), and a server left behind by
 * a JVM that was killed is found through its postmaster.pid and stopped before we start our own.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  /** zonky holds a file lock on this file for as long as its JVM owns the data folder. */
  private static final String ZONKY_LOCK_FILE = "epg-lock";

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static EmbeddedPostgresServer start(Path dataDir, int port, Duration startupTimeout, Duration leftoverStopTimeout)
      throws IOException {
    Path dir = dataDir.toAbsolutePath().normalize();
    Files.createDirectories(dir);
    stopLeftoverServer(dir, leftoverStopTimeout);
    EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setDataDirectory(dir)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setPGStartupWait(startupTimeout)
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("fsync", "on")
        .setServerConfig("max_connections", "100")
        .start();
    log.info("Embedded PostgreSQL serving {} on port {}", dir, postgres.getPort());
    return new EmbeddedPostgresServer(postgres);
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  public static String superuser() {
    return "postgres";
  }

  @Override
  public void close() throws IOException {
    postgres.close();
  }

  /**
   * After a kill -9 of the JVM that started it, the postmaster keeps running and keeps the data folder;
   * a new server on the same folder would then never come up. If no live JVM holds zonky's lock on the
   * folder, any postmaster named in postmaster.pid is a leftover: ask it to shut down (SIGTERM, PostgreSQL's
   * "smart" shutdown, which is clean because its clients died with the JVM) and wait for it.
   */
  static void stopLeftoverServer(Path dir, Duration stopTimeout) throws IOException {
    Path pidFile = dir.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (RandomAccessFile lockFile = new RandomAccessFile(dir.resolve(ZONKY_LOCK_FILE).toFile(), "rw");
        FileLock lock = lockFile.getChannel().tryLock()) {
      if (lock == null) {
        throw new IOException("The database folder " + dir + " is in use by another running Candor process");
      }
      Optional<ProcessHandle> postmaster = leftoverPostmaster(pidFile, dir);
      if (postmaster.isEmpty()) {
        // No postmaster of ours runs: PostgreSQL checks the stale file itself and takes it over.
        return;
      }
      ProcessHandle process = postmaster.get();
      log.warn("Stopping PostgreSQL left running by a previous Candor process (pid {}) on {}", process.pid(), dir);
      process.destroy();
      try {
        process.onExit().get(stopTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        throw new IOException("PostgreSQL pid " + process.pid() + " on " + dir + " did not stop within "
            + stopTimeout.toSeconds() + "s; stop it and start Candor again", e);
      }
    } catch (java.nio.channels.OverlappingFileLockException e) {
      throw new IOException("The database folder " + dir + " is already in use by this process", e);
    }
  }

  /**
   * The postmaster named in postmaster.pid, if it still runs on this folder. Its pid may have been reused
   * since, so it must be a postgres process and the file's second line (the data folder) must be ours.
   */
  private static Optional<ProcessHandle> leftoverPostmaster(Path pidFile, Path dir) throws IOException {
    List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
    if (lines.size() < 2 || !Path.of(lines.get(1).trim()).toAbsolutePath().normalize().equals(dir)) {
      return Optional.empty();
    }
    long pid;
    try {
      pid = Long.parseLong(lines.get(0).trim());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
  }
}
