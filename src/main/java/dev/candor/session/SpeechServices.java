package dev.candor.session;

import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.TextToSpeech;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What a spoken interview needs besides the interviewer: ears, a voice, and a place for audio. Either of
 * the first two may be null: without ears recordings are refused, without a voice nothing is spoken.
 *
 * @param voiceEngine names the text-to-speech engine and model, so that cached speech of one engine is
 *     never served for another
 */
public record SpeechServices(SpeechToText ears, TextToSpeech voice, String voiceEngine, AudioStore audio) {

  /** What an audio id of spoken words starts with; recordings have other ids. */
  public static final String LINE_PREFIX = "speech-";

  /**
   * {@code text} spoken in {@code voice}: from the audio store when these words were spoken before, else
   * synthesised and stored under their {@link #lineId}.
   */
  public SpeechAudio spoken(String voice, String text) throws SpeechException, IOException {
    String id = lineId(voice, text);
    Optional<AudioStore.StoredAudio> stored = audio.load(id);
    if (stored.isPresent()) {
      return new SpeechAudio(stored.get().bytes(), stored.get().contentType());
    }
    SpeechAudio made = this.voice.synthesize(text, voice);
    audio.save(id, made.bytes(), made.contentType());
    return made;
  }

  /**
   * Speaks each of {@code lines} into the audio store unless it is there already, for the interviews to come;
   * a line that fails now is spoken (and its failure reported) when an interview needs it.
   *
   * @return how many lines are in the store now
   */
  public int prepare(String voice, List<String> lines) {
    int ready = 0;
    for (String line : lines) {
      try {
        spoken(voice, line);
        ready++;
      } catch (SpeechException | IOException | RuntimeException e) {
        // Left for the interview that needs the line.
      }
    }
    return ready;
  }

  /**
   * The audio id of {@code text} spoken in {@code voice} by this engine: identical words in the same voice are
   * synthesised once, whoever asks for them.
   */
  public String lineId(String voice, String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((voiceEngine + "\n" + voice + "\n" + text).getBytes(StandardCharsets.UTF_8));
      return LINE_PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
