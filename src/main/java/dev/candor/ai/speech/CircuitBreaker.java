package dev.candor.ai.speech;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops calling a speech provider that keeps failing, so that every session on the node does not wait out
 * its timeouts: after {@code maxFailures} provider failures in a row the breaker opens and calls fail at
 * once for {@code openFor}; then one trial call goes through, and its outcome closes or reopens it. Only
 * failures on the provider's side count; bad audio or a refused request is an answer, not an outage, and
 * a busy local engine is a queue.
 */
public final class CircuitBreaker {

  @FunctionalInterface
  public interface Call<T> {
    T run() throws SpeechException;
  }

  private final String provider;
  private final int maxFailures;
  private final Duration openFor;
  private final Clock clock;
  private int failuresInARow;
  private Instant openUntil;
  private boolean trialRunning;

  public CircuitBreaker(String provider, int maxFailures, Duration openFor, Clock clock) {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("max-failures must be at least 1, was " + maxFailures);
    }
    this.provider = provider;
    this.maxFailures = maxFailures;
    this.openFor = openFor;
    this.clock = clock;
  }

  public <T> T call(Call<T> call) throws SpeechException {
    admit();
    boolean settled = false;
    try {
      T result = call.run();
      succeeded();
      settled = true;
      return result;
    } catch (SpeechException e) {
      if (e.kind() == SpeechException.Kind.BUSY) {
        released();
      } else if (e.retryable()) {
        failed();
      } else {
        succeeded();
      }
      settled = true;
      throw e;
    } finally {
      // Anything else (a runtime exception, a missing native library) is the provider's failure too.
      if (!settled) {
        failed();
      }
    }
  }

  public static SpeechToText guard(SpeechToText ears, CircuitBreaker breaker) {
    return clip -> breaker.call(() -> ears.transcribe(clip));
  }

  public static TextToSpeech guard(TextToSpeech voice, CircuitBreaker breaker) {
    return (text, name) -> breaker.call(() -> voice.synthesize(text, name));
  }

  private synchronized void admit() throws SpeechException {
    if (openUntil == null) {
      return;
    }
    Instant now = clock.instant();
    if (now.isBefore(openUntil) || trialRunning) {
      Duration wait = now.isBefore(openUntil) ? Duration.between(now, openUntil) : openFor;
      throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, provider + " failed " + failuresInARow
          + " times in a row; it is not called again for " + Math.max(1, wait.toSeconds()) + " s", wait, null);
    }
    trialRunning = true;
  }

  /** A call that never reached the provider: it says nothing about the provider's health. */
  private synchronized void released() {
    trialRunning = false;
  }

  private synchronized void succeeded() {
    failuresInARow = 0;
    openUntil = null;
    trialRunning = false;
  }

  private synchronized void failed() {
    failuresInARow++;
    if (trialRunning || failuresInARow >= maxFailures) {
      openUntil = clock.instant().plus(openFor);
    }
    trialRunning = false;
  }
}
