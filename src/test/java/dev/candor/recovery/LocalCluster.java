package dev.candor.recovery;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.candor.testing.DatabaseProcess;
import dev.candor.testing.ServerProcess;
import dev.candor.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Candor as a cluster of separate JVMs on loopback sharing one PostgreSQL, each node with Pekko Management on, so
 * a test can kill, stop and restart nodes and ask each where its shards are.
 */
final class LocalCluster implements AutoCloseable {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration MEMBERS_TIMEOUT = Duration.ofSeconds(90);

  private final DatabaseProcess database;
  private final Path base;
  private final String name;
  private final Map<String, String> env;
  private final int[] httpPorts;
  private final int[] clusterPorts;
  private final int[] managementPorts;
  private final ServerProcess[] nodes;
  private final int[] starts;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private LocalCluster(DatabaseProcess database, Path base, String name, int size, Map<String, String> env) throws IOException {
    this.database = database;
    this.base = base;
    this.name = name;
    this.env = env;
    this.httpPorts = new int[size];
    this.clusterPorts = new int[size];
    this.managementPorts = new int[size];
    this.nodes = new ServerProcess[size];
    this.starts = new int[size];
    for (int i = 0; i < size; i++) {
      httpPorts[i] = ServerProcess.freePort();
      clusterPorts[i] = ServerProcess.freePort();
      managementPorts[i] = ServerProcess.freePort();
    }
  }

  /** Starts PostgreSQL and {@code size} nodes, and returns once every node is ready and sees all the others Up. */
  static LocalCluster start(String name, int size, Map<String, String> extraEnv) throws Exception {
    Path base = Files.createTempDirectory("candor-" + name);
    DatabaseProcess database = DatabaseProcess.start(base.resolve("postgres"));
    LocalCluster cluster = new LocalCluster(database, base, name, size, extraEnv);
    try {
      for (int i = 0; i < size; i++) {
        cluster.launch(i);
      }
      for (int i = 0; i < size; i++) {
        cluster.nodes[i].awaitReady();
      }
      cluster.awaitMembersUp(size);
    } catch (Exception | AssertionError e) {
      cluster.close();
      throw e;
    }
    return cluster;
  }

  private void launch(int i) throws IOException {
    TestDatabase.Db db = database.db();
    // At first every node lists every node, and the first forms the cluster. A node started again lists only the
    // others: listed first, it would ask them for 5 s (seed-node-timeout) and then, if none answered in time (they
    // are busy under the crowd), form a cluster of its own, a second home for the same sessions.
    boolean again = starts[i] > 0;
    String seeds = java.util.stream.IntStream.range(0, clusterPorts.length).filter(n -> !again || n != i)
        .mapToObj(n -> "pekko://candor@127.0.0.1:" + clusterPorts[n]).collect(Collectors.joining(","));
    Map<String, String> nodeEnv = new HashMap<>(env);
    // Named, so the database can tell which node wrote what (see journalWriters).
    String url = db.url() + (db.url().contains("?") ? "&" : "?") + "ApplicationName=" + nodeName(i);
    nodeEnv.putAll(Map.of("DATABASE_URL", url, "DATABASE_USER", db.user(), "DATABASE_PASSWORD", db.password(),
        "PORT", String.valueOf(httpPorts[i]), "CLUSTER_PORT", String.valueOf(clusterPorts[i]), "CLUSTER_SEED_NODES", seeds,
        "MANAGEMENT_ENABLED", "true", "MANAGEMENT_PORT", String.valueOf(managementPorts[i]),
        "MANAGEMENT_BIND_HOST", "127.0.0.1"));
    // The clients type their answers: a node with speech engines would load them first (CPU the others' heartbeats
    // compete for on this machine, and 20-30 s per start) and use them for nothing.
    nodeEnv.putAll(Map.of("TTS_PROVIDER", "none", "STT_PROVIDER", "none"));
    Path work = base.resolve("node-" + i);
    Files.createDirectories(work);
    nodes[i] = ServerProcess.start(work, nodeEnv, name + "-node-" + i + "-" + starts[i]++);
  }

  int size() {
    return nodes.length;
  }

  int httpPort(int i) {
    return httpPorts[i];
  }

  TestDatabase.Db db() {
    return database.db();
  }

