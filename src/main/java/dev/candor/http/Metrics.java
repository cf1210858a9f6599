package dev.candor.http;

import dev.candor.http.ws.OpenSockets;
import dev.candor.session.RequestObserver;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/**
 * This node's metrics in Prometheus's text format, served at /metrics on the management port (MetricsRoutes): the
 * JVM's, the cluster as this node sees it, its open sockets, and every request to a session (how long it took, how
 * it ended, and how many copies went out: copies beyond one mean a session was slow or moving).
 */
public final class Metrics implements Extension, RequestObserver {

  private static final ExtensionId<Metrics> ID = new ExtensionId<>() {
    @Override
    public Metrics createExtension(ActorSystem<?> system) {
      return new Metrics(system);
    }
  };

  /** From a local answer (milliseconds) to a failover (seconds) to the ask timeout (15 s). */
  private static final double[] REQUEST_SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 20};

  /** Every status is reported, at 0 too, so a member that leaves one shows as a drop rather than a missing series. */
  private static final List<MemberStatus> REPORTED_STATUSES = List.of(MemberStatus.up(), MemberStatus.joining(),
      MemberStatus.weaklyUp(), MemberStatus.leaving(), MemberStatus.exiting(), MemberStatus.down());

  private final PrometheusRegistry registry = new PrometheusRegistry();
  /** One series per outcome, looked up once: every request to a session ends in one of them. */
  private final Map<Outcome, DistributionDataPoint> requestSeconds = new EnumMap<>(Outcome.class);
  private final Counter copiesSentAgain;

  private Metrics(ActorSystem<?> system) {
    JvmMetrics.builder().register(registry);
    Histogram requestHistogram = Histogram.builder()
        .name("candor_session_request_seconds")
        .help("Requests to interview sessions, from the first copy sent to the reply or the ask timeout")
        .labelNames("outcome")
        .classicUpperBounds(REQUEST_SECONDS)
        // The text format carries only classic buckets; native ones would cost every observation twice as much.
        .classicOnly()
        .register(registry);
    // Every outcome's series exists from the start, at 0 too, so a rate of timeouts reads 0 rather than nothing.
    for (Outcome outcome : Outcome.values()) {
      requestSeconds.put(outcome, requestHistogram.labelValues(outcome.name().toLowerCase(Locale.ROOT)));
    }
    copiesSentAgain = Counter.builder()
        .name("candor_session_request_copies_sent_again")
        .help("Copies of session requests sent again because the session had not answered yet")
        .register(registry);
    Cluster cluster = Cluster.get(system);
    GaugeWithCallback.builder()
        .name("candor_cluster_members")
        .help("Cluster members by status, as this node sees them")
        .labelNames("status")
        .callback(callback -> {
          Map<MemberStatus, Long> counts = StreamSupport.stream(cluster.state().getMembers().spliterator(), false)
              .collect(Collectors.groupingBy(Member::status, Collectors.counting()));
          for (MemberStatus status : REPORTED_STATUSES) {
            callback.call(counts.getOrDefault(status, 0L), status.toString().toLowerCase(Locale.ROOT));
          }
        })
        .register(registry);
    GaugeWithCallback.builder()
        .name("candor_cluster_unreachable_members")
        .help("Members this node's failure detector cannot reach")
        .callback(callback -> callback.call(cluster.state().getUnreachable().size()))
        .register(registry);
    OpenSockets sockets = OpenSockets.get(system);
    GaugeWithCallback.builder()
        .name("candor_open_sockets")
        .help("WebSocket and Socket.IO connections this node holds")
        .callback(callback -> callback.call(sockets.open()))
        .register(registry);
  }

  public static Metrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  @Override
  public void finished(Outcome outcome, Duration took, int copies) {
    requestSeconds.get(outcome).observe(took.toNanos() / 1e9);
    if (copies > 1) {
      copiesSentAgain.inc(copies - 1);
    }
  }

  /** Everything, in the text format Prometheus scrapes. */
  public byte[] scrape() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PrometheusTextFormatWriter(false).write(out, registry.scrape());
    return out.toByteArray();
  }
}
