package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.SpeechException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded engines, one of each per JVM: Mary keeps global state and the Vosk model is a few hundred MB
 * in memory, so every node (and every test server) in a process shares them. Each loads on first use.
 */
public final class EmbeddedEngines {

  /** @param modelDir null for the packed model; unpackDir where a jar's copy of it is written */
  public record VoskSettings(Path modelDir, Path unpackDir, int recognizers, long waitMillis) {}

  // One lock each, so that a caller of one engine never waits for the other to load.
  private static final Object MARY_LOCK = new Object();
  private static final Object VOSK_LOCK = new Object();
  private static MarySpeaker mary;
  private static VoskRecognizer vosk;

  private EmbeddedEngines() {}

  public static MarySpeaker mary() throws SpeechException {
    synchronized (MARY_LOCK) {
      if (mary == null) {
        mary = new MarySpeaker();
      }
      return mary;
    }
  }

  /** The first caller's settings load the model; later callers share it. */
  public static VoskRecognizer vosk(VoskSettings settings) throws SpeechException {
    synchronized (VOSK_LOCK) {
      return loadVosk(settings);
    }
  }

  private static VoskRecognizer loadVosk(VoskSettings settings) throws SpeechException {
    if (vosk == null) {
      try {
        vosk = VoskRecognizer.load(settings.modelDir(), settings.unpackDir(), settings.recognizers(), settings.waitMillis());
      } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
        throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "The speech recogniser could not start: " + e.getMessage(), e);
      }
    }
    return vosk;
  }
}
