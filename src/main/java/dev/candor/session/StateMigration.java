package dev.candor.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.apache.pekko.serialization.jackson.JacksonMigration;

/**
 * Reads snapshots of {@link InterviewSession.State} written before version 2, which carried the whole event log:
 * the log becomes the event count, the replay window of its newest events and its newest spoken event. Without
 * this, a session recovered from such a snapshot would number its next events from 1 again.
 */
public final class StateMigration extends JacksonMigration {

  /** The type names (the {@code event} property) of the events that are spoken aloud. */
  private static final Set<String> SPOKEN = Set.of("question-asked", "interview-ending");

  @Override
  public int currentVersion() {
    return 2;
  }

  @Override
  public JsonNode transform(int fromVersion, JsonNode json) {
    if (fromVersion >= 2 || !(json instanceof ObjectNode state) || !(state.remove("log") instanceof ArrayNode log)) {
      return json;
    }
    int size = log.size();
    state.put("lastSeq", size);
    ArrayNode recent = state.putArray("recent");
    for (int i = Math.max(0, size - InterviewSession.REPLAY_WINDOW); i < size; i++) {
      recent.add(log.get(i));
    }
    for (int i = size - 1; i >= 0; i--) {
      if (SPOKEN.contains(log.get(i).path("event").asText())) {
        state.put("lastSpokenSeq", i + 1);
        state.set("lastSpoken", log.get(i));
        break;
      }
    }
    return state;
  }
}
