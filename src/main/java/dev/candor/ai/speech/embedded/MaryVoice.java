package dev.candor.ai.speech.embedded;

import dev.candor.ai.speech.SpeechException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * MaryTTS behind one actor per node: Mary is not known to be thread-safe, so every line is spoken by this
 * actor, one after another, in the order asked. It runs on a dispatcher of its own (Mary blocks for a
 * second or so per line); the MP3 encoding is left to the callers, so they share only the synthesis.
 */
public final class MaryVoice {

  public record Speak(String text, boolean male, ActorRef<Spoken> replyTo) {}

  /** Exactly one of the two is set. */
  public record Spoken(MarySpeaker.Speech speech, SpeechException failure) {}

  /** Where Mary comes from: loading her takes seconds, so it is deferred to the first line. */
  @FunctionalInterface
  public interface Source {
    MarySpeaker get() throws SpeechException;
  }

  private MaryVoice() {}

  public static Behavior<Speak> create(Source mary) {
    return Behaviors.receive(Speak.class)
        .onMessage(Speak.class, speak -> {
          try {
            speak.replyTo().tell(new Spoken(mary.get().speak(speak.text(), speak.male()), null));
          } catch (SpeechException e) {
            speak.replyTo().tell(new Spoken(null, e));
          }
          return Behaviors.same();
        })
        .build();
  }

  /** The voice as the blocking port wants it: asks the actor and waits up to {@code timeout} for the line. */
  public static EmbeddedTextToSpeech.Voice asking(ActorRef<Speak> actor, Scheduler scheduler, Duration timeout) {
    return (text, male) -> {
      try {
        Spoken spoken = AskPattern.<Speak, Spoken>ask(actor, replyTo -> new Speak(text, male, replyTo), timeout, scheduler)
            .toCompletableFuture().get(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
        if (spoken.failure() != null) {
          throw spoken.failure();
        }
        return spoken.speech();
      } catch (ExecutionException | TimeoutException e) {
        throw new SpeechException(SpeechException.Kind.TIMEOUT, "MaryTTS did not speak the line within " + timeout.toSeconds()
            + " s (lines queue for it one at a time)", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "Interrupted while waiting for MaryTTS", e);
      }
    };
  }
}
