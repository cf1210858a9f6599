package dev.candor;

import com.typesafe.config.Config;
import dev.candor.ai.llm.AnswerRelevance;
import dev.candor.ai.llm.ChatModels;
import dev.candor.ai.llm.LlmSettings;
import dev.candor.ai.llm.RelevanceBlendingInterviewer;
import dev.candor.http.Cors;
import dev.candor.http.DatabaseReadiness;
import dev.candor.http.ErrorHandling;
import dev.candor.http.HttpServer;
import dev.candor.http.Metrics;
import dev.candor.http.SpeechReadiness;
import dev.candor.http.auth.Accounts;
import dev.candor.http.auth.Tokens;
import dev.candor.http.rest.AnalyzeAnswerRoutes;
import dev.candor.http.rest.AuthRoutes;
import dev.candor.http.rest.HealthRoutes;
import dev.candor.http.rest.InterviewHistoryRoutes;
import dev.candor.http.rest.JobAndCandidateRoutes;
import dev.candor.http.rest.JobRoutes;
import dev.candor.http.rest.ApiDocsRoutes;
import dev.candor.http.rest.ReportRoutes;
import dev.candor.http.rest.WebAppRoutes;
import dev.candor.http.rest.LifecycleAuthRoutes;
import dev.candor.http.rest.LifecycleRoutes;
import dev.candor.http.rest.SessionApiRoutes;
import dev.candor.http.ws.sessionapi.SessionApiConnection;
import dev.candor.http.ws.sessionapi.SessionApiRetention;
import dev.candor.http.ws.sessionapi.SessionApiSetups;
import dev.candor.http.rest.ResumeRoutes;
import dev.candor.http.rest.SessionRoutes;
import dev.candor.http.rest.SpokenLineRoutes;
import dev.candor.http.ws.InterviewSocketRoute;
import dev.candor.http.ws.Recordings;
import dev.candor.http.ws.AppSocketRoute;
import dev.candor.http.ws.interviewbot.InterviewBotConnection;
import dev.candor.http.ws.socketio.SocketIoEndpoint;
import dev.candor.http.ws.SocketSettings;
import dev.candor.http.ws.openhire.OpenHireConnection;
import dev.candor.http.ws.voiceloop.VoiceLoopConnection;
import dev.candor.ingest.job.BoardApis;
import dev.candor.ingest.job.JobPages;
import dev.candor.ingest.job.SafeFetcher;
import dev.candor.ingest.resume.ResumeTextExtractor;
import dev.candor.interview.Interviewer;
import dev.candor.session.InterviewSession;
import dev.candor.session.SessionSettings;
import dev.candor.session.Sessions;
import dev.candor.session.SpeechServices;
import dev.candor.store.AudioRepository;
import dev.candor.store.CandidateRepository;
import dev.candor.store.Database;
import dev.candor.store.DatabaseSettings;
import dev.candor.store.InterviewOwners;
import dev.candor.store.ReportShares;
import dev.candor.store.InterviewSetupRepository;
import dev.candor.store.JobRepository;
import dev.candor.store.NodeSecrets;
import dev.candor.store.PauseFence;
import dev.candor.store.UserRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.AddressFromURIString;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.cluster.typed.JoinSeedNodes;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.management.cluster.bootstrap.ClusterBootstrap;
import org.apache.pekko.management.javadsl.PekkoManagement;

/** One Candor node: database, cluster member, interview sessions and the HTTP/WebSocket contracts. */
public final class Candor implements AutoCloseable {

  private final ActorSystem<Void> system;
  private final ServerBinding binding;

  private Candor(ActorSystem<Void> system, ServerBinding binding) {
    this.system = system;
    this.binding = binding;
  }

