package dev.candor;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import dev.candor.ai.speech.SpeechAudio;
import dev.candor.ai.speech.TextToSpeech;
import dev.candor.session.SpeechServices;
import dev.candor.session.SpokenText;
import dev.candor.testing.MemoryAudioStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a node's readiness waits for after its engines are warm: the common lines, spoken by its own voice only. */
class SpeechSetupTest {

  private final CountDownLatch voiceFree = new CountDownLatch(1);
  private final List<String> spoken = new CopyOnWriteArrayList<>();

  @Test
  void readinessWaitsForTheCommonLinesWithTheEmbeddedVoiceOnly() throws Exception {
    TextToSpeech busyVoice = (text, voice) -> {
      try {
        voiceFree.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      spoken.add(text);
      return new SpeechAudio(text.getBytes(StandardCharsets.UTF_8), "audio/mpeg");
    };
    SpeechServices speech = new SpeechServices(null, busyVoice, "test", new MemoryAudioStore());
    CompletableFuture<Void> warm = CompletableFuture.completedFuture(null);

    CompletableFuture<Void> embedded = setup("embedded", true).speakAheadWhenWarm(warm, speech, List.of("Thanks, that helps."));
    CompletableFuture<Void> hosted = setup("openai", true).speakAheadWhenWarm(warm, speech, List.of("Thanks, that helps."));
    assertFalse(embedded.isDone(), "the embedded voice is still speaking the lines");
    assertTrue(hosted.isDone(), "a hosted voice's lines are spoken in the background: a provider down must not hold readiness");

    voiceFree.countDown();
    embedded.get(10, TimeUnit.SECONDS);
    assertTrue(spoken.containsAll(SpokenText.everyInterview()), "spoken: " + spoken);
    assertTrue(spoken.contains("Thanks, that helps."), "and the interviewer's own lines: " + spoken);
    assertSame(warm, setup("embedded", false).speakAheadWhenWarm(warm, speech, List.of()), "warm-up off: nothing ahead");
  }

  private static SpeechSetup setup(String voice, boolean warmUp) {
    return SpeechSetup.from(ConfigFactory.parseMap(Map.of("candor.speech.tts-provider", voice,
        "candor.speech.stt-provider", "none", "candor.speech.warm-up", warmUp)).withFallback(ConfigFactory.load()));
  }
}
