package dev.candor;

import com.typesafe.config.Config;
import dev.candor.ai.speech.CircuitBreaker;
import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.TextToSpeech;
import dev.candor.ai.speech.audio.AudioDecoder;
import dev.candor.ai.speech.embedded.EmbeddedEngines;
import dev.candor.ai.speech.embedded.EmbeddedSpeechToText;
import dev.candor.ai.speech.embedded.EmbeddedTextToSpeech;
import dev.candor.ai.speech.hosted.ElevenLabsTextToSpeech;
import dev.candor.ai.speech.hosted.OpenAiSpeechToText;
import dev.candor.ai.speech.hosted.OpenAiTextToSpeech;
import dev.candor.session.AudioStore;
import dev.candor.session.SpeechServices;
import dev.candor.store.AudioRepository;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code candor.speech}: which engines hear and speak, read and checked at start. The embedded engines load
 * on first use (or in the background right after start, with warm-up on).
 *
 * @param voice the voice-loop interviewer's voice; null when nothing speaks
 */
record SpeechSetup(String sttProvider, String ttsProvider, String voice, long maxAudioBytes, double maxAudioSeconds,
    boolean warmUp, EmbeddedEngines.VoskSettings vosk, int breakerFailures, java.time.Duration breakerOpenFor, Config speech) {

  private static final Logger log = LoggerFactory.getLogger(SpeechSetup.class);

  static SpeechSetup from(Config config) {
    Config c = config.getConfig("candor.speech");
    String stt = c.getString("stt-provider").strip().toLowerCase(java.util.Locale.ROOT);
    String tts = c.getString("tts-provider").strip().toLowerCase(java.util.Locale.ROOT);
    if (!java.util.Set.of("embedded", "openai", "none").contains(stt)) {
      throw new IllegalArgumentException("candor.speech.stt-provider (STT_PROVIDER) must be embedded, openai or none, was '" + stt + "'");
    }
    if (!java.util.Set.of("embedded", "openai", "elevenlabs", "none").contains(tts)) {
      throw new IllegalArgumentException(
          "candor.speech.tts-provider (TTS_PROVIDER) must be embedded, openai, elevenlabs or none, was '" + tts + "'");
    }
    Config embedded = c.getConfig("embedded");
    String modelDir = embedded.getString("vosk-model-dir");
    String unpackDir = embedded.getString("vosk-unpack-dir");
    EmbeddedEngines.VoskSettings vosk = new EmbeddedEngines.VoskSettings(
        modelDir.isBlank() ? null : Path.of(modelDir),
        unpackDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "candor-vosk-model-en-us-0.3.45") : Path.of(unpackDir),
        embedded.getInt("recognizers"), embedded.getDuration("recognizer-wait").toMillis());
    String voice = tts.equals("none") ? null : c.getString("voice").strip();
    SpeechSetup setup = new SpeechSetup(stt, tts, voice, c.getBytes("max-audio"), c.getDouble("max-audio-seconds"),
        c.getBoolean("warm-up"), vosk, c.getInt("breaker.max-failures"), c.getDuration("breaker.open-for"), c);
    // Builds the hosted adapters once, so that a bad URL or duration stops the node now rather than at the first answer.
    setup.ears();
    setup.mouth();
    return setup;
  }

  /**
   * The speech a session may use, each provider behind a circuit breaker of this node's; null when neither
   * hearing nor speaking is configured.
   */
  SpeechServices services(AudioRepository audio) {
    java.time.Clock clock = java.time.Clock.systemUTC();
    SpeechToText ears = ears().map(e -> CircuitBreaker.guard(e,
        new CircuitBreaker("The " + sttProvider + " speech recogniser", breakerFailures, breakerOpenFor, clock))).orElse(null);
    TextToSpeech mouth = mouth().map(m -> CircuitBreaker.guard(m,
        new CircuitBreaker("The " + ttsProvider + " voice", breakerFailures, breakerOpenFor, clock))).orElse(null);
    if (ears == null && mouth == null) {
      return null;
    }
    AudioStore store = new AudioStore() {
      @Override
      public void save(String id, byte[] bytes, String contentType) {
        audio.save(id, bytes, contentType);
      }

      @Override
      public Optional<StoredAudio> load(String id) {
        return audio.load(id).map(a -> new StoredAudio(a.bytes(), a.contentType()));
      }

      @Override
      public boolean exists(String id) {
        return audio.exists(id);
      }
    };
    return new SpeechServices(ears, mouth, voiceEngine(), store);
  }

  /**
   * Loads the embedded engines off the caller's thread, so the node answers while they load.
   *
   * @param alsoLoad another in-process model to load on the same thread (the answer-relevance model)
   */
  void warmUpInBackground(Runnable alsoLoad) {
    if (!warmUp) {
      return;
    }
    Thread thread = new Thread(() -> {
      try {
        alsoLoad.run();
        if (sttProvider.equals("embedded")) {
          EmbeddedEngines.vosk(vosk);
        }
        if (ttsProvider.equals("embedded")) {
          EmbeddedEngines.mary();
        }
      } catch (Exception e) {
        log.warn("The embedded speech engines could not be loaded ahead of use: {}", e.getMessage(), e);
      }
    }, "speech-warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private Optional<SpeechToText> ears() {
    return switch (sttProvider) {
      case "embedded" -> Optional.of(new EmbeddedSpeechToText(new AudioDecoder(new AudioDecoder.Limits(maxAudioBytes, maxAudioSeconds)),
          () -> EmbeddedEngines.vosk(vosk)));
      case "openai" -> Optional.of(new OpenAiSpeechToText(OpenAiSpeechToText.Settings.from(speech.getConfig("openai-stt"))));
      default -> Optional.empty();
    };
  }

  private Optional<TextToSpeech> mouth() {
    return switch (ttsProvider) {
      case "embedded" -> Optional.of(new EmbeddedTextToSpeech(EmbeddedEngines::mary));
      case "openai" -> Optional.of(new OpenAiTextToSpeech(OpenAiTextToSpeech.Settings.from(speech.getConfig("openai-tts"))));
      case "elevenlabs" -> Optional.of(new ElevenLabsTextToSpeech(ElevenLabsTextToSpeech.Settings.from(speech.getConfig("elevenlabs"))));
      default -> Optional.empty();
    };
  }

  /** Part of every cached line's id: the same words from another engine or model are other audio. */
  private String voiceEngine() {
    return switch (ttsProvider) {
      case "openai" -> "openai:" + speech.getString("openai-tts.model");
      case "elevenlabs" -> "elevenlabs:" + speech.getString("elevenlabs.model") + ":" + speech.getString("elevenlabs.output-format");
      default -> ttsProvider + ":" + dev.candor.ai.speech.embedded.MarySpeaker.VOICE;
    };
  }
}
