package dev.candor.session;

import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.TextToSpeech;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

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
