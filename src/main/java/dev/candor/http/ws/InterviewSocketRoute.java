package dev.candor.http.ws;

import dev.candor.http.Json;
import dev.candor.http.ws.openhire.OpenHireConnection;
import dev.candor.http.ws.voiceloop.VoiceLoopConnection;
import dev.candor.session.SessionIds;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/** {@code /ws/interview/{session_id}}: validates the id, picks the dialect, and hands the socket to a connection actor. */
public final class InterviewSocketRoute extends AllDirectives {

  private final ActorSystem<?> system;
  private final SocketSettings settings;
  private final OpenHireConnection.Dependencies openHire;
  private final VoiceLoopConnection.Dependencies voiceLoop;

  public InterviewSocketRoute(ActorSystem<?> system, SocketSettings settings, OpenHireConnection.Dependencies openHire,
      VoiceLoopConnection.Dependencies voiceLoop) {
    this.system = system;
    this.settings = settings;
    this.openHire = openHire;
    this.voiceLoop = voiceLoop;
  }

  public Route routes() {
    return path(PathMatchers.segment("ws").slash("interview").slash(PathMatchers.segment()), sessionId ->
        parameterOptional("protocol", protocol -> extractRequest(request -> {
          if (!SessionIds.isValid(sessionId)) {
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
          Optional<Dialect> explicit = chosen;
          var flow = SocketFlow.create(system, settings, out -> explicit
              .map(dialect -> connection(dialect, sessionId, out))
              .orElseGet(() -> VoiceLoopConnection.create(sessionId, out, voiceLoop, OpenHireConnection.create(sessionId, out, openHire))));
          return complete(subprotocol.isPresent()
              ? upgrade.get().handleMessagesWith(flow, subprotocol.get().wireName())
              : upgrade.get().handleMessagesWith(flow));
        })));
  }

  private Behavior<SocketMessage> connection(Dialect dialect, String sessionId, ActorRef<SocketMessage.Outgoing> out) {
    return switch (dialect) {
      case OPENHIRE -> OpenHireConnection.create(sessionId, out, openHire);
      case VOICELOOP -> VoiceLoopConnection.create(sessionId, out, voiceLoop, null);
    };
  }
}
