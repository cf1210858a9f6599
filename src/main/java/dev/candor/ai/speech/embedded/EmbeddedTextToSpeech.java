package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.TextToSpeech;
import java.util.Locale;

/** The no-key voice: MaryTTS speech as MP3. */
public final class EmbeddedTextToSpeech implements TextToSpeech {

  private final Speaker speaker;

  /** Where the speaker comes from: loading Mary takes seconds, so it may be deferred to the first line. */
  @FunctionalInterface
  public interface Speaker {
    MarySpeaker get() throws SpeechException;
  }

  public EmbeddedTextToSpeech(Speaker speaker) {
    this.speaker = speaker;
  }

  @Override
  public SpeechAudio synthesize(String text, String voice) throws SpeechException {
    MarySpeaker.Speech speech = speaker.get().speak(text, isMale(voice));
    return new SpeechAudio(Mp3Encoder.encode(speech.samples(), speech.sampleRate()), "audio/mpeg");
  }

  private static boolean isMale(String voice) throws SpeechException {
    String v = voice == null ? "" : voice.strip().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "female", MarySpeaker.VOICE -> false;
      case "male" -> true;
      default -> throw new SpeechException(SpeechException.Kind.PROVIDER_REJECTED,
          "The embedded voice speaks as 'female' or 'male', not '" + voice + "'");
    };
  }
}
