package dev.candor;

import com.typesafe.config.Config;
import dev.candor.ai.speech.CircuitBreaker;
import dev.candor.ai.speech.SpeechToText;
import dev.candor.ai.speech.TextToSpeech;
import dev.candor.ai.speech.audio.AudioDecoder;
import dev.candor.ai.speech.embedded.EmbeddedEngines;
import dev.candor.ai.speech.embedded.EmbeddedSpeechToText;
import dev.candor.ai.speech.embedded.EmbeddedTextToSpeech;
import dev.candor.ai.speech.embedded.MarySpeaker;
import dev.candor.ai.speech.embedded.MaryVoice;
import dev.candor.ai.speech.hosted.ElevenLabsTextToSpeech;
import dev.candor.ai.speech.hosted.OpenAiSpeechToText;
import dev.candor.ai.speech.hosted.OpenAiTextToSpeech;
import dev.candor.session.AudioStore;
import dev.candor.session.SpeechServices;
import dev.candor.session.SpokenText;
import dev.candor.store.AudioRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code candor.speech}: which engines hear and speak, built and checked at start (a bad URL, duration or
 * voice stops the node then, not at the first answer). The embedded engines themselves load on first use,
 * or in the background right after start with warm-up on.
 *
 * @param ears null when nothing hears (STT_PROVIDER=none)
 * @param mouth a hosted voice; null for the embedded one (an actor, made once the actor system exists) and for none
 * @param voice the voice-loop interviewer's voice; null when nothing speaks
 * @param voiceEngine part of every cached line's id: the same words from another engine or model are other audio
 */
