package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.AudioClip;
import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.SpeechStep;
import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.Transcript;
import dev.candor.ai.speech.audio.AudioDecoder;
import dev.candor.ai.speech.audio.Pcm;

/** The no-key recogniser: browser recordings decoded in Java, then heard by Vosk. */
public final class EmbeddedSpeechToText implements SpeechToText {

  /** Where the recogniser comes from: the model loads in seconds, so it may be deferred to the first answer. */
  @FunctionalInterface
  public interface Recognizer {
    VoskRecognizer get() throws SpeechException;
  }

  private final AudioDecoder decoder;
  private final Recognizer recognizer;

  public EmbeddedSpeechToText(AudioDecoder decoder, Recognizer recognizer) {
    this.decoder = decoder;
    this.recognizer = recognizer;
  }

  @Override
  public Transcript transcribe(AudioClip clip) throws SpeechException {
    SpeechStep decoding = SpeechStep.begin("decode");
    Pcm pcm = decoder.decode(clip);
    decoding.end(pcm.seconds());
    if (pcm.isSilent()) {
      throw new SpeechException(SpeechException.Kind.EMPTY_AUDIO, "The recording is silent");
    }
    VoskRecognizer vosk = recognizer.get();
    SpeechStep recognition = SpeechStep.begin("recognise");
    Transcript transcript = vosk.recognize(pcm.samples());
    recognition.end(pcm.seconds());
    if (transcript.isEmpty()) {
      throw new SpeechException(SpeechException.Kind.EMPTY_AUDIO, "No words could be made out in the recording");
    }
    return transcript;
  }
}
