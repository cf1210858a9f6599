package dev.candor.ai.speech.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.ai.speech.SpeechException;
import dev.candor.testing.TestConfigs;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** MaryTTS behind its actor: callers on many threads each get their own line; Mary's failures reach them. */
class MaryVoiceTest {

  private static final ActorTestKit testKit = ActorTestKit.create(TestConfigs.local());

  @AfterAll
  static void shutdown() {
    testKit.shutdownTestKit();
  }

  @Test
  void linesAskedFromManyThreadsAreEachSpokenWhole() throws Exception {
    ActorRef<MaryVoice.Speak> actor = testKit.spawn(MaryVoice.create(EmbeddedEngines::mary));
    EmbeddedTextToSpeech.Voice voice = MaryVoice.asking(actor, testKit.scheduler(), Duration.ofSeconds(60));
    List<String> lines = List.of("Tell me about yourself.", "What is your greatest strength?",
        "Describe a difficult bug you fixed.", "Why do you want this role?");
    List<CompletableFuture<MarySpeaker.Speech>> spoken = lines.stream().map(line -> CompletableFuture.supplyAsync(() -> {
      try {
        return voice.speak(line, false);
      } catch (SpeechException e) {
        throw new IllegalStateException(e);
      }
    })).toList();
    for (int i = 0; i < lines.size(); i++) {
      MarySpeaker.Speech speech = spoken.get(i).get();
      MarySpeaker.Speech alone = EmbeddedEngines.mary().speak(lines.get(i), false);
      assertEquals(alone.samples().length, speech.samples().length, "line " + i + " is its own, spoken whole");
    }
  }

  @Test
  void marysFailureReachesTheCaller() {
    ActorRef<MaryVoice.Speak> actor = testKit.spawn(MaryVoice.create(() -> {
      throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "MaryTTS could not start: no voice");
    }));
    EmbeddedTextToSpeech.Voice voice = MaryVoice.asking(actor, testKit.scheduler(), Duration.ofSeconds(5));
    SpeechException e = assertThrows(SpeechException.class, () -> voice.speak("Hello", false));
    assertEquals(SpeechException.Kind.PROVIDER_UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("no voice"));
  }
}
