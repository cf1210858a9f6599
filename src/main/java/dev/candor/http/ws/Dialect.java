package dev.candor.http.ws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Json;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The contracts that share {@code /ws/interview/{session_id}}. DESIGN.md's rule picks one per connection:
 * an explicit {@code ?protocol=} (or WebSocket subprotocol) first; else seed 004's when the id is one its
 * {@code POST /session/start} made; else the voice loop, which greets with session_started and hands the connection
 * to OpenHire when the first client message is in seed 002's envelope.
 */
public enum Dialect {
  VOICELOOP,
  OPENHIRE,
  SESSIONAPI;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Dialect> named(String name) {
    return Arrays.stream(values()).filter(d -> d.wireName().equalsIgnoreCase(name.trim())).findFirst();
  }

  public static String supported() {
    return String.join(", ", Arrays.stream(values()).map(Dialect::wireName).toList());
  }

  /** Only seed 002 wraps every message in {"type": ..., "data": {...}}. */
  public static Optional<Dialect> fromFirstMessage(String text) {
    try {
      JsonNode message = Json.parse(text);
      if (message.isObject() && message.path("type").isTextual() && message.path("data").isObject()) {
        return Optional.of(OPENHIRE);
      }
    } catch (Json.InvalidJsonException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
