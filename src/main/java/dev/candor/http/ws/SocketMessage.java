package dev.candor.http.ws;

import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a WebSocket connection actor receives from its socket. Dialects add their own messages by
 * implementing this interface. Each client frame must be acknowledged before the next one is delivered,
 * so a connection handles its client's messages strictly one after another.
 */
public interface SocketMessage {

  enum Ack { INSTANCE }

  /** One complete client message. */
  sealed interface Frame permits Text, Binary, TooLarge {}

  record Text(String text) implements Frame {}

  record Binary(long bytes) implements Frame {}

  /** A message above the size limit; its content was drained and dropped. {@code unit}: characters or bytes. */
  record TooLarge(String unit, long size, long limit) implements Frame {}

  record ClientFrame(Frame frame, ActorRef<Ack> ackTo) implements SocketMessage {}

  record ClientConnected(ActorRef<Ack> ackTo) implements SocketMessage {}

  enum ClientClosed implements SocketMessage { INSTANCE }

  record ClientFailed(Throwable cause) implements SocketMessage {}

  /** What a connection actor sends towards the client. */
  sealed interface Outgoing permits Send, Close {}

  record Send(String text) implements Outgoing {}

  enum Close implements Outgoing { INSTANCE }
}