  /** PostgreSQL stopped cleanly, down for {@code down}, and started again on its port and data. */
  void restartDatabase(Duration down) throws Exception {
    database.restart(down);
  }

  /** SIGKILL, like a crash: the node leaves nothing behind and tells nobody. */
  void kill(int i) throws Exception {
    nodes[i].kill();
  }

  /** SIGSTOP: the node stands still, sockets open, as a frozen VM or a partitioned machine would. */
  void pause(int i) throws Exception {
    nodes[i].signal("STOP");
  }

  /** SIGCONT: it runs again, as if nothing had happened, until it hears otherwise. */
  void resume(int i) throws Exception {
    nodes[i].signal("CONT");
  }

  boolean awaitExit(int i, Duration limit) throws InterruptedException {
    return nodes[i].awaitExit(limit);
  }

  /** The name node {@code i} gives the database for its connections. */
  static String nodeName(int i) {
    return "candor-node-" + i;
  }

  /** SIGTERM, as Kubernetes stops a pod; returns whether the node left the cluster (its shards handed over) first. */
  boolean stop(int i) throws Exception {
    nodes[i].stop();
    return nodes[i].log().contains("Exiting completed");
  }

  /** Starts node {@code i} again on its old ports; returns once it is ready and the cluster is whole again. */
  void restart(int i) throws Exception {
    launch(i);
    nodes[i].awaitReady();
    awaitMembersUp(nodes.length);
  }

  /** The interview shards node {@code i} holds, from its own management endpoint. */
  Set<String> shardsOn(int i) throws Exception {
    JsonNode details = getJson(managementPorts[i], "/cluster/shards/InterviewSession");
    Set<String> shards = new HashSet<>();
    details.path("regions").forEach(region -> shards.add(region.path("shardId").asText()));
    return shards;
  }

  private static final int SHARDS = com.typesafe.config.ConfigFactory.load().getInt("pekko.cluster.sharding.number-of-shards");

  /** Sharding's default: the entity id's hash modulo the number of shards. */
  static String shardOf(String sessionId) {
    return String.valueOf(Math.abs(sessionId.hashCode() % SHARDS));
  }

  /** Waits until some node reports {@code count} members, all Up and none unreachable. */
  void awaitMembersUp(int count) throws Exception {
    long deadline = System.nanoTime() + MEMBERS_TIMEOUT.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < nodes.length; i++) {
        try {
          JsonNode members = getJson(managementPorts[i], "/cluster/members");
          last = members.toString();
          List<String> up = new ArrayList<>();
          members.path("members").forEach(m -> {
            if (m.path("status").asText().equals("Up")) {
              up.add(m.path("node").asText());
            }
          });
          if (up.size() == count && members.path("members").size() == count && members.path("unreachable").isEmpty()) {
            return;
          }
        } catch (IOException notAnswering) {
          // that node is down or starting: ask another
        }
      }
      Thread.sleep(300);
    }
    fail("The cluster did not reach " + count + " members Up within " + MEMBERS_TIMEOUT + "; last seen: " + last);
  }

  private JsonNode getJson(int port, String path) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    return MAPPER.readTree(response.body());
  }

  String log(int i) throws IOException {
    return nodes[i].log();
  }

  String logTail(int i) throws IOException {
    return nodes[i].logTail();
  }

  /** The last lines each node (as it runs now) logged that mention session {@code sessionId}: for a failure message. */
  String logLinesAbout(String sessionId, int perNode) throws IOException {
    // Not followed by more of an id, so drill-1-2 does not find drill-1-23.
    java.util.regex.Pattern mention = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(sessionId) + "(?![0-9a-zA-Z_-])");
    StringBuilder found = new StringBuilder();
    for (int i = 0; i < nodes.length; i++) {
      List<String> lines = nodes[i].log().lines().filter(line -> mention.matcher(line).find()).toList();
      for (String line : lines.subList(Math.max(0, lines.size() - perNode), lines.size())) {
        found.append("node ").append(i).append(": ").append(line, 0, Math.min(line.length(), 300)).append('\n');
      }
    }
    return found.toString();
  }

  /** Everything stops, whatever state the test left it in. */
  @Override
  public void close() {
    for (ServerProcess node : nodes) {
      if (node != null) {
        node.close();
      }
    }
    database.close();
    TestDatabase.deleteTree(base);
  }
}
