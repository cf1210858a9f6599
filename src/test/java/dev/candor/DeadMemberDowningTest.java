package dev.candor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.apache.pekko.actor.Address;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.UniqueAddress;
import org.apache.pekko.util.Version;
import org.junit.jupiter.api.Test;

class DeadMemberDowningTest {

  @Test
  void onlyAPortNothingListensOnCountsAsAProcessGone() throws Exception {
    int closedPort;
    try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = listening.getLocalPort();
      // Never accepted, as in a stopped process: the kernel still completes the connection.
      assertFalse(DeadMemberDowning.refusesConnections("127.0.0.1", closedPort));
    }
    assertTrue(DeadMemberDowning.refusesConnections("127.0.0.1", closedPort));
    assertFalse(DeadMemberDowning.refusesConnections("unknown-host.invalid", closedPort),
        "a name that does not resolve proves nothing");
  }

  @Test
  void onlyANodeThatReachesAMajorityOfTheCountedMembersDowns() {
    Member a = member(1, MemberStatus.up());
    Member b = member(2, MemberStatus.up());
    Member c = member(3, MemberStatus.up());
    assertTrue(DeadMemberDowning.reachesAMajority(List.of(a, b, c), Set.of(c)));
    assertFalse(DeadMemberDowning.reachesAMajority(List.of(a, b, c), Set.of(b, c)));
    assertFalse(DeadMemberDowning.reachesAMajority(List.of(a, b), Set.of(b)), "one of two is no majority");
    Member joining = member(4, MemberStatus.joining());
    Member leaving = member(5, MemberStatus.leaving());
    assertTrue(DeadMemberDowning.reachesAMajority(List.of(a, b, c, joining), Set.of(c, joining)),
        "a joining member is not counted");
    assertFalse(DeadMemberDowning.reachesAMajority(List.of(a, b, c, leaving), Set.of(c, leaving)),
        "a leaving one is");
  }

  private static Member member(int n, MemberStatus status) {
    UniqueAddress address = UniqueAddress.apply(new Address("pekko", "candor", "10.0.0." + n, 7355), (long) n);
    return new Member(address, n, status, scala.collection.immutable.Set$.MODULE$.<String>empty(), Version.Zero());
  }
}
