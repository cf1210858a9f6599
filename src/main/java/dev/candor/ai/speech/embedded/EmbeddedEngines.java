package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.SpeechException;
import dev.candor.ai.speech.audio.Pcm;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The embedded engines, one of each per JVM: Mary keeps global state and the Vosk model is a few hundred MB
 * in memory, so every node (and every test server) in a process shares them. Each loads on first use.
 */
public final class EmbeddedEngines {

  /** @param modelDir null for the packed model; unpackDir where a jar's copy of it is written */
  public record VoskSettings(Path modelDir, Path unpackDir, int recognizers, long waitMillis) {}

  /**
   * What the recognisers hear before the first answer: everyday interview answer language. A recogniser's graph
   * cache fills with the words it has heard, so the more of them it knows, the faster its first real answers.
   */
  private static final String WARM_UP_SPEECH = "Thank you for having me. In my last role I led a small team that "
      + "built a new system for our customers. I was responsible for the design and I worked closely with the product "
      + "manager. When we had a problem with the database, I found the cause, fixed it, and wrote tests so it would not "
      + "happen again. As a result we cut the time to deploy by forty percent and saved about two hundred hours a "
      + "year. My greatest strength is that I communicate clearly. A weakness I am working on is saying no to extra "
      + "work. I want this job because I like your company and the people I would learn from. In five years I see "
      + "myself leading a team. I would start by asking what the users need, then I would build a simple first "
      + "version, measure it, and improve it step by step. When two colleagues disagreed about the plan, I met with "
      + "each of them, we agreed on clear goals, and we shipped on time. I learned to check my assumptions early and "
      + "to ask for feedback, and my manager asked me to train three new engineers.";

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

  /**
   * Loads the engines this node uses and runs each once (a sentence spoken, encoded, and heard by every recogniser
   * the node may run at once), so the first interview after a start pays no loading, compiling or cache filling.
   */
  public static void warmUp(VoskSettings settings, boolean hear, boolean speak) throws SpeechException {
    VoskRecognizer recognizer = hear ? vosk(settings) : null;
    if (!speak) {
      return;
    }
    MarySpeaker.Speech speech = mary().speak(WARM_UP_SPEECH, false);
    Mp3Encoder.encode(speech.samples(), speech.sampleRate());
    if (recognizer != null) {
      recognizer.warmUp(Pcm.of(speech.samples(), speech.sampleRate()).samples());
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
