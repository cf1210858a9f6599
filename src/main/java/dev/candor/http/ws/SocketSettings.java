package dev.candor.http.ws;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The WebSocket settings of {@code candor.http}.
 *
 * @param maxMessage the largest client message: characters for text, bytes for binary
 */
public record SocketSettings(long maxMessage, int outgoingBuffer, Duration resubscribeInterval) {

  public static SocketSettings from(Config config) {
    Config c = config.getConfig("candor.http");
    return new SocketSettings(c.getBytes("max-ws-message"), c.getInt("ws-outgoing-buffer"),
        c.getDuration("resubscribe-interval"));
  }
}
