package dev.candor.ai.speech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.candor.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  private final CircuitBreaker breaker = new CircuitBreaker("api.example.com", 3, Duration.ofSeconds(30), clock);
  private final AtomicInteger calls = new AtomicInteger();

  private String down() throws SpeechException {
    calls.incrementAndGet();
    throw new SpeechException(SpeechException.Kind.PROVIDER_UNAVAILABLE, "HTTP 503");
  }

  private String up() {
    calls.incrementAndGet();
    return "hello";
  }

  @Test
  void opensAfterFailuresInARowFailsFastThenLetsOneTrialThrough() {
    for (int i = 0; i < 3; i++) {
      assertThrows(SpeechException.class, () -> breaker.call(this::down));
    }
    assertEquals(3, calls.get());
    SpeechException fast = assertThrows(SpeechException.class, () -> breaker.call(this::up));
    assertEquals(3, calls.get(), "an open breaker does not call the provider");
    assertEquals(SpeechException.Kind.PROVIDER_UNAVAILABLE, fast.kind());
    assertTrue(fast.getMessage().contains("api.example.com failed 3 times"), fast.getMessage());
    assertEquals(Duration.ofSeconds(30), fast.retryAfter().orElseThrow());

    clock.advance(Duration.ofSeconds(31));
    assertThrows(SpeechException.class, () -> breaker.call(this::down));
    assertEquals(4, calls.get(), "one trial after the open period");
    assertThrows(SpeechException.class, () -> breaker.call(this::up));
    assertEquals(4, calls.get(), "a failed trial opens it again at once");

    clock.advance(Duration.ofSeconds(31));
    assertEquals("hello", assertDoesNotThrowCall());
    assertEquals("hello", assertDoesNotThrowCall());
    assertEquals(6, calls.get(), "a good trial closes it");
  }

  @Test
  void badAudioAndRefusalsAreAnswersNotOutages() {
    for (SpeechException.Kind kind : List.of(SpeechException.Kind.EMPTY_AUDIO, SpeechException.Kind.INVALID_AUDIO,
        SpeechException.Kind.PROVIDER_REJECTED, SpeechException.Kind.EMPTY_AUDIO, SpeechException.Kind.TOO_LARGE)) {
      assertThrows(SpeechException.class, () -> breaker.call(() -> {
        calls.incrementAndGet();
        throw new SpeechException(kind, "no");
      }));
    }
    assertEquals("hello", assertDoesNotThrowCall());
    assertEquals(6, calls.get());
  }

  @Test
  void aSuccessResetsTheCount() throws Exception {
    assertThrows(SpeechException.class, () -> breaker.call(this::down));
    assertThrows(SpeechException.class, () -> breaker.call(this::down));
    breaker.call(this::up);
    assertThrows(SpeechException.class, () -> breaker.call(this::down));
    assertThrows(SpeechException.class, () -> breaker.call(this::down));
    assertEquals("hello", breaker.call(this::up), "two failures after a success do not open it");
  }

  @Test
  void aBusyLocalEngineIsAQueueNotAnOutage() {
    for (int i = 0; i < 10; i++) {
      assertThrows(SpeechException.class, () -> breaker.call(() -> {
        throw new SpeechException(SpeechException.Kind.BUSY, "every recogniser is busy");
      }));
    }
    assertEquals("hello", assertDoesNotThrowCall(), "ten busy refusals do not open it");
  }

  @Test
  void anErrorDuringTheTrialReopensItRatherThanWedgingIt() {
    for (int i = 0; i < 3; i++) {
      assertThrows(SpeechException.class, () -> breaker.call(this::down));
    }
    clock.advance(Duration.ofSeconds(31));
    assertThrows(UnsatisfiedLinkError.class, () -> breaker.call(() -> {
      throw new UnsatisfiedLinkError("libvosk.so");
    }));
    clock.advance(Duration.ofSeconds(31));
    assertEquals("hello", assertDoesNotThrowCall(), "the next trial is let through and closes it");
  }

  private String assertDoesNotThrowCall() {
    try {
      return breaker.call(this::up);
    } catch (SpeechException e) {
      throw new AssertionError("the breaker should be closed", e);
    }
  }
}
