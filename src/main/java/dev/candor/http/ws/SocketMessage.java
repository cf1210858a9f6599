package dev.candor.http.ws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * What a WebSocket connection actor receives from its socket. Dialects add their own messages by
 * implementing this interface. Each client frame must be acknowledged before the next one is delivered,
 * so a connection handles its client's messages strictly one after another (the socket reads a few ahead).
 */
public interface SocketMessage {

  enum Ack { INSTANCE }

  /** One complete client message. */
  sealed interface Frame permits Text, Binary, TooLarge, Event {}

  record Text(String text) implements Frame {}

  record Binary(long bytes) implements Frame {}

  /** A message above the size limit; its content was drained and dropped. {@code unit}: characters or bytes. */
  record TooLarge(String unit, long size, long limit) implements Frame {}

  /**
   * A Socket.IO event: its name and arguments (binary attachments as binary nodes), and the acknowledgement
   * the client asked for with it, or null when it asked for none.
   */
  record Event(String name, List<JsonNode> args, Consumer<JsonNode> ack) implements Frame {}

  /**
   * @param sentBeforeRead how many of the connection's messages had gone out to the client when this one was read
   *     from the socket: the client cannot have seen a later one when it sent this
   */
  record ClientFrame(Frame frame, ActorRef<Ack> ackTo, long sentBeforeRead) implements SocketMessage {

    /** A frame taken as read after everything sent so far (one a dialect hands to itself, say). */
    public ClientFrame(Frame frame, ActorRef<Ack> ackTo) {
      this(frame, ackTo, Long.MAX_VALUE);
    }
  }

  record ClientConnected(ActorRef<Ack> ackTo) implements SocketMessage {}

  enum ClientClosed implements SocketMessage { INSTANCE }

  record ClientFailed(Throwable cause) implements SocketMessage {}

  /** What a connection actor sends towards the client. */
  sealed interface Outgoing permits Send, Emit, Close {}

  record Send(String text) implements Outgoing {}

  /**
   * A Socket.IO event towards the client; binary nodes in {@code data} go as binary attachments. {@code offset}, when
   * not null, goes as the last argument: Socket.IO's connection-state recovery hands the last one back on reconnect.
   */
  record Emit(String event, JsonNode data, String offset) implements Outgoing {}

  enum Close implements Outgoing { INSTANCE }
}
