package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechStep;
import dev.candor.ai.speech.TextToSpeech;
import java.util.Locale;

/** The no-key voice: MaryTTS speech as MP3. */
public final class EmbeddedTextToSpeech implements TextToSpeech {

  private final Voice voice;

  /** Who speaks: on a node, the {@link MaryVoice} actor; in a single-threaded tool, Mary directly. */
  @FunctionalInterface
  public interface Voice {
    MarySpeaker.Speech speak(String text, boolean male) throws SpeechException;
  }

  public EmbeddedTextToSpeech(Voice voice) {
    this.voice = voice;
  }

  @Override
  public SpeechAudio synthesize(String text, String voiceName) throws SpeechException {
    boolean male = isMale(voiceName);
    SpeechStep synthesis = SpeechStep.begin("synthesise");
    MarySpeaker.Speech speech = voice.speak(text, male);
    synthesis.end(speech.seconds());
    SpeechStep encoding = SpeechStep.begin("encode");
    byte[] mp3 = Mp3Encoder.encode(speech.samples(), speech.sampleRate());
    encoding.end(speech.seconds());
    return new SpeechAudio(mp3, "audio/mpeg");
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
