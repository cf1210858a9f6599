package dev.candor.http.ws;

import java.time.Duration;
import org.apache.pekko.http.impl.engine.ws.FrameEvent;
import org.apache.pekko.http.impl.engine.ws.FrameEvent$;
import org.apache.pekko.http.impl.engine.ws.UpgradeToWebSocketLowLevel;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import scala.Option;

/**
 * Accepts a WebSocket only to close it at once with an application close code (4000-4999), which is how seed 004 says
 * why a connection is refused. Pekko HTTP's public API closes a socket with 1000 or 1011 only; its frame-level handler
 * (internal, but stable since Akka HTTP 10.0 and pinned here with the rest of Pekko HTTP) can send any close frame, so
 * this class is the one place that uses it. The client's answering close frame ends the connection; one that never
 * answers is cut off after a short grace.
 */
public final class CloseCodes {

  private static final Duration GRACE = Duration.ofSeconds(5);

  private CloseCodes() {}

  public static HttpResponse refuse(WebSocketUpgrade upgrade, int code, String reason, String subprotocol) {
    FrameEvent close = FrameEvent$.MODULE$.closeFrame(code, reason, Option.empty());
    Flow<FrameEvent, FrameEvent, Object> frames = Flow.<FrameEvent>create()
        .via(Flow.fromSinkAndSourceCoupled(Sink.<FrameEvent>ignore(),
            Source.single(close).concat(Source.<FrameEvent>maybe()).takeWithin(GRACE)))
        .mapMaterializedValue(ignored -> ignored);
    return ((UpgradeToWebSocketLowLevel) upgrade).handleFrames(frames, Option.apply(subprotocol));
  }
}
