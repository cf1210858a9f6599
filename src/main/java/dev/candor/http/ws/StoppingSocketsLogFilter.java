package dev.candor.http.ws;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Drops Pekko HTTP's error line for each WebSocket a stopping node closes on purpose ("Websocket handler failed with
 * This node is stopping"): a rolling update would log one per client. The node logs how many it closed instead.
 */
public final class StoppingSocketsLogFilter extends Filter<ILoggingEvent> {

  private static final String STOPPING = SocketStage.NodeStoppingException.class.getName();

  @Override
  public FilterReply decide(ILoggingEvent event) {
    IThrowableProxy thrown = event.getThrowableProxy();
    return thrown != null && STOPPING.equals(thrown.getClassName()) ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
