package dev.candor;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.apache.pekko.actor.Address;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Adapter;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Down;
import org.apache.pekko.remote.RemoteActorRefProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Downs a member whose process is gone within about a probe interval, rather than once its heartbeats have been
 * missed long enough to call it unreachable (3-4.5 s in kill drills at 300 clients here) and the split brain
 * resolver has seen that stable for its {@code stable-after} (2.3 s more). Missing heartbeats look the same for a
 * dead process, a frozen one and a cut-off network; only the first is safe to down at once, and only its port
 * refuses a connection: the kernel completes a frozen process's connections into its listen queue, and a cut-off
 * machine does not answer. So every {@code interval} this node opens and closes a TCP connection to each other
 * member's cluster port (Pekko's remoting logs nothing for a connection that sends nothing); a member whose port
 * refuses is downed at once, anything else is left to the failure detector and the resolver. Only a node that still
 * reaches a majority of the members, counting the refusing ones as lost, downs anyone, as the resolver's
 * keep-majority would decide: a node in the minority whose peers refuse (a firewall rejecting) waits for the
 * resolver, which downs that node itself. The downed member is quarantined too, so that it is removed at once.
 */
final class DeadMemberDowning {

  private static final Logger log = LoggerFactory.getLogger(DeadMemberDowning.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

  sealed interface Message {}

  private enum ProbeAll implements Message { INSTANCE }

  private record Probed(Set<Member> refused) implements Message {}

  private final ActorContext<Message> context;
  private final Cluster cluster;
  private final RemoteActorRefProvider remoting;
  private final Executor blocking;

  private DeadMemberDowning(ActorContext<Message> context) {
    this.context = context;
    this.cluster = Cluster.get(context.getSystem());
    this.remoting = (RemoteActorRefProvider) ((ExtendedActorSystem) Adapter.toClassic(context.getSystem())).provider();
    this.blocking = context.getSystem().dispatchers().lookup(DispatcherSelector.blocking());
  }

  static Behavior<Message> create(Duration interval) {
    return Behaviors.setup(context -> Behaviors.withTimers(timers -> {
      timers.startTimerWithFixedDelay(ProbeAll.INSTANCE, interval);
      return new DeadMemberDowning(context).idle();
    }));
  }

  private Behavior<Message> idle() {
    return Behaviors.receive(Message.class)
        .onMessageEquals(ProbeAll.INSTANCE, this::probeAll)
        .build();
  }

  /** One round at a time: a tick that finds the last round still out is skipped. */
  private Behavior<Message> probing() {
    return Behaviors.receive(Message.class)
        .onMessageEquals(ProbeAll.INSTANCE, Behaviors::same)
        .onMessage(Probed.class, probed -> {
          downIfAMajorityRemains(probed.refused());
          return idle();
        })
        .build();
  }

  private Behavior<Message> probeAll() {
    List<CompletableFuture<Member>> probes = new ArrayList<>();
    for (Member member : cluster.state().getMembers()) {
      if (!member.uniqueAddress().equals(cluster.selfMember().uniqueAddress()) && probed(member.status())) {
        probes.add(CompletableFuture.supplyAsync(() -> refusesConnections(member.address()) ? member : null, blocking)
            .exceptionally(error -> null));
      }
    }
    if (probes.isEmpty()) {
      return Behaviors.same();
    }
    context.pipeToSelf(CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new)),
        (done, error) -> new Probed(probes.stream().map(probe -> probe.getNow(null)).filter(Objects::nonNull)
            .collect(Collectors.toSet())));
    return probing();
  }

  private void downIfAMajorityRemains(Set<Member> refused) {
    if (refused.isEmpty()) {
      return;
    }
    var state = cluster.state();
    Set<Member> lost = new HashSet<>(state.getUnreachable());
    lost.addAll(refused);
    if (!reachesAMajority(state.getMembers(), lost)) {
      return;
    }
    for (Member member : refused) {
      log.warn("Downing {}: its cluster port refuses connections, so its process is gone (no need to wait for missed"
          + " heartbeats and the split brain resolver)", member.address());
      cluster.manager().tell(new Down(member.address()));
      // The leader removes a downed member only once it is unreachable, which waits for the failure detector; a
      // quarantine (what its removal does anyway) has the cluster mark it terminated at once.
      remoting.quarantine(member.address(), Option.apply(member.uniqueAddress().longUid()),
          "its cluster port refuses connections");
    }
  }

  /** A member already on its way out (exiting, down, removed) is not probed. */
  private static boolean probed(MemberStatus status) {
    return status == MemberStatus.up() || status == MemberStatus.weaklyUp() || status == MemberStatus.leaving()
        || status == MemberStatus.joining();
  }

  private static boolean refusesConnections(Address address) {
    return address.host().isDefined() && address.port().isDefined()
        && refusesConnections(address.host().get(), (Integer) address.port().get());
  }

  /** True only for a refused connection: nothing listens on that port, so the process that did has ended. */
  static boolean refusesConnections(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
      return false;
    } catch (ConnectException e) {
      // Linux reports a timeout from the kernel as a ConnectException too; only a refusal says the process is gone.
      return e.getMessage() != null && e.getMessage().startsWith("Connection refused");
    } catch (IOException e) {
      return false;
    }
  }

  /** Counted as the resolver's keep-majority counts: members Up or Leaving. */
  static boolean reachesAMajority(Iterable<Member> members, Set<Member> lost) {
    int counted = 0;
    int reachable = 0;
    for (Member member : members) {
      if (member.status() == MemberStatus.up() || member.status() == MemberStatus.leaving()) {
        counted++;
        if (!lost.contains(member)) {
          reachable++;
        }
      }
    }
    return reachable * 2 > counted;
  }
}
