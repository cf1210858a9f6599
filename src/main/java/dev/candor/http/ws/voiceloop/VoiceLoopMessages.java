package dev.candor.http.ws.voiceloop;

import com.fasterxml.jackson.databind.JsonNode;
import dev.candor.http.Json;
import dev.candor.interview.Resume;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Seed 001's server messages, and its ParsedResume read back into our resume. */
final class VoiceLoopMessages {

  enum State { READY, PROCESSING_STT, GENERATING, SPEAKING, ERROR }

  /** Seed 001's error codes. */
  enum Code { EMPTY_TRANSCRIPTION, PROCESSING_ERROR, SESSION_NOT_FOUND, START_ERROR, WEBSOCKET_ERROR }

  private VoiceLoopMessages() {}

  static String sessionStarted(String sessionId) {
    return Json.write(Json.object().put("type", "session_started").put("session_id", sessionId));
  }

  static String status(State state) {
    return Json.write(Json.object().put("type", "status").put("state", state.name().toLowerCase(java.util.Locale.ROOT)));
  }

  static String transcript(String role, String text, long sequence) {
    return Json.write(Json.object().put("type", "transcript").put("role", role).put("text", text).put("sequence", sequence));
  }

  static String audio(byte[] bytes, String contentType) {
    return Json.write(Json.object().put("type", "audio").put("data", Base64.getEncoder().encodeToString(bytes))
        .put("format", format(contentType)));
  }

  static String error(Code code, String message, boolean recoverable) {
    return Json.write(Json.object().put("type", "error").put("code", code.name()).put("message", message)
        .put("recoverable", recoverable));
  }

  static String sessionEnded(String sessionId, long totalTurns) {
    return Json.write(Json.object().put("type", "session_ended").put("session_id", sessionId).put("total_turns", totalTurns));
  }

  private static String format(String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
    if (type.contains("mpeg") || type.contains("mp3")) {
      return "mp3";
    }
    if (type.contains("wav")) {
      return "wav";
    }
    if (type.contains("ogg") || type.contains("opus")) {
      return "ogg";
    }
    return type.startsWith("audio/") ? type.substring("audio/".length()) : "mp3";
  }

  /** Seed 001's ParsedResume (as {@code POST /resume/parse} returns it) as our resume; absent parts stay empty. */
  static Resume resume(JsonNode parsed) {
    JsonNode contact = parsed.path("contact");
    List<Resume.Experience> experience = new ArrayList<>();
    for (JsonNode e : parsed.path("experiences")) {
      experience.add(new Resume.Experience(text(e, "company"), text(e, "title"), text(e, "start_date"), text(e, "end_date"),
          null, text(e, "description"), strings(e.path("highlights"))));
    }
    List<Resume.Education> education = new ArrayList<>();
    for (JsonNode e : parsed.path("education")) {
      education.add(new Resume.Education(text(e, "institution"), text(e, "degree"), text(e, "field"), text(e, "graduation_date")));
    }
    return new Resume(text(contact, "name"), text(contact, "email"), text(contact, "phone"), text(contact, "location"),
        text(contact, "linkedin"), null, text(parsed, "summary"), experience, education, strings(parsed.path("skills")),
        List.of(), strings(parsed.path("certifications")), text(parsed, "raw_text"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? value.asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : array) {
      if (item.isValueNode() && !item.isNull() && !item.asText().isBlank()) {
        values.add(item.asText());
      }
    }
    return values;
  }
}
