package dev.candor.http.ws.socketio;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.json.JSONException;
import org.json.JSONObject;

/**
 * The handshake half of Socket.IO v4's connection-state recovery, which the library lacks: the server's CONNECT
 * carries a private id ({@code pid}), and a client that reconnects sends it back with the offset of the last event it
 * got; the client counts itself recovered when the new CONNECT names the same pid. The other half, replaying what the
 * client missed from its offset, is the dialect's: its offsets name session updates, which any node can replay.
 * <p>
 * This works on the Engine.IO packets the transports carry ({@code 4} message + Socket.IO {@code 0} CONNECT on the
 * default namespace), keyed by Engine.IO session id.
 */
final class ConnectionRecovery {

  private static final String CONNECT = "40";
  /** Socket.IO's own pids are 20 characters; a longer one is not worth keeping. */
  private static final int MAX_PID = 64;

  /** The pid a client's CONNECT brought back, until the server's CONNECT answers it. */
  private final Map<String, String> returning = new ConcurrentHashMap<>();
  /** The Engine.IO connections open now: only their packets are read, so a made-up session id leaves nothing behind. */
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  /** Whether the dialect can replay from an offset: a client whose offset it cannot use is not told it recovered. */
  private final Predicate<String> resumable;

  ConnectionRecovery(Predicate<String> resumable) {
    this.resumable = resumable;
  }

  /** Reads a packet from the client; it goes on to the library unchanged. */
  void fromClient(String engineId, String packet) {
    if (engineId == null || !packet.startsWith(CONNECT + "{") || !open.contains(engineId)) {
      return;
    }
    try {
      JSONObject auth = new JSONObject(packet.substring(CONNECT.length()));
      Object pid = auth.opt("pid");
      if (pid instanceof String given && !given.isBlank() && given.length() <= MAX_PID
          && auth.opt("offset") instanceof String offset && resumable.test(offset)) {
        returning.put(engineId, given);
      }
    } catch (JSONException e) {
      // Not ours to judge: the library answers a malformed CONNECT itself.
    }
  }

  /** A packet towards the client, with a pid added to the server's CONNECT: the client's own when it came back with one. */
  String toClient(String engineId, String packet) {
    if (!packet.startsWith(CONNECT + "{")) {
      return packet;
    }
    String pid = engineId == null ? null : returning.remove(engineId);
    try {
      JSONObject connect = new JSONObject(packet.substring(CONNECT.length()));
      return CONNECT + connect.put("pid", pid == null ? UUID.randomUUID().toString() : pid);
    } catch (JSONException e) {
      return packet;
    }
  }

  void opened(String engineId) {
    open.add(engineId);
  }

  /** Forgets a connection, and its pid if it closed before the server answered its CONNECT. */
  void closed(String engineId) {
    open.remove(engineId);
    returning.remove(engineId);
  }
}
