package dev.candor.testing.audio;

import dev.candor.ai.speech.embedded.EmbeddedEngines;
import dev.candor.ai.speech.embedded.MarySpeaker;

/** The candidate's voice in tests: MaryTTS at 48 kHz, like a microphone's capture rate. */
public final class CandidateVoice {

  private CandidateVoice() {}

  public static short[] say(String words) throws Exception {
    MarySpeaker.Speech speech = EmbeddedEngines.mary().speak(words, false);
    if (speech.sampleRate() != 48_000) {
      throw new IllegalStateException("MaryTTS spoke at " + speech.sampleRate() + " Hz");
    }
    return speech.samples();
  }
}
