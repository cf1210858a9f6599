package dev.candor.http.ws;

import dev.candor.http.ws.openhire.OpenHireMessages;
import java.util.Optional;
import java.util.function.Function;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** A connection that has not named its protocol: the first client message decides, then the dialect takes over. */
final class DialectSelector {

  private DialectSelector() {}

  static Behavior<SocketMessage> create(ActorRef<SocketMessage.Outgoing> out, Function<Dialect, Behavior<SocketMessage>> dialects) {
    return Behaviors.setup(context -> Behaviors.receive(SocketMessage.class)
        .onMessage(SocketMessage.ClientConnected.class, connected -> {
          connected.ackTo().tell(SocketMessage.Ack.INSTANCE);
          return Behaviors.same();
        })
        .onMessage(SocketMessage.ClientFrame.class, frame -> {
          Optional<Dialect> dialect = frame.frame() instanceof SocketMessage.Text text
              ? Dialect.fromFirstMessage(text.text())
              : Optional.empty();
          if (dialect.isEmpty()) {
            out.tell(new SocketMessage.Send(OpenHireMessages.error(400,
                "Unrecognised message: send {\"type\": ..., \"data\": {...}} messages, or name the protocol with ?protocol=",
                "Supported protocols: " + Dialect.supported(), "ProtocolError")));
            frame.ackTo().tell(SocketMessage.Ack.INSTANCE);
            return Behaviors.same();
          }
          // Nothing else arrives before this frame is acknowledged, so handing it on keeps the order.
          context.getSelf().tell(frame);
          return dialects.apply(dialect.get());
        })
        .onMessage(SocketMessage.ClientClosed.class, closed -> {
          out.tell(SocketMessage.Close.INSTANCE);
          return Behaviors.stopped();
        })
        .onMessage(SocketMessage.ClientFailed.class, failed -> {
          out.tell(SocketMessage.Close.INSTANCE);
          return Behaviors.stopped();
        })
        .build());
  }
}