record SpeechSetup(String sttProvider, String ttsProvider, SpeechToText ears, TextToSpeech mouth, String voice,
    String voiceEngine, long maxAudioBytes, boolean warmUp, EmbeddedEngines.VoskSettings vosk, int breakerFailures,
    Duration breakerOpenFor) {

  private static final Logger log = LoggerFactory.getLogger(SpeechSetup.class);

  static SpeechSetup from(Config config) {
    Config c = config.getConfig("candor.speech");
    String stt = c.getString("stt-provider").strip().toLowerCase(Locale.ROOT);
    String tts = c.getString("tts-provider").strip().toLowerCase(Locale.ROOT);
    Config embedded = c.getConfig("embedded");
    String modelDir = embedded.getString("vosk-model-dir");
    String unpackDir = embedded.getString("vosk-unpack-dir");
    EmbeddedEngines.VoskSettings vosk = new EmbeddedEngines.VoskSettings(
        modelDir.isBlank() ? null : Path.of(modelDir),
        unpackDir.isBlank() ? Path.of(System.getProperty("java.io.tmpdir"), "candor-vosk-model-en-us-0.3.45") : Path.of(unpackDir),
        embedded.getInt("recognizers"), embedded.getDuration("recognizer-wait").toMillis());
    long maxAudioBytes = c.getBytes("max-audio");
    // Each route bounds its own uploads (max-audio for the sockets); a video answer is mostly picture, so the
    // decoder takes files as large as the largest video upload, its audio bounded by max-audio-seconds.
    long maxDecodedFile = Math.max(maxAudioBytes, config.getBytes("candor.lifecycle.max-video"));
    SpeechToText ears = switch (stt) {
      case "embedded" -> new EmbeddedSpeechToText(new AudioDecoder(new AudioDecoder.Limits(maxDecodedFile,
          c.getDouble("max-audio-seconds"))), () -> EmbeddedEngines.vosk(vosk));
      case "openai" -> new OpenAiSpeechToText(OpenAiSpeechToText.Settings.from(c.getConfig("openai-stt")));
      case "none" -> null;
      default -> throw new IllegalArgumentException(
          "candor.speech.stt-provider (STT_PROVIDER) must be embedded, openai or none, was '" + stt + "'");
    };
    TextToSpeech mouth = switch (tts) {
      case "embedded" -> null;
      case "openai" -> new OpenAiTextToSpeech(OpenAiTextToSpeech.Settings.from(c.getConfig("openai-tts")));
      case "elevenlabs" -> new ElevenLabsTextToSpeech(ElevenLabsTextToSpeech.Settings.from(c.getConfig("elevenlabs")));
      case "none" -> null;
      default -> throw new IllegalArgumentException(
          "candor.speech.tts-provider (TTS_PROVIDER) must be embedded, openai, elevenlabs or none, was '" + tts + "'");
    };
    String voice = tts.equals("none") ? null : c.getString("voice").strip();
    if (tts.equals("embedded") && !Set.of("female", "male", MarySpeaker.VOICE).contains(voice.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("candor.speech.voice (INTERVIEW_VOICE) must be female or male for the embedded "
          + "voice, was '" + voice + "'");
    }
    String voiceEngine = switch (tts) {
      case "openai" -> "openai:" + c.getString("openai-tts.model");
      case "elevenlabs" -> "elevenlabs:" + c.getString("elevenlabs.model") + ":" + c.getString("elevenlabs.output-format");
      default -> tts + ":" + MarySpeaker.VOICE;
    };
    return new SpeechSetup(stt, tts, ears, mouth, voice, voiceEngine, maxAudioBytes, c.getBoolean("warm-up"), vosk,
        c.getInt("breaker.max-failures"), c.getDuration("breaker.open-for"));
  }

  /** Whether this node can hear spoken answers at all. */
  boolean hears() {
    return ears != null;
  }

  /**
   * The speech a session may use, each provider behind a circuit breaker of this node's; null when neither
   * hearing nor speaking is configured.
   */
  SpeechServices services(AudioRepository audio, ActorSystem<?> system, Duration speechTimeout) {
    TextToSpeech speaker = ttsProvider.equals("embedded") ? maryVoice(system, speechTimeout) : mouth;
    if (ears == null && speaker == null) {
      return null;
    }
    Clock clock = Clock.systemUTC();
    SpeechToText guardedEars = ears == null ? null : CircuitBreaker.guard(ears,
        new CircuitBreaker("The " + sttProvider + " speech recogniser", breakerFailures, breakerOpenFor, clock));
    TextToSpeech guardedMouth = speaker == null ? null : CircuitBreaker.guard(speaker,
        new CircuitBreaker("The " + ttsProvider + " voice", breakerFailures, breakerOpenFor, clock));
    AudioStore store = new AudioStore() {
      @Override
      public void save(String id, byte[] bytes, String contentType) {
        audio.save(id, bytes, contentType);
      }

      @Override
      public Optional<StoredAudio> load(String id) {
        return audio.load(id).map(a -> new StoredAudio(a.bytes(), a.contentType()));
      }

    };
    return new SpeechServices(guardedEars, guardedMouth, voiceEngine, store);
  }

  /**
   * MaryTTS behind its actor, on a thread of its own. The wait is a little shorter than the session's time
   * limit for the line, so the session hears Mary's own timeout rather than its worker's.
   */
  private static TextToSpeech maryVoice(ActorSystem<?> system, Duration speechTimeout) {
    ActorRef<MaryVoice.Speak> actor = system.systemActorOf(MaryVoice.create(EmbeddedEngines::mary), "mary-voice",
        DispatcherSelector.fromConfig("candor-mary-dispatcher"));
    return new EmbeddedTextToSpeech(MaryVoice.asking(actor, system.scheduler(), speechTimeout.multipliedBy(9).dividedBy(10)));
  }

  /**
   * Loads the embedded engines off the caller's thread and runs each once, so the node answers while they load
   * and its first spoken turn costs what later ones do. Completes (also when loading failed: speech then fails
   * per request, with its own error) once they are warm; at once when warm-up is off.
   *
   * @param alsoLoad another in-process model to load on the same thread (the answer-relevance model)
   */
  CompletableFuture<Void> warmUpInBackground(Runnable alsoLoad) {
    CompletableFuture<Void> warm = new CompletableFuture<>();
    if (!warmUp) {
      warm.complete(null);
      return warm;
    }
    Thread thread = new Thread(() -> {
      try {
        alsoLoad.run();
        EmbeddedEngines.warmUp(vosk, sttProvider.equals("embedded"), ttsProvider.equals("embedded"));
      } catch (Exception e) {
        log.warn("The embedded models could not be loaded ahead of use: {}", e.getMessage(), e);
      } finally {
        warm.complete(null);
      }
    }, "speech-warm-up");
    thread.setDaemon(true);
    thread.start();
    return warm;
  }

  /**
   * Once the engines are warm, speaks the lines every interview may need (remarks, follow-ups, closings) into the
   * audio store, so a turn whose reply is made of them needs no synthesis. On a new database that is a few seconds
   * of synthesis per line; lines already stored (by an earlier start, or another node) cost a lookup each.
   *
   * @return completes when the node may say it is ready: for the embedded voice once the lines are stored (or
   *     their synthesis failed); for a hosted one once the engines are warm, since a provider that is down would
   *     hold readiness for as long as its timeouts last
   */
  CompletableFuture<Void> speakAheadWhenWarm(CompletableFuture<Void> warm, SpeechServices speech,
      List<String> interviewerLines) {
    if (!warmUp || speech == null || speech.voice() == null || voice == null) {
      return warm;
    }
    List<String> lines = new ArrayList<>(SpokenText.everyInterview());
    lines.addAll(interviewerLines);
    CompletableFuture<Void> spoken = warm.thenRunAsync(() -> log.info("{} of {} common interviewer lines are spoken and stored",
        speech.prepare(voice, lines), lines.size()), runnable -> {
          Thread thread = new Thread(runnable, "speech-ahead");
          thread.setDaemon(true);
          thread.start();
        });
    return ttsProvider.equals("embedded") ? spoken : warm;
  }
}
