package dev.candor.http.ws;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.candor.http.Json;
import dev.candor.http.auth.Tokens;
import dev.candor.http.ws.socketio.SocketIoEndpoint;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.http.javadsl.model.AttributeKeys;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code /ws/app}: seed 000's interview events for Candor's own web app, as JSON text frames on a plain WebSocket
 * (the browser needs no Socket.IO client). The query stands in for Socket.IO's handshake auth: {@code sessionId}
 * rejoins an interview, {@code token} acts for a signed-in user (an invalid one is a 401 before the upgrade). The events, their order and their errors are the
 * Socket.IO dialect's, from the same connection actor.
 */
public final class AppSocketRoute extends AllDirectives {

  private final ActorSystem<?> system;
  private final SocketSettings settings;
  private final Tokens tokens;
  private final BiFunction<SocketIoEndpoint.Handshake, ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connections;

  public AppSocketRoute(ActorSystem<?> system, SocketSettings settings, Tokens tokens,
      BiFunction<SocketIoEndpoint.Handshake, ActorRef<SocketMessage.Outgoing>, Behavior<SocketMessage>> connections) {
    this.system = system;
    this.settings = settings;
    this.tokens = tokens;
    this.connections = connections;
  }

  public Route routes() {
    return path(PathMatchers.segment("ws").slash("app"), () -> get(() ->
        parameterOptional("sessionId", sessionId -> parameterOptional("token", token -> extractRequest(request -> {
          Optional<WebSocketUpgrade> upgrade = request.getAttribute(AttributeKeys.webSocketUpgrade);
          if (upgrade.isEmpty()) {
            return complete(Json.error(StatusCodes.BAD_REQUEST, "Expected a WebSocket upgrade request"));
          }
          if (token.isPresent() && tokens.userId(token.get()).isEmpty()) {
            // Refused before the upgrade: a browser's WebSocket cannot read an error sent just before a close.
            return complete(Json.error(StatusCodes.UNAUTHORIZED,
                "The token is invalid or expired: sign in again, or connect without one to practise anonymously"));
          }
          ObjectNode auth = Json.object();
          sessionId.ifPresent(id -> auth.put("sessionId", id));
          token.ifPresent(t -> auth.put("token", t));
          var handshake = new SocketIoEndpoint.Handshake(UUID.randomUUID().toString(), auth);
          return complete(upgrade.get().handleMessagesWith(
              SocketFlow.createForEvents(system, settings, out -> connections.apply(handshake, out))));
        })))));
  }
}
