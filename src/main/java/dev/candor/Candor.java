package dev.candor;

import com.typesafe.config.Config;
import dev.candor.http.ErrorHandling;
import dev.candor.http.HttpServer;
import dev.candor.http.rest.AnalyzeAnswerRoutes;
import dev.candor.http.rest.HealthRoutes;
import dev.candor.http.rest.JobAndCandidateRoutes;
import dev.candor.http.rest.SessionRoutes;
import dev.candor.http.ws.InterviewSocketRoute;
import dev.candor.http.ws.openhire.OpenHireConnection;
import dev.candor.interview.Interviewer;
import dev.candor.interview.RuleBasedInterviewer;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionSettings;
import dev.candor.session.Sessions;
import dev.candor.store.CandidateRepository;
import dev.candor.store.Database;
import dev.candor.store.DatabaseSettings;
import dev.candor.store.JobRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/** One Candor node: database, cluster member, interview sessions and the HTTP/WebSocket contracts. */
public final class Candor implements AutoCloseable {

  private final ActorSystem<Void> system;
  private final ServerBinding binding;

  private Candor(ActorSystem<Void> system, ServerBinding binding) {
    this.system = system;
    this.binding = binding;
  }

  public static Candor start(Config config) throws Exception {
    Database database = Database.open(DatabaseSettings.from(config));
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), "candor", database.persistenceConfig().withFallback(config));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    system.getWhenTerminated().thenRun(() -> closeQuietly(database));
    joinCluster(system, config.getString("candor.cluster.seed-nodes"));

    Interviewer interviewer = new RuleBasedInterviewer();
    SessionSettings sessionSettings = SessionSettings.from(config);
    InterviewSession.init(system, interviewer, sessionSettings);
    Duration askTimeout = config.getDuration("candor.http.ask-timeout");
    Sessions sessions = new Sessions(system, askTimeout);
    JobRepository jobs = new JobRepository(database.dataSource());
    CandidateRepository candidates = new CandidateRepository(database.dataSource());
    long maxJsonBody = config.getBytes("candor.http.max-json-body");
    double defaultMaxDuration = sessionSettings.defaultMaxDuration().toMillis() / 60_000.0;

    OpenHireConnection.Dependencies openHire = new OpenHireConnection.Dependencies(sessions, jobs, candidates,
        defaultMaxDuration, system.dispatchers().lookup(DispatcherSelector.blocking()), Clock.systemUTC());
    Route routes = new ErrorHandling().wrap(Directives.concat(
        new HealthRoutes(system, database).routes(),
        new JobAndCandidateRoutes(system, maxJsonBody, jobs, candidates).routes(),
        new AnalyzeAnswerRoutes(system, maxJsonBody, interviewer).routes(),
        new SessionRoutes(sessions).routes(),
        new InterviewSocketRoute(system, config.getBytes("candor.http.max-ws-message"), openHire).routes()));

    try {
      ServerBinding binding = HttpServer.start(system, config.getString("candor.http.host"), config.getInt("candor.http.port"),
          routes).toCompletableFuture().get(30, TimeUnit.SECONDS);
      return new Candor(system, binding);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  /** A lone node joins itself; otherwise it joins the seed nodes named in the settings. */
  private static void joinCluster(ActorSystem<?> system, String seedNodes) {
    Cluster cluster = Cluster.get(system);
    List<Address> seeds = Arrays.stream(seedNodes.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .map(AddressFromURIString::parse)
        .toList();
    if (seeds.isEmpty()) {
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    } else {
      cluster.manager().tell(new JoinSeedNodes(seeds));
    }
  }

  private static void closeQuietly(Database database) {
    try {
      database.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node's actor system, for tools and tests that look inside it (sharding state, cluster membership). */
  public ActorSystem<Void> system() {
    return system;
  }

  public int httpPort() {
    return binding.localAddress().getPort();
  }

  /** Leaves the cluster, stops serving and stops the embedded database (if any). */
  @Override
  public void close() throws ExecutionException, TimeoutException {
    system.terminate();
    try {
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