  /** Settings are all read and checked before anything starts, so a bad one stops the node at once. */
  public static Candor start(Config config) throws Exception {
    DatabaseSettings databaseSettings = DatabaseSettings.from(config);
    SessionSettings sessionSettings = SessionSettings.from(config);
    SocketSettings socketSettings = SocketSettings.from(config);
    List<Address> seedNodes = seedNodes(config.getString("candor.cluster.seed-nodes"));
    boolean kubernetes = kubernetesDiscovery(config.getString("candor.cluster.discovery"));
    boolean management = kubernetes || config.getBoolean("candor.management.enabled");
    Duration askTimeout = config.getDuration("candor.http.ask-timeout");
    Duration askRetryAfter = config.getDuration("candor.http.ask-retry-after");
    long maxJsonBody = config.getBytes("candor.http.max-json-body");
    String host = config.getString("candor.http.host");
    int port = config.getInt("candor.http.port");
    Duration drain = config.getDuration("candor.http.shutdown-drain");
    Cors cors = Cors.parse(config.getString("candor.http.cors-allowed-origins"));
    SocketIoEndpoint.Settings socketIoSettings = new SocketIoEndpoint.Settings(
        config.getDuration("candor.socketio.ping-interval"), config.getDuration("candor.socketio.ping-timeout"),
        config.getBytes("candor.socketio.max-message"), config.getInt("candor.socketio.buffer"));
    String jwtSecret = config.getString("candor.auth.jwt-secret");
    Duration tokenLifetime = Duration.ofMinutes(config.getLong("candor.auth.access-token-expire-minutes"));
    if (tokenLifetime.isNegative() || tokenLifetime.isZero()) {
      throw new IllegalArgumentException("candor.auth.access-token-expire-minutes (ACCESS_TOKEN_EXPIRE_MINUTES) must be "
          + "at least 1, was " + tokenLifetime.toMinutes());
    }
    int minPasswordLength = config.getInt("candor.auth.min-password-length");
    if (!jwtSecret.isEmpty()) {
      Tokens.requireStrong(jwtSecret);
    }
    int maxResumePages = config.getInt("candor.ingest.max-pages");
    Config lifecycle = config.getConfig("candor.lifecycle");
    LifecycleRoutes.Settings lifecycleSettings = new LifecycleRoutes.Settings(lifecycle.getInt("question-count"),
        lifecycle.getBytes("max-resume"), lifecycle.getBytes("max-video"),
        lifecycle.getDuration("setup-timeout"), sessionSettings.defaultMaxDuration().toMillis() / 60_000.0);
    int ttsMaxChars = positive(lifecycle, "tts-max-chars", "TTS_MAX_CHARS");
    Config jobFetch = config.getConfig("candor.ingest.job-fetch");
    SafeFetcher.Settings fetchSettings = new SafeFetcher.Settings(jobFetch.getBoolean("allow-private"),
        jobFetch.getInt("max-redirects"), jobFetch.getBytes("max-bytes"), jobFetch.getDuration("connect-timeout"),
        jobFetch.getDuration("read-timeout"), jobFetch.getString("user-agent"));
    JobPages jobPages = new JobPages(new SafeFetcher(fetchSettings), new BoardApis(jobFetch.getString("greenhouse-api"),
        jobFetch.getString("lever-api"), jobFetch.getString("smartrecruiters-api"), jobFetch.getString("workday-api")),
        jobFetch.getBoolean("only-known-boards"));
    // Each redirect hop may take the full connect and read time.
    Duration jobTimeout = fetchSettings.connectTimeout().plus(fetchSettings.readTimeout())
        .multipliedBy(fetchSettings.maxRedirects() + 1);
    SpeechSetup speechSetup = SpeechSetup.from(config);
    if (socketIoSettings.maxMessage() <= speechSetup.maxAudioBytes()) {
      throw new IllegalArgumentException("candor.socketio.max-message (SOCKETIO_MAX_MESSAGE) must exceed the largest "
          + "recording, candor.speech max-audio (VOICE_MAX_AUDIO): " + socketIoSettings.maxMessage() + " <= "
          + speechSetup.maxAudioBytes() + " bytes");
    }
    double relevanceWeight = config.getDouble("candor.interview.relevance-weight");
    Interviewer engine = ChatModels.interviewer(LlmSettings.from(config.getConfig("candor.llm")));
    Interviewer interviewer = relevanceWeight == 0 ? engine
        : new RelevanceBlendingInterviewer(engine, AnswerRelevance::shared, relevanceWeight);

    Database database = Database.open(databaseSettings);
    ActorSystem<Void> system;
    try {
      system = ActorSystem.create(Behaviors.empty(), "candor", database.persistenceConfig().withFallback(config));
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
    system.getWhenTerminated().thenRun(() -> closeQuietly(database));
    try {
      DatabaseReadiness.register(Adapter.toClassic(system), database);
      // Counting from now, not from the first write: a stop before it counts too.
      PauseFence.get(Adapter.toClassic(system));
      Duration deadMemberProbe = config.getDuration("candor.cluster.dead-member-probe-interval");
      if (!deadMemberProbe.isZero()) {
        system.systemActorOf(DeadMemberDowning.create(deadMemberProbe), "dead-member-downing", Props.empty());
      }
      // Started, and registered for readiness, before the port opens: /ready never says yes while the engines are cold.
      CompletableFuture<Void> warm = speechSetup.warmUpInBackground(relevanceWeight == 0 ? () -> { } : AnswerRelevance::shared);
      if (!kubernetes) {
        joinCluster(system, seedNodes);
      }
      AudioRepository audio = new AudioRepository(database.dataSource());
      SpeechServices speech = speechSetup.services(audio, system, sessionSettings.speechTimeout());
      SpeechReadiness.register(Adapter.toClassic(system), speechSetup.speakAheadWhenWarm(warm, speech, interviewer.cannedLines()));
      InterviewSession.init(system, interviewer, speech, sessionSettings);
      Sessions sessions = new Sessions(system, askTimeout, askRetryAfter, Metrics.get(system));
      JobRepository jobs = new JobRepository(database.dataSource());
      CandidateRepository candidates = new CandidateRepository(database.dataSource());
      Tokens tokens = new Tokens(jwtSecret.isEmpty()
          ? new NodeSecrets(database.dataSource()).getOrCreate("jwt-hs256", Tokens::generateSecret) : jwtSecret,
          tokenLifetime, Clock.systemUTC());
      Accounts accounts = new Accounts(new UserRepository(database.dataSource()), tokens, minPasswordLength);
      InterviewOwners owners = new InterviewOwners(database.dataSource());
      InterviewSetupRepository setups = new InterviewSetupRepository(database.dataSource());
      SessionApiSetups sessionApiSetups = new SessionApiSetups(
          sessionApiSettings(config.getConfig("candor.sessionapi"), speech == null || speech.voice() == null ? null : speechSetup.voice()),
          setups, Clock.systemUTC());
      OpenHireConnection.Dependencies openHire = new OpenHireConnection.Dependencies(sessions, jobs, candidates,
          sessionSettings.defaultMaxDuration().toMillis() / 60_000.0, system.dispatchers().lookup(DispatcherSelector.blocking()),
          askTimeout, socketSettings.resubscribeInterval(), Clock.systemUTC());
      VoiceLoopConnection.Dependencies voiceLoop = new VoiceLoopConnection.Dependencies(sessions, audio,
          system.dispatchers().lookup(DispatcherSelector.blocking()), askTimeout, socketSettings.resubscribeInterval(),
          speechSetup.maxAudioBytes(), speechSetup.voice(), speechSetup.hears());
      Config sessionApiConfig = config.getConfig("candor.sessionapi");
      new SessionApiRetention(new SessionApiRetention.Settings(sessionApiConfig.getDuration("retention"),
          sessionApiConfig.getDuration("retention-check")), setups, sessionApiSetups, sessions, askTimeout, Clock.systemUTC())
          .schedule(system, system.dispatchers().lookup(DispatcherSelector.blocking()));
      SessionApiConnection.Dependencies sessionApi = new SessionApiConnection.Dependencies(sessions, setups, sessionApiSetups,
          system.dispatchers().lookup(DispatcherSelector.blocking()), askTimeout, socketSettings.resubscribeInterval(),
          Clock.systemUTC());
      Recordings recordings = new Recordings(sessions, audio, system.dispatchers().lookup(DispatcherSelector.blocking()), askTimeout);
      InterviewBotConnection.Dependencies interviewBot = new InterviewBotConnection.Dependencies(recordings,
          socketSettings.resubscribeInterval(), speechSetup.maxAudioBytes(), speechSetup.voice(), speechSetup.hears(), jobPages,
          jobTimeout, tokens, owners);
      SocketIoEndpoint socketIo = new SocketIoEndpoint(system, socketIoSettings,
          (handshake, out) -> InterviewBotConnection.create(handshake, out, interviewBot), InterviewBotConnection::resumable);
      Route routes = cors.wrap(new ErrorHandling().wrap(Directives.concat(
          new HealthRoutes(system, database).routes(),
          new JobAndCandidateRoutes(system, maxJsonBody, jobs, candidates).routes(),
          new AnalyzeAnswerRoutes(system, maxJsonBody, interviewer).routes(),
          new SessionRoutes(system, sessions, owners, tokens).routes(),
          new AuthRoutes(system, maxJsonBody, accounts).routes(),
          new LifecycleAuthRoutes(system, maxJsonBody, accounts).routes(),
          new InterviewHistoryRoutes(system, tokens, owners, sessions).routes(),
          new ReportRoutes(system, tokens, owners, new ReportShares(database.dataSource()), sessions).routes(),
          new ResumeRoutes(system, new ResumeTextExtractor(maxResumePages)).routes(),
          new LifecycleRoutes(system, lifecycleSettings, tokens, owners, sessions, recordings,
              new ResumeTextExtractor(maxResumePages)).routes(),
          new SpokenLineRoutes(system, maxJsonBody, speech, tokens, ttsMaxChars).routes(),
          new JobRoutes(system, maxJsonBody, jobPages, jobTimeout).routes(),
          new SessionApiRoutes(system, maxJsonBody, setups, sessionApiSetups, sessions, new ResumeTextExtractor(maxResumePages),
              Clock.systemUTC()).routes(),
          new InterviewSocketRoute(system, socketSettings, cors, openHire, voiceLoop, sessionApi).routes(),
          new AppSocketRoute(system, socketSettings, tokens,
              (handshake, out) -> InterviewBotConnection.create(handshake, out, interviewBot)).routes(),
          new WebAppRoutes().routes(),
          new ApiDocsRoutes().routes(),
          socketIo.routes())));
      ServerBinding binding = HttpServer.start(system, host, port, drain, routes).toCompletableFuture().get(30, TimeUnit.SECONDS);
      // After the binding: management's readiness must not say yes while the contracts' port is still closed.
      if (management) {
        PekkoManagement.get(Adapter.toClassic(system)).start().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
      if (kubernetes) {
        ClusterBootstrap.get(Adapter.toClassic(system)).start();
      }
      return new Candor(system, binding);
    } catch (Exception e) {
      system.terminate();
      throw e;
    }
  }

  private static SessionApiSetups.Settings sessionApiSettings(Config sessionApi, String voice) {
    int questionCount = sessionApi.getInt("question-count");
    if (questionCount < Interviewer.MIN_QUESTIONS || questionCount > Interviewer.MAX_QUESTIONS) {
      throw new IllegalArgumentException("candor.sessionapi.question-count (SESSIONAPI_QUESTION_COUNT) must be between "
          + Interviewer.MIN_QUESTIONS + " and " + Interviewer.MAX_QUESTIONS + ", was " + questionCount);
    }
    int maxFollowUps = sessionApi.getInt("max-follow-ups");
    if (maxFollowUps < 0) {
      throw new IllegalArgumentException("candor.sessionapi.max-follow-ups (SESSIONAPI_MAX_FOLLOW_UPS) must be 0 or more, was "
          + maxFollowUps);
    }
    Duration duration = sessionApi.getDuration("duration");
    Duration clockInterval = sessionApi.getDuration("clock-interval");
    if (duration.toSeconds() < 10 || clockInterval.toSeconds() < 1) {
      throw new IllegalArgumentException("candor.sessionapi.duration (SESSIONAPI_DURATION) must be at least 10s and "
          + "clock-interval (SESSIONAPI_CLOCK_INTERVAL) at least 1s, were " + duration + " and " + clockInterval);
    }
    return new SessionApiSetups.Settings(questionCount, duration, maxFollowUps, clockInterval, sessionApi.getBytes("max-resume"),
        voice);
  }

  private static int positive(Config config, String path, String variable) {
    int value = config.getInt(path);
    if (value < 1) {
      throw new IllegalArgumentException("candor.lifecycle." + path + " (" + variable + ") must be at least 1, was " + value);
    }
    return value;
  }

  private static List<Address> seedNodes(String commaSeparated) {
    try {
      return Arrays.stream(commaSeparated.split(","))
          .map(String::trim)
          .filter(s -> !s.isEmpty())
          .map(AddressFromURIString::parse)
          .toList();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("candor.cluster.seed-nodes (CLUSTER_SEED_NODES) must be comma-separated "
          + "addresses like pekko://candor@10.0.0.1:7355, was '" + commaSeparated + "'", e);
    }
  }

  private static boolean kubernetesDiscovery(String discovery) {
    return switch (discovery) {
      case "seed-nodes" -> false;
      case "kubernetes" -> true;
      default -> throw new IllegalArgumentException("candor.cluster.discovery (CLUSTER_DISCOVERY) must be seed-nodes or "
          + "kubernetes, was '" + discovery + "'");
    };
  }

  /** A lone node joins itself; otherwise it joins the seed nodes named in the settings. */
  private static void joinCluster(ActorSystem<?> system, List<Address> seeds) {
    Cluster cluster = Cluster.get(system);
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
