package dev.candor.ai.speech;

import java.util.List;

/**
 * What was said in a recording.
 *
 * @param language BCP 47 tag or the engine's language name, "en" for the embedded engine
 * @param durationSeconds length of the audio that was heard
 * @param words per-word timings, empty when the engine gives none
 */
public record Transcript(String text, String language, double durationSeconds, List<TimedWord> words) {

  public Transcript {
    text = text == null ? "" : text.strip();
    words = words == null ? List.of() : List.copyOf(words);
  }

  /** A recognised word and where it lies in the audio, in seconds. */
  public record TimedWord(String word, double startSeconds, double endSeconds) {}

  public boolean isEmpty() {
    return text.isEmpty();
  }
}
