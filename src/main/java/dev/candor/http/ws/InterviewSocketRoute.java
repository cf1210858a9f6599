package dev.candor.http.ws;

import dev.candor.http.Cors;
import dev.candor.http.Json;
import dev.candor.http.ws.openhire.OpenHireConnection;
import dev.candor.http.ws.sessionapi.SessionApiConnection;
import dev.candor.http.ws.voiceloop.VoiceLoopConnection;
import dev.candor.interview.CandidateFit;
import dev.candor.session.SessionIds;
import dev.candor.store.InterviewSetup;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.headers.Origin;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /ws/interview/{session_id}}: validates the id, picks the dialect (see {@link Dialect}), and hands the socket to
 * a connection actor. Seed 004's refusals are close codes sent right after the handshake: 4001 an id that is not a
 * UUID, 4004 no such session, 4000 its resume or job description missing, 4003 a browser origin not allowed.
 */
public final class InterviewSocketRoute extends AllDirectives {

  private final ActorSystem<?> system;
  private final SocketSettings settings;
  private final Cors cors;
  private final OpenHireConnection.Dependencies openHire;
  private final VoiceLoopConnection.Dependencies voiceLoop;
  private final SessionApiConnection.Dependencies sessionApi;

  public InterviewSocketRoute(ActorSystem<?> system, SocketSettings settings, Cors cors, OpenHireConnection.Dependencies openHire,
      VoiceLoopConnection.Dependencies voiceLoop, SessionApiConnection.Dependencies sessionApi) {
    this.system = system;
    this.settings = settings;
    this.cors = cors;
    this.openHire = openHire;
    this.voiceLoop = voiceLoop;
    this.sessionApi = sessionApi;
  }

  public Route routes() {
    return path(PathMatchers.segment("ws").slash("interview").slash(PathMatchers.segment()), sessionId -> get(() ->
        parameterOptional("protocol", protocol -> extractRequest(request -> {
          boolean askedForSessionApi = protocol.flatMap(Dialect::named).filter(d -> d == Dialect.SESSIONAPI).isPresent();
          if (!SessionIds.isValid(sessionId) && !askedForSessionApi) {
            return complete(Json.error(StatusCodes.BAD_REQUEST, "Invalid session id: " + SessionIds.describeRule()));
          }
          Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
          if (upgrade.isEmpty()) {
            return complete(Json.error(StatusCodes.BAD_REQUEST, "Expected a WebSocket upgrade request"));
          }
          Optional<Dialect> subprotocol = StreamSupport.stream(upgrade.get().getRequestedProtocols().spliterator(), false)
              .map(Dialect::named).flatMap(Optional::stream).findFirst();
          Optional<Dialect> chosen = subprotocol;
          if (protocol.isPresent()) {
            chosen = Dialect.named(protocol.get());
            if (chosen.isEmpty()) {
              return complete(Json.error(StatusCodes.BAD_REQUEST,
                  "Unknown protocol '" + protocol.get() + "'; supported: " + Dialect.supported()));
            }
          }
          Socket socket = new Socket(sessionId, request, upgrade.get(), subprotocol.map(Dialect::wireName).orElse(null));
          if (chosen.isPresent() && chosen.get() == Dialect.SESSIONAPI) {
            return SessionIds.isUuid(sessionId)
                ? sessionApi(socket, true)
                : complete(CloseCodes.refuse(socket.upgrade(), 4001, "Invalid session ID format: expected a UUID",
                    socket.subprotocol()));
          }
          if (chosen.isEmpty() && SessionIds.isUuid(sessionId)) {
            return sessionApi(socket, false);
          }
          return handle(socket, chosen);
        }))));
  }

  private record Socket(String sessionId, HttpRequest request, WebSocketUpgrade upgrade, String subprotocol) {}

  /** @param fit null for a session whose retention period ended: only its kept report is left */
  private record Found(InterviewSetup setup, CandidateFit fit) {}

  /**
   * Seed 004's socket, once its setup is read; with {@code explicit} false an id with no setup is another dialect's.
   */
  private Route sessionApi(Socket socket, boolean explicit) {
    Optional<String> origin = socket.request().getHeader(Origin.class)
        .flatMap(o -> o.getOrigins().iterator().hasNext() ? Optional.of(o.getOrigins().iterator().next().toString())
            : Optional.empty());
    boolean allowedOrigin = origin.isEmpty() || cors.allows(origin.get());
    if (explicit && !allowedOrigin) {
      // Before the lookup, so that a page on a foreign origin learns nothing of which sessions exist.
      return complete(CloseCodes.refuse(socket.upgrade(), 4003, "Origin not allowed", socket.subprotocol()));
    }
    var lookup = CompletableFuture.supplyAsync(() -> sessionApi.setups().find(socket.sessionId())
            .map(setup -> new Found(setup, setup.purged() ? null : sessionApi.interviews().fit(setup))), sessionApi.blocking())
        .orTimeout(sessionApi.lookupTimeout().toMillis(), TimeUnit.MILLISECONDS);
    return onComplete(lookup, found -> {
      if (found.isFailure()) {
        // Seed 004's sessions cannot be told apart now; another dialect's socket must not fail for it.
        return explicit
            ? complete(CloseCodes.refuse(socket.upgrade(), 1011, "The session could not be looked up", socket.subprotocol()))
            : handle(socket, Optional.empty());
      }
      Optional<Found> setup = found.get();
      if (setup.isEmpty()) {
        return explicit
            ? complete(CloseCodes.refuse(socket.upgrade(), 4004, "Session not found", socket.subprotocol()))
            : handle(socket, Optional.empty());
      }
      if (!allowedOrigin) {
        return complete(CloseCodes.refuse(socket.upgrade(), 4003, "Origin not allowed", socket.subprotocol()));
      }
      InterviewSetup ready = setup.get().setup();
      if (!ready.hasResume() || !ready.hasJob()) {
        return complete(CloseCodes.refuse(socket.upgrade(), 4000, "Upload resume and JD first", socket.subprotocol()));
      }
      return accept(socket, out -> SessionApiConnection.create(socket.sessionId(), ready, setup.get().fit(), out, sessionApi));
    });
  }

  private Route handle(Socket socket, Optional<Dialect> explicit) {
    String sessionId = socket.sessionId();
    return accept(socket, out -> explicit
        .map(dialect -> connection(dialect, sessionId, out))
        .orElseGet(() -> VoiceLoopConnection.create(sessionId, out, voiceLoop, OpenHireConnection.create(sessionId, out, openHire))));
  }

  private Route accept(Socket socket, Function<ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> actor) {
    var flow = SocketFlow.create(system, settings, actor);
    return complete(socket.subprotocol() != null
        ? socket.upgrade().handleMessagesWith(flow, socket.subprotocol())
        : socket.upgrade().handleMessagesWith(flow));
  }

  private Behavior<SocketMessage> connection(Dialect dialect, String sessionId, ActorRef<SocketMessage.Outgoing> out) {
    return switch (dialect) {
      case OPENHIRE -> OpenHireConnection.create(sessionId, out, openHire);
      case VOICELOOP -> VoiceLoopConnection.create(sessionId, out, voiceLoop, null);
      case SESSIONAPI -> throw new IllegalArgumentException("seed 004's connections are opened by sessionApi()");
    };
  }
}
